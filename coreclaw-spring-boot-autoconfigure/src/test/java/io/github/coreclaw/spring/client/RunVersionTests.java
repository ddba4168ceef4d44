/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RunOptions#version()} is sent on runs of a Worker only: runs of worker tasks and reruns
 * have no such field, so options with a version fail there before anything is sent.
 */
class RunVersionTests {

	private static final RunOptions VERSION = RunOptions.builder().version("v1.2.8").build();

	private static final String REFUSED = "options must not set a version: a worker task runs the version saved with "
			+ "it and a rerun the version of its run; only runs of a Worker take one";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void workerTaskRunsRefuseAVersion() {
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).build()) {
			WorkerTaskOperations tasks = client.workerTasks();
			assertThatIllegalArgumentException().isThrownBy(() -> tasks.runAsync("demo-task", VERSION)).withMessage(REFUSED);
			assertThatIllegalArgumentException().isThrownBy(() -> tasks.runSync("demo-task", VERSION)).withMessage(REFUSED);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> tasks.runAndAwait("demo-task", VERSION, Duration.ofMinutes(1)))
				.withMessage(REFUSED);
		}
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void rerunsRefuseAVersion() {
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).build()) {
			WorkerRunOperations runs = client.workerRuns();
			RunSlug run = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");
			assertThatIllegalArgumentException().isThrownBy(() -> runs.rerunAsync(run, VERSION)).withMessage(REFUSED);
			assertThatIllegalArgumentException().isThrownBy(() -> runs.rerunSync(run, VERSION)).withMessage(REFUSED);
		}
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

}
