/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.opentest4j.TestAbortedException;

/**
 * JUnit extension for tests that expect failures: what a test writes to {@code System.out} and
 * {@code System.err} (its log lines, the warnings and stack traces of the failures it provokes,
 * Spring Boot's banner and failure reports) stays off the build's console while it passes, and is
 * written there after it when it fails, so that nothing a real failure printed is lost.
 * <p>
 * Log lines are held too, since Logback's console appender writes to whatever
 * {@code System.out} is when it writes. Register it before {@code OutputCaptureExtension}, in the
 * same {@code @ExtendWith}, so that the test can still assert on its output:
 * {@code @ExtendWith({ OutputOnFailure.class, OutputCaptureExtension.class })}.
 */
public final class OutputOnFailure implements BeforeEachCallback, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(OutputOnFailure.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		Held held = new Held(System.out, System.err);
		context.getStore(NAMESPACE).put(Held.class, held);
		System.setOut(held.stream);
		System.setErr(held.stream);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Held held = context.getStore(NAMESPACE).remove(Held.class, Held.class);
		if (held == null) {
			return;
		}
		System.setOut(held.out);
		System.setErr(held.err);
		held.stream.flush();
		boolean failed = context.getExecutionException()
			.filter((ex) -> !(ex instanceof TestAbortedException))
			.isPresent();
		if (failed) {
			held.out.println("Output of the failed test " + context.getDisplayName() + ":");
			held.out.write(held.buffer.toByteArray(), 0, held.buffer.size());
			held.out.flush();
		}
	}

	private static final class Held {

		private final PrintStream out;

		private final PrintStream err;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private final PrintStream stream;

		Held(PrintStream out, PrintStream err) {
			this.out = out;
			this.err = err;
			this.stream = new PrintStream(this.buffer, true, Charset.defaultCharset());
		}

	}

}
