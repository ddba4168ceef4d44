/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;

import io.github.coreclaw.spring.client.AuthScheme;
import io.github.coreclaw.spring.client.CoreClawAuthenticationException;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CompletedRun;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.ExportFormat;
import io.github.coreclaw.spring.client.RunLog;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.CoreClawRateLimitedException;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.CoreClawValidationException;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator answers as the CoreClaw API does.
 */
class CoreClawSimulatorTests {

	private static CoreClawSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = CoreClawSimulator.start();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
	}

	@Test
	void asyncRunsGetAFreshRunSlugEachTime() {
		RunSlug first = operations(null).runAsync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(5));
		RunSlug second = operations(null).runAsync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(5));
		assertThat(first).isNotNull();
		assertThat(first.value()).startsWith("01SIM").hasSize(26);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void syncRunsAnswerTheDocumentedShapeHonouringLimit() {
		SyncRunResult result = operations(null).runSync(CoreClawSimulator.DEMO_TASK, RunOptions.builder().limit(3).build())
			.block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(result.finished()).isTrue();
		assertThat(result.total()).isEqualTo(5);
		assertThat(result.rows()).hasSize(3);
		assertThat(result.rows().get(0)).containsEntry("title", "Blue Bottle Coffee");
		assertThat(result.headers()).extracting("key").containsExactly("title", "city", "rating");
		assertThat(result.runningDuration()).isEqualTo(Duration.ofSeconds(7));
		SyncRunResult all = operations(null).runSync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(5));
		assertThat(all.rows()).hasSize(5);
	}

	@Test
	void unknownTaskIsNotFound() {
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> operations(null).runAsync("no-such-task").block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(60001));
	}

	@Test
	void missingOrWrongKeyIsUnauthorized() {
		WorkerTaskOperations wrongKey = CoreClawClient
			.builder(CoreClawClientSettings.of("not-the-key").withBaseUrl(simulator.baseUrl()))
			.build()
			.workerTasks();
		assertThatExceptionOfType(CoreClawAuthenticationException.class)
			.isThrownBy(() -> wrongKey.runAsync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12001));
		WorkerTaskOperations noBearer = CoreClawClient
			.builder(CoreClawClientSettings.of(CoreClawSimulator.API_KEY)
				.withBaseUrl(simulator.baseUrl())
				.withAuthScheme(AuthScheme.API_KEY_HEADER))
			.build()
			.workerTasks();
		assertThatExceptionOfType(CoreClawAuthenticationException.class)
			.isThrownBy(() -> noBearer.runAsync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(5)));
	}

	@Test
	void limitAboveHundredIsInvalid() {
		// RunOptions refuses 101, so send it the way another client would.
		org.springframework.web.reactive.function.client.WebClient.create(simulator.baseUrl().toString())
			.post()
			.uri("/api/v2/worker-tasks/demo-task/runs")
			.header("Authorization", "Bearer " + CoreClawSimulator.API_KEY)
			.header("Content-Type", "application/json")
			.bodyValue("{\"is_async\":false,\"limit\":101}")
			.exchangeToMono((response) -> response.bodyToMono(String.class).map((body) -> {
				assertThat(response.statusCode().value()).isEqualTo(422);
				assertThat(body).contains("\"code\": 11000");
				return body;
			}))
			.block(Duration.ofSeconds(5));
	}

	@Test
	void rateLimitedTaskAnswers429OnceThenRuns() {
		assertThatExceptionOfType(CoreClawRateLimitedException.class)
			.isThrownBy(() -> operations(null).runAsync(CoreClawSimulator.RATE_LIMITED_TASK).block(Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(429);
				assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(1));
			});
		assertThat(operations(null).runAsync(CoreClawSimulator.RATE_LIMITED_TASK).block(Duration.ofSeconds(5))).isNotNull();
	}

	@Test
	void busyTaskIsRiddenOutByTheRetry() {
		CoreClawRetrySettings fast = CoreClawRetrySettings.defaults()
			.withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), 0.0);
		SyncRunResult result = operations(fast).runSync(CoreClawSimulator.BUSY_TASK).block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		simulator.server().verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void runAndAwaitSeesTheRunProgressThenReadsItsResults() {
		CompletedRun completed = client(null).workerTasks()
			.runAndAwait(CoreClawSimulator.DEMO_TASK, RunOptions.builder().limit(3).build(), Duration.ofSeconds(10))
			.block(Duration.ofSeconds(15));
		assertThat(completed).isNotNull();
		assertThat(completed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(completed.run().resultCount()).isEqualTo(5);
		assertThat(completed.run().workerTitle()).isEqualTo("Coffee Shops");
		assertThat(completed.firstPage().rows()).hasSize(3);
		simulator.server().verify(3, getRequestedFor(urlPathMatching("/api/v2/worker-runs/01SIM[A-Z0-9]+")));
	}

	@Test
	void runDetailResultsLogExportAndAbortAnswer() {
		WorkerRunOperations runs = client(null).workerRuns();
		RunSlug run = new RunSlug("01SIMEXAMPLERUN");
		assertThat(runs.getRun(run).block(Duration.ofSeconds(5)).runSlug()).isEqualTo(run);
		assertThat(runs.results(run).collectList().block(Duration.ofSeconds(5))).hasSize(5);
		assertThat(runs.log(run).block(Duration.ofSeconds(5)).entries()).extracting(RunLog.Entry::content)
			.containsExactly("Run started", "5 places found");
		assertThat(runs.export(run, ExportFormat.JSON, java.util.List.of()).block(Duration.ofSeconds(5)))
			.hasToString("https://storage.example.com/runs/01SIMEXAMPLERUN/results.json");
		runs.abort(run).block(Duration.ofSeconds(5));
		simulator.server().verify(1, postRequestedFor(urlPathMatching("/api/v2/worker-runs/01SIMEXAMPLERUN/abort")));
	}

	private static CoreClawClient client(CoreClawRetrySettings retry) {
		CoreClawClient.Builder builder = CoreClawClient
			.builder(CoreClawClientSettings.of(simulator.apiKey()).withBaseUrl(simulator.baseUrl()))
			.polling(CoreClawPollingSettings.defaults().withIntervals(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0));
		if (retry != null) {
			builder.retry(retry);
		}
		return builder.build();
	}

	private static WorkerTaskOperations operations(CoreClawRetrySettings retry) {
		CoreClawClient.Builder builder = CoreClawClient
			.builder(CoreClawClientSettings.of(simulator.apiKey()).withBaseUrl(simulator.baseUrl()));
		if (retry != null) {
			builder.retry(retry);
		}
		return builder.build().workerTasks();
	}

}
