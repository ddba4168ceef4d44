/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link OutputOnFailure} keeps a passing test's output and log lines off the console and writes
 * a failing test's there after it; {@link SkippedTestsReport} says in one line why a test was
 * skipped. Each runs the example classes below with the JUnit Platform launcher, as Maven
 * Surefire does, and reads what reached the console.
 */
class OutputOnFailureTests {

	@Test
	void passingTestPrintsNothing() {
		String console = run(Passing.class);
		assertThat(console).doesNotContain("printed by the passing test")
			.doesNotContain("logged by the passing test")
			.doesNotContain("Output of the failed test");
	}

	@Test
	void failingTestsOutputFollowsIt() {
		String console = run(Failing.class);
		assertThat(console).contains("Output of the failed test fails()")
			.contains("printed by the failing test")
			.contains("logged by the failing test");
	}

	@Test
	void skippedTestSaysWhyInOneLine() {
		String console = run(Skipped.class);
		assertThat(console.lines().filter((line) -> line.startsWith("Skipped "))).containsExactly(
				"Skipped " + Skipped.class.getName() + ".skipped: Assumption failed: no engine here, see the README");
	}

	private static String run(Class<?> examples) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(examples))
			.build();
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		PrintStream out = System.out;
		PrintStream err = System.err;
		PrintStream capture = new PrintStream(console, true, Charset.defaultCharset());
		System.setOut(capture);
		System.setErr(capture);
		try {
			LauncherFactory.create().execute(request, new SummaryGeneratingListener());
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		return console.toString(Charset.defaultCharset());
	}

	@ExtendWith(OutputOnFailure.class)
	static class Passing {

		@Test
		void passes() {
			System.out.println("printed by the passing test");
			LoggerFactory.getLogger(OutputOnFailureTests.class).warn("logged by the passing test");
		}

	}

	@ExtendWith(OutputOnFailure.class)
	static class Failing {

		@Test
		void fails() {
			System.out.println("printed by the failing test");
			LoggerFactory.getLogger(OutputOnFailureTests.class).warn("logged by the failing test");
			fail("as it should");
		}

	}

	static class Skipped {

		@Test
		void skipped() {
			Assumptions.assumeTrue(false, "no engine here,\n see the README");
		}

	}

}
