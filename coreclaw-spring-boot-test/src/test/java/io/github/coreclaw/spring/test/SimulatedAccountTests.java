/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawConcurrencyLimitException;
import io.github.coreclaw.spring.client.CoreClawRateLimitedException;
import io.github.coreclaw.spring.client.ResultPage;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerInput;
import io.github.coreclaw.spring.client.WorkerRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The simulator as an account: plan limit, rate limiting, each run's own duration, status and
 * rows, request counts and callbacks. Its clock is Reactor's parallel scheduler, replaced here
 * by a virtual one, so no test waits for simulated time.
 */
class SimulatedAccountTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static CoreClawSimulator simulator;

	private static WireMockServer target;

	private VirtualTimeScheduler time;

	private CoreClawClient client;

	@BeforeAll
	static void startServers() {
		simulator = CoreClawSimulator.start();
		target = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		target.start();
	}

	@AfterAll
	static void stopServers() {
		simulator.close();
		target.stop();
	}

	@BeforeEach
	void setUp() {
		this.time = VirtualTimeScheduler.getOrSet();
		simulator.reset();
		target.resetAll();
		target.stubFor(post("/ok").willReturn(aResponse().withStatus(204)));
		target.stubFor(post("/broken").willReturn(aResponse().withStatus(500)));
		this.client = CoreClawClient.builder(CoreClawClientSettings.of(simulator.apiKey()).withBaseUrl(simulator.baseUrl()))
			.build();
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		simulator.reset();
		VirtualTimeScheduler.reset();
	}

	@Test
	void aStartBeyondThePlanLimitIsRefusedWith30003AndCreatesNoRun() {
		simulator.planLimit(2);
		RunSlug first = start();
		start();
		assertThatExceptionOfType(CoreClawConcurrencyLimitException.class).isThrownBy(this::start)
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(30003);
				assertThat(ex.getHttpStatus()).isEqualTo(400);
			});
		assertThat(simulator.runningRuns()).isEqualTo(2);
		// A run without its own behaviour finishes on its third read, which frees its slot.
		for (int i = 0; i < 3; i++) {
			this.client.blocking().workerRuns().getRun(first);
		}
		assertThat(simulator.runningRuns()).isEqualTo(1);
		start();
		assertThat(simulator.requestCounts()).containsOnly(Map.entry("worker-run.get", 3), Map.entry("worker-task.run", 4));
	}

	@Test
	void heldSlotsCountAgainstThePlanLimit() {
		simulator.planLimit(2);
		simulator.holdSlots(1);
		start();
		assertThatExceptionOfType(CoreClawConcurrencyLimitException.class).isThrownBy(this::start);
		simulator.holdSlots(0);
		start();
		assertThat(simulator.runningRuns()).isEqualTo(2);
	}

	@Test
	void rateLimitedStartsAnswer429WithRetryAfterAndCreateNoRun() {
		simulator.rateLimitRunStarts(2, Duration.ofMillis(1500));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(CoreClawRateLimitedException.class).isThrownBy(this::start).satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(429);
				assertThat(ex.getCode()).isEqualTo(13000);
				assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(2));
			});
		}
		assertThat(simulator.runningRuns()).isZero();
		start();
		assertThat(simulator.runningRuns()).isEqualTo(1);
		assertThat(simulator.requestCount("worker-task.run")).isEqualTo(3);
	}

	@Test
	void aRunWithItsOwnDurationRunsUntilItPassedThenEndsWithItsRowsAndErrorRows() {
		simulator.runs(SimulatedRun.succeedingAfter(Duration.ofSeconds(2)).withRows(3, 2));
		RunSlug run = start();
		assertThat(this.client.blocking().workerRuns().getRun(run).status()).isEqualTo(RunStatus.RUNNING);
		this.time.advanceTimeBy(Duration.ofMillis(1999));
		assertThat(this.client.blocking().workerRuns().getRun(run).status()).isEqualTo(RunStatus.RUNNING);
		assertThat(simulator.runningRuns()).isEqualTo(1);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		WorkerRun finished = this.client.blocking().workerRuns().getRun(run);
		assertThat(finished.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(finished.resultCount()).isEqualTo(5);
		assertThat(simulator.runningRuns()).isZero();
		ResultPage page = this.client.blocking().workerRuns().resultPage(run, 1, 10);
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.rows()).hasSize(5);
		assertThat(page.rows().subList(0, 3)).allSatisfy((row) -> assertThat(row).containsKeys("title", "city"));
		assertThat(page.rows().subList(3, 5)).allSatisfy((row) -> assertThat(row)
			.containsOnlyKeys("error", "status_code", "input_url")
			.containsEntry("error", "CAPTCHA challenge")
			.containsEntry("status_code", 403));
		assertThat(this.client.blocking().workerRuns().resultPage(run, 2, 4).rows()).hasSize(1);
	}

	@Test
	void eachRunGetsTheBehaviourItsStartRequestAsksFor() {
		simulator.runs((body) -> body.contains("\"fail\"") ? SimulatedRun.failingAfter(Duration.ofSeconds(1))
				: SimulatedRun.succeedingAfter(Duration.ofSeconds(3)).withRows(0, 0));
		RunSlug failing = this.client.blocking().workers().runAsync("demo-worker", WorkerInput.builder().custom("keywords", List.of("fail")).build());
		RunSlug empty = this.client.blocking().workers().runAsync("demo-worker", WorkerInput.builder().custom("keywords", List.of("Berlin")).build());
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		WorkerRun failed = this.client.blocking().workerRuns().getRun(failing);
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(this.client.blocking().workerRuns().getRun(empty).status()).isEqualTo(RunStatus.RUNNING);
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		WorkerRun succeeded = this.client.blocking().workerRuns().getRun(empty);
		assertThat(succeeded.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(succeeded.resultCount()).isZero();
		assertThat(this.client.blocking().workerRuns().resultPage(empty, 1, 10).rows()).isEmpty();
	}

	@Test
	void anAbortedRunEndsAbortedAndFreesItsSlot() {
		simulator.planLimit(1);
		simulator.runs(SimulatedRun.succeedingAfter(Duration.ofMinutes(5)));
		RunSlug run = start();
		this.client.blocking().workerRuns().abort(run);
		assertThat(this.client.blocking().workerRuns().getRun(run).status()).isEqualTo(RunStatus.ABORTED);
		assertThat(simulator.runningRuns()).isZero();
		start();
	}

	@Test
	void aFinishedRunsCallbackIsPostedToItsCallbackUrl() {
		simulator.runs(SimulatedRun.succeedingAfter(Duration.ofSeconds(2)).withRows(4, 0));
		RunSlug run = start(URI.create(target.baseUrl() + "/ok"));
		assertThat(simulator.sentCallbacks()).isEmpty();
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		SentCallback sent = simulator.callbacks().blockFirst(WAIT);
		assertThat(sent.runSlug()).isEqualTo(run.value());
		assertThat(sent.httpStatus()).isEqualTo(204);
		assertThat(sent.delivered()).isTrue();
		assertThat(sent.attempt()).isEqualTo(1);
		target.verify(1, postRequestedFor(urlEqualTo("/ok")).withRequestBody(equalToJson("""
				{"run_slug":"%s","run_status":"succeeded","error_message":"","execution_start_timestamp":0,
				"execution_end_timestamp":2,"running_duration":2,"result_count":4,"result_message":"done"}"""
			.formatted(run.value()))));
		assertThat(simulator.sentCallbacks()).containsExactly(sent);
	}

	@Test
	void aRunThatFinishesByReadsSendsItsCallbackOnTheReadThatFinishesIt() {
		RunSlug run = start(URI.create(target.baseUrl() + "/ok"));
		this.client.blocking().workerRuns().getRun(run);
		this.client.blocking().workerRuns().getRun(run);
		assertThat(simulator.sentCallbacks()).isEmpty();
		this.client.blocking().workerRuns().getRun(run);
		assertThat(simulator.callbacks().blockFirst(WAIT).payload()).contains("\"run_status\":\"succeeded\"");
	}

	@Test
	void aCallbackTheTargetRefusesIsRecordedAndNotRetriedByDefault() {
		simulator.runs(SimulatedRun.failingAfter(Duration.ofSeconds(1)));
		start(URI.create(target.baseUrl() + "/broken"));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		SentCallback sent = simulator.callbacks().blockFirst(WAIT);
		assertThat(sent.httpStatus()).isEqualTo(500);
		assertThat(sent.delivered()).isFalse();
		assertThat(sent.payload()).contains("\"run_status\":\"failed\"", "\"error_message\":\"simulated failure\"");
		this.time.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(simulator.sentCallbacks()).hasSize(1);
		target.verify(1, postRequestedFor(urlEqualTo("/broken")));
	}

	@Test
	void aCallbackIsRetriedAsConfiguredAfterAFailureOnDemand() {
		simulator.callbackDelivery(3, Duration.ofSeconds(5));
		simulator.dropCallbacks(1);
		simulator.runs(SimulatedRun.succeedingAfter(Duration.ofSeconds(1)));
		start(URI.create(target.baseUrl() + "/ok"));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		SentCallback dropped = simulator.callbacks().blockFirst(WAIT);
		assertThat(dropped.httpStatus()).isZero();
		assertThat(dropped.failure()).isEqualTo("dropped by the simulator");
		target.verify(0, postRequestedFor(urlEqualTo("/ok")));
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		List<SentCallback> attempts = simulator.callbacks().take(2).collectList().block(WAIT);
		assertThat(attempts.get(1).attempt()).isEqualTo(2);
		assertThat(attempts.get(1).delivered()).isTrue();
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(simulator.sentCallbacks()).hasSize(2);
		target.verify(1, postRequestedFor(urlEqualTo("/ok")));
	}

	@Test
	void aCallbackToATargetThatIsDownIsRecordedWithTheFailure() {
		simulator.runs(SimulatedRun.succeedingAfter(Duration.ofSeconds(1)));
		start(URI.create("http://127.0.0.1:1/down"));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		SentCallback sent = simulator.callbacks().blockFirst(WAIT);
		assertThat(sent.httpStatus()).isZero();
		assertThat(sent.failure()).isNotBlank();
		assertThat(sent.delivered()).isFalse();
	}

	@Test
	void badSettingsAreRefusedNamingTheArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> simulator.planLimit(-1))
			.withMessage("limit must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> simulator.rateLimitRunStarts(1, null))
			.withMessage("retryAfter must not be null or negative, was null");
		assertThatIllegalArgumentException().isThrownBy(() -> simulator.callbackDelivery(0, Duration.ZERO))
			.withMessage("attempts must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedRun(Duration.ZERO, "aborted", 0, 0))
			.withMessage("finalStatus must be succeeded or failed, was aborted");
	}

	private RunSlug start() {
		return this.client.blocking().workerTasks().runAsync(CoreClawSimulator.DEMO_TASK);
	}

	private RunSlug start(URI callbackUrl) {
		return this.client.blocking()
			.workerTasks()
			.runAsync(CoreClawSimulator.DEMO_TASK, RunOptions.builder().callbackUrl(callbackUrl).build());
	}

}
