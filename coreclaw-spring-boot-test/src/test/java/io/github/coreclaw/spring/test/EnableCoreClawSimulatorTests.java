/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableCoreClawSimulator} points the auto-configured client at a simulator of the test's own.
 */
@ExtendWith(OutputOnFailure.class)
@SpringBootTest(properties = { "coreclaw.retry.initial-backoff=5ms", "coreclaw.retry.max-backoff=50ms" })
@EnableCoreClawSimulator
class EnableCoreClawSimulatorTests {

	@Autowired
	private WorkerTaskOperations workerTasks;

	@Autowired
	private CoreClawClient client;

	@Autowired
	private CoreClawSimulator simulator;

	@BeforeEach
	void reset() {
		this.simulator.reset();
	}

	@Test
	void clientIsPointedAtTheSimulator() {
		assertThat(this.client.settings().baseUrl()).isEqualTo(this.simulator.baseUrl());
		assertThat(this.client.settings().apiKey()).isEqualTo(CoreClawSimulator.API_KEY);
		RunSlug slug = this.workerTasks.runAsync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(5));
		assertThat(slug).isNotNull();
		this.simulator.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
				.withHeader("Authorization", equalTo("Bearer " + CoreClawSimulator.API_KEY)));
	}

	@Test
	void theAutoConfiguredRetryRidesOutTheRateLimitedTask() {
		RunSlug slug = this.workerTasks.runAsync(CoreClawSimulator.RATE_LIMITED_TASK).block(Duration.ofSeconds(10));
		assertThat(slug).isNotNull();
		this.simulator.server().verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/rate-limited-task/runs")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
