/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How callbacks wake a wait up, under virtual time: whenever a callback arrives, the run is read
 * again at once, and a callback already answered by a read does not cut the next pause short.
 */
class WaitWakeUpTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final Duration HOUR = Duration.ofHours(1);

	private static final CoreClawPollingSettings HOURLY = CoreClawPollingSettings.defaults()
		.withIntervals(HOUR, HOUR, 1.0, 0.0);

	private static CoreClawClient client(InMemoryConnector connector) {
		return CoreClawClient.builder(CoreClawClientSettings.of("k-wake").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(HOURLY)
			.build();
	}

	@Test
	void aWakeUpBetweenTheEndOfAReadAndThePlanOfTheNextOneIsNotLost() {
		CoreClawClient[] holder = new CoreClawClient[1];
		AtomicInteger wakeUps = new AtomicInteger();
		// The callback arrives when the wait, its read over, asks for the timer of its next read.
		VirtualTimeScheduler scheduler = new VirtualTimeScheduler(false) {

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				if (unit.toMillis(delay) == HOUR.toMillis() && wakeUps.getAndIncrement() == 0) {
					holder[0].runChanged(RUN);
				}
				return super.schedule(task, delay, unit);
			}

		};
		List<Long> readsAt = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			readsAt.add(scheduler.now(TimeUnit.MILLISECONDS));
			return runDetail(RUN.value(), (readsAt.size() == 1) ? "running" : "succeeded");
		});
		try (CoreClawClient client = client(connector)) {
			holder[0] = client;
			StepVerifier
				.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofHours(2)), () -> scheduler,
						Long.MAX_VALUE)
				.thenAwait(HOUR)
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
		assertThat(wakeUps).as("timers of an hour asked for").hasPositiveValue();
		assertThat(readsAt).as("virtual times of the reads, in ms").containsExactly(0L, 0L);
	}

	@Test
	void aWakeUpDuringAPauseEndsItAndIsThenForgotten() {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		List<Long> readsAt = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			readsAt.add(scheduler.now(TimeUnit.MILLISECONDS));
			return runDetail(RUN.value(), (readsAt.size() < 3) ? "running" : "succeeded");
		});
		try (CoreClawClient client = client(connector)) {
			StepVerifier
				.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofHours(3)), () -> scheduler,
						Long.MAX_VALUE)
				.thenAwait(Duration.ofMinutes(10))
				.then(() -> client.runChanged(RUN))
				.thenAwait(HOUR.minusMillis(1))
				.then(() -> assertThat(readsAt).hasSize(2))
				.thenAwait(Duration.ofMillis(1))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
		assertThat(readsAt).as("virtual times of the reads, in ms").containsExactly(0L, 600_000L, 4_200_000L);
	}

	@Test
	void aWakeUpDuringAReadIsFollowedByAnotherReadAtOnce() {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		CoreClawClient[] holder = new CoreClawClient[1];
		List<Long> readsAt = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			readsAt.add(scheduler.now(TimeUnit.MILLISECONDS));
			if (readsAt.size() == 2) {
				// CoreClaw's callback overtakes the reply to the second read.
				holder[0].runChanged(RUN);
			}
			return runDetail(RUN.value(), (readsAt.size() < 3) ? "running" : "succeeded");
		});
		try (CoreClawClient client = client(connector)) {
			holder[0] = client;
			StepVerifier
				.withVirtualTime(() -> client.workerRuns().awaitCompletion(RUN, Duration.ofHours(3)), () -> scheduler,
						Long.MAX_VALUE)
				.thenAwait(HOUR)
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
		assertThat(readsAt).as("virtual times of the reads, in ms").containsExactly(0L, 3_600_000L, 3_600_000L);
	}

}
