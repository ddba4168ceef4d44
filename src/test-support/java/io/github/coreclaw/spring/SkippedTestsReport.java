/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the build's console, in one line each, why a test or a test class was skipped (a
 * disabling condition, such as no Docker engine or too old a JDK, or a failed assumption): the
 * Maven Surefire console reports only how many were. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkippedTestsReport implements TestExecutionListener {

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		report(test, reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			report(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
		}
	}

	private static void report(TestIdentifier test, String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.strip().replaceAll("\\s*\\R\\s*", " ")
				: "no reason given";
		System.out.println("Skipped " + name(test) + ": " + why);
	}

	private static String name(TestIdentifier test) {
		TestSource source = test.getSource().orElse(null);
		if (source instanceof ClassSource type) {
			return type.getClassName();
		}
		if (source instanceof MethodSource method) {
			return method.getClassName() + "." + method.getMethodName();
		}
		return test.getDisplayName();
	}

}
