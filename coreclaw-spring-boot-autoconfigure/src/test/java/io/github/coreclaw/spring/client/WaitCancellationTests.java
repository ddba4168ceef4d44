/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits cancelled before they could do anything, under virtual time: they leave no listener
 * for callbacks, no timer and no read behind.
 */
class WaitCancellationTests {

	private static final int WAITS = 1_000;

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();

	@AfterEach
	void resetScheduler() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void aThousandWaitsCancelledAtSubscriptionByAFailingSiblingLeaveNoListenerBehind() {
		AtomicInteger reads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			reads.incrementAndGet();
			return runDetail("run-0", "running");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-cancel").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.build()) {
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			for (int i = 0; i < WAITS; i++) {
				// The failing sibling cancels the wait before its own subscription has finished.
				Mono.zip(Mono.error(new IllegalStateException("sibling " + i + " failed")),
						client.workerRuns().awaitCompletion(new RunSlug("run-" + i), Duration.ofHours(1)))
					.subscribe(null, failures::add);
			}
			assertThat(failures).hasSize(WAITS).allSatisfy((failure) -> assertThat(failure)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageEndingWith(" failed"));
			assertThat(IntStream.range(0, WAITS).filter((i) -> client.runChanges().isListened(new RunSlug("run-" + i))).count())
				.as("cancelled waits still listened to for callbacks")
				.isZero();
			this.scheduler.advanceTimeBy(Duration.ofHours(2));
			assertThat(reads).as("reads of cancelled waits").hasValue(0);
			assertThat(failures).hasSize(WAITS);
		}
	}

}
