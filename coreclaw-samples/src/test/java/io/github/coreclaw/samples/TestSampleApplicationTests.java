/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestSampleApplication}, run as {@code spring-boot:test-run} runs it: in a JVM of its own
 * on the test class path.
 */
class TestSampleApplicationTests {

	@Test
	void runsTheDemoAgainstTheSimulatorEvenWithAnApiKeySetAndExitsZero(@TempDir Path temp)
			throws IOException, InterruptedException {
		Path log = temp.resolve("out.txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", TestClasspath.asString(),
				TestSampleApplication.class.getName()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("CORECLAW_API_KEY", "a-key-that-must-not-leave-this-machine");
		builder.environment().put("CORECLAW_TASK_ID", "my-own-task");
		Process process = builder.start();
		try {
			assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("TestSampleApplication exits").isTrue();
			String output = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(output).isZero();
			assertThat(output).contains("The following 1 profile is active: \"simulator\"")
				.containsPattern("CoreClaw simulator started at http://127\\.0\\.0\\.1:\\d+; the CoreClaw client is "
						+ "pointed at it")
				.containsPattern("Started run 01SIM[A-Z0-9]{21} of worker task rate-limited-task")
				.containsPattern("Run 01SIM[A-Z0-9]{21} of worker task demo-task: SUCCEEDED, 5 result rows")
				.contains("| Blue Bottle Coffee     | Oakland       | 4.6    |")
				.doesNotContain("CORECLAW_API_KEY is not set")
				.doesNotContain("my-own-task");
		}
		finally {
			process.destroyForcibly();
		}
	}

}
