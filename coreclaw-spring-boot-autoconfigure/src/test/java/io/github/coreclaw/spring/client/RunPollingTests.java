/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.github.coreclaw.spring.client.InMemoryConnector.error;
import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code awaitCompletion} polls a run, under virtual time and against an in-memory
 * connector: long waits, failing reads and callbacks.
 */
class RunPollingTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final CoreClawPollingSettings EVERY_SECOND = CoreClawPollingSettings.defaults()
		.withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0);

	private static CoreClawClient client(InMemoryConnector connector, CoreClawPollingSettings polling) {
		return CoreClawClient.builder(CoreClawClientSettings.of("k-polling").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(polling)
			.build();
	}

	@Test
	void tenThousandReadsOfARunningRunCompleteInConstantMemory() {
		AtomicInteger reads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector(
				(request) -> runDetail(RUN.value(), (reads.incrementAndGet() < 10_000) ? "running" : "succeeded"));
		long[] heap = new long[2];
		try (CoreClawClient client = client(connector, EVERY_SECOND)) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofDays(1)))
				.thenAwait(Duration.ofSeconds(2_000))
				.then(() -> heap[0] = Heap.usedAfterGc())
				.thenAwait(Duration.ofSeconds(7_000))
				.then(() -> heap[1] = Heap.usedAfterGc())
				.thenAwait(Duration.ofSeconds(1_000))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.verifyComplete();
		}
		assertThat(reads).hasValue(10_000);
		// A loop that nested one subscriber per read kept every read reachable (and overflowed the
		// stack after about 3,000); a flat one keeps nothing of the 7,000 reads in between.
		assertThat(heap[1] - heap[0]).as("heap growth over 7,000 reads").isLessThan(2L * 1024 * 1024);
	}

	@Test
	void transientReadFailuresAreToleratedUntilTheRunFinishes() {
		AtomicInteger reads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> switch (reads.incrementAndGet()) {
			case 1 -> runDetail(RUN.value(), "running");
			case 2 -> error(500, 10000, "internal server error");
			case 3 -> error(429, 13000, "too many requests");
			case 4 -> error(503, 10000, "unavailable");
			default -> runDetail(RUN.value(), "succeeded");
		});
		try (CoreClawClient client = client(connector, EVERY_SECOND)) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofMinutes(1)))
				.thenAwait(Duration.ofSeconds(4))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.verifyComplete();
		}
		assertThat(reads).hasValue(5);
	}

	@Test
	void aRunThatDoesNotExistEndsTheWaitAtOnce() {
		AtomicInteger reads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> (reads.incrementAndGet() == 1)
				? runDetail(RUN.value(), "running") : error(404, 70001, "run record does not exist"));
		try (CoreClawClient client = client(connector, EVERY_SECOND)) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofMinutes(1)))
				.thenAwait(Duration.ofSeconds(1))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(CoreClawNotFoundException.class)
					.hasMessageContaining("code 70001"))
				.verify();
		}
		assertThat(reads).hasValue(2);
	}

	@Test
	void aTimeoutAfterFailingReadsNamesTheLastFailure() {
		InMemoryConnector connector = new InMemoryConnector((request) -> error(500, 10000, "internal server error"));
		try (CoreClawClient client = client(connector, EVERY_SECOND)) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofSeconds(10)))
				.thenAwait(Duration.ofSeconds(10))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(CoreClawRunTimeoutException.class)
						.hasMessage("Run 01KKDXV2G26BT7NH4ZQR2R4NPZ did not finish within 10s: its last status was "
								+ "UNKNOWN; the last read failed: CoreClaw rejected GET "
								+ "/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ: HTTP 500, code 10000 "
								+ "\"internal server error\" (request_id req-e); it goes on at CoreClaw (set "
								+ "coreclaw.polling.abort-on-timeout=true to abort such runs)");
					assertThat(((CoreClawRunTimeoutException) ex).getRunSlug()).isEqualTo(RUN);
					assertThat(ex.getSuppressed()).singleElement().isInstanceOf(CoreClawApiException.class);
				})
				.verify();
		}
		assertThat(connector.threads()).hasSize(10);
	}

	@Test
	void aCallbackWakesTheWaitWithoutRunningTheNextReadOnTheCallersThread() {
		AtomicInteger reads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector(
				(request) -> runDetail(RUN.value(), (reads.incrementAndGet() == 1) ? "running" : "succeeded"));
		CoreClawPollingSettings hourly = EVERY_SECOND.withIntervals(Duration.ofHours(1), Duration.ofHours(1), 1.0, 0.0);
		String caller = Thread.currentThread().getName();
		try (CoreClawClient client = client(connector, hourly)) {
			StepVerifier.create(client.workerRuns().awaitCompletion(RUN, Duration.ofHours(2)))
				.then(() -> {
					assertThat(reads).hasValue(1);
					client.runChanged(new RunSlug("01OTHERRUN0000000000000000"));
					client.runChanged(RUN);
				})
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
		List<String> threads = connector.threads();
		assertThat(threads).hasSize(2);
		assertThat(threads.get(0)).isEqualTo(caller);
		assertThat(threads.get(1)).isNotEqualTo(caller);
	}

	@Test
	void aCallbackThatArrivesWhileAReadIsInFlightIsNotLost() {
		AtomicInteger reads = new AtomicInteger();
		CoreClawClient[] holder = new CoreClawClient[1];
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			if (reads.incrementAndGet() == 1) {
				// CoreClaw's callback overtakes the reply to the first read.
				holder[0].runChanged(RUN);
				return runDetail(RUN.value(), "running");
			}
			return runDetail(RUN.value(), "succeeded");
		});
		CoreClawPollingSettings hourly = EVERY_SECOND.withIntervals(Duration.ofHours(1), Duration.ofHours(1), 1.0, 0.0);
		try (CoreClawClient client = client(connector, hourly)) {
			holder[0] = client;
			StepVerifier.create(client.workerRuns().awaitCompletion(RUN, Duration.ofHours(2)))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
		assertThat(reads).hasValue(2);
	}

}
