/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.coreclaw.spring.client.InMemoryConnector.error;
import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, timeouts and cancellation under virtual time, against an in-memory connector: what is
 * sent, and when, without waiting on the real clock.
 */
@ExtendWith(OutputOnFailure.class)
class VirtualTimeRetryTests {

	private static final String RUN_OK = "{\"code\":0,\"data\":{\"run_slug\":\"r-ok\"}}";

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final CoreClawRetrySettings RETRY = CoreClawRetrySettings.defaults()
		.withBackoff(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), 0.0);

	private static CoreClawClient client(InMemoryConnector connector, Duration responseTimeout) {
		return CoreClawClient
			.builder(CoreClawClientSettings.of("k-virtual")
				.withBaseUrl(URI.create("http://localhost:9"))
				.withTimeouts(Duration.ofSeconds(1), responseTimeout, responseTimeout))
			.connector(connector)
			.retry(RETRY)
			.polling(CoreClawPollingSettings.defaults().withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(2), 1.0, 0.0))
			.build();
	}

	@Test
	void aRetryAfterIsHonouredToTheSecond() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> (requests.incrementAndGet() == 1)
				? error(429, 13000, "too many requests").withHeader("Retry-After", "7")
				: new InMemoryConnector.Reply(200, RUN_OK));
		try (CoreClawClient client = client(connector, Duration.ofSeconds(30))) {
			StepVerifier.withVirtualTime(() -> client.workerTasks().runAsync("t1"))
				.thenAwait(Duration.ofMillis(6_999))
				.then(() -> assertThat(requests).hasValue(1))
				.thenAwait(Duration.ofMillis(1))
				.expectNext(new RunSlug("r-ok"))
				.verifyComplete();
		}
		assertThat(requests).hasValue(2);
	}

	@Test
	void cancellingStopsThePendingRetry() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requests.incrementAndGet();
			return error(429, 13000, "too many requests").withHeader("Retry-After", "1");
		});
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try (CoreClawClient client = client(connector, Duration.ofSeconds(30))) {
			Disposable call = client.workerTasks().runAsync("t1").subscribe((slug) -> {
			}, (ex) -> {
			});
			assertThat(requests).hasValue(1);
			call.dispose();
			time.advanceTimeBy(Duration.ofMinutes(10));
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		assertThat(requests).hasValue(1);
	}

	@Test
	void aResponseTimeoutOfARunRequestIsNeverRepeated() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requests.incrementAndGet();
			return new InMemoryConnector.Reply(200, RUN_OK).after(Duration.ofSeconds(10));
		});
		try (CoreClawClient client = client(connector, Duration.ofSeconds(2))) {
			StepVerifier.withVirtualTime(() -> client.workerTasks().runAsync("t1"))
				.thenAwait(Duration.ofMinutes(5))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(CoreClawTimeoutException.class)
					.hasMessage("No response from CoreClaw to POST /api/v2/worker-tasks/t1/runs within 2s "
							+ "(coreclaw.response-timeout). The run may have been created: look at the recent runs "
							+ "before starting it again."))
				.verify();
		}
		assertThat(requests).hasValue(1);
	}

	@Test
	void aResponseTimeoutOfAReadIsRepeated() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> (requests.incrementAndGet() == 1)
				? runDetail(RUN.value(), "running").after(Duration.ofSeconds(10)) : runDetail(RUN.value(), "running"));
		try (CoreClawClient client = client(connector, Duration.ofSeconds(2))) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().getRun(RUN))
				.thenAwait(Duration.ofSeconds(3))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.RUNNING))
				.verifyComplete();
		}
		assertThat(requests).hasValue(2);
	}

	@Test
	void cancellingAWaitStopsThePolling() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requests.incrementAndGet();
			return runDetail(RUN.value(), "running");
		});
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try (CoreClawClient client = client(connector, Duration.ofSeconds(30))) {
			Disposable wait = client.workerRuns().awaitCompletion(RUN, Duration.ofHours(1)).subscribe((run) -> {
			}, (ex) -> {
			});
			time.advanceTimeBy(Duration.ofSeconds(3));
			assertThat(requests).hasValue(2);
			wait.dispose();
			time.advanceTimeBy(Duration.ofHours(2));
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		assertThat(requests).hasValue(2);
	}

}
