/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal 2 of {@code coreclaw-benchmarks} at a smaller scale, under virtual time: a thousand
 * waits at once hold little memory each, start no thread and spread their polls instead of
 * polling in lockstep; a wait that ends or is cancelled leaves nothing behind.
 */
class WaitingAtScaleTests {

	private static final int RUNS = 1_000;

	private static final int RUNNING_READS = 20;

	private static final Duration INTERVAL = Duration.ofSeconds(3);

	/** Jittered pauses at the longest interval, where a cut at the cap would line polls up. */
	private static final CoreClawPollingSettings POLLING = CoreClawPollingSettings.defaults()
		.withIntervals(INTERVAL, INTERVAL, 1.0, 0.2);

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();

	@AfterEach
	void resetScheduler() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void aThousandWaitsAtOnceHoldLittleMemoryStartNoThreadAndSpreadTheirPolls() {
		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		Map<Long, AtomicInteger> readsPerMillisecond = new ConcurrentHashMap<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String path = request.getURI().getPath();
			String slug = path.substring(path.lastIndexOf('/') + 1);
			int read = reads.computeIfAbsent(slug, (key) -> new AtomicInteger()).incrementAndGet();
			readsPerMillisecond.computeIfAbsent(this.scheduler.now(TimeUnit.MILLISECONDS), (key) -> new AtomicInteger())
				.incrementAndGet();
			return runDetail(slug, (read <= RUNNING_READS) ? "running" : "succeeded");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-scale").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(POLLING)
			.build()) {
			int threadsBefore = Thread.activeCount();
			long heapBefore = Heap.usedAfterGc();
			AtomicInteger completed = new AtomicInteger();
			Disposable[] waits = new Disposable[RUNS];
			for (int i = 0; i < RUNS; i++) {
				waits[i] = client.workerRuns()
					.awaitCompletion(new RunSlug("run-" + i), Duration.ofHours(1))
					.subscribe((run) -> completed.incrementAndGet());
			}
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
			long heapWaiting = Heap.usedAfterGc();
			assertThat(completed).hasValue(0);
			assertThat(reads.values()).allSatisfy((count) -> assertThat(count.get()).isBetween(11, 14));
			// The old loop of operators held about 12.6 KB per waiting run.
			assertThat(heapWaiting - heapBefore).as("heap held by %d waiting runs", RUNS).isLessThan(RUNS * 4096L);
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS));
			assertThat(completed).hasValue(RUNS);
			assertThat(reads).hasSize(RUNS).allSatisfy((slug, count) -> assertThat(count).hasValue(RUNNING_READS + 1));
			assertThat(waits).allSatisfy((wait) -> assertThat(wait.isDisposed()).isTrue());
			assertThat(IntStream.range(0, RUNS).filter((i) -> client.runChanges().isListened(new RunSlug("run-" + i))))
				.as("runs still listened to for callbacks")
				.isEmpty();
			assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore);
		}
		// Every wait reads at once when it starts; after that, no instant sees more than a few
		// reads (in lockstep, all 1,000 would read at the same instant every 3 s; a pause cut at the
		// longest interval would put half of them on one instant).
		readsPerMillisecond.remove(0L);
		int busiest = readsPerMillisecond.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
		assertThat(busiest).as("reads at the busiest millisecond").isLessThanOrEqualTo(RUNS / 50);
	}

	@Test
	void cancelledWaitsStopReadingAndForgetTheRun() {
		AtomicInteger reads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			reads.incrementAndGet();
			return runDetail("run-0", "running");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-scale").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(POLLING)
			.build()) {
			Disposable[] waits = new Disposable[100];
			for (int i = 0; i < waits.length; i++) {
				waits[i] = client.workerRuns().awaitCompletion(new RunSlug("run-" + (i % 10)), Duration.ofHours(1)).subscribe();
			}
			this.scheduler.advanceTimeBy(Duration.ofSeconds(10));
			int readsBeforeCancel = reads.get();
			assertThat(readsBeforeCancel).isBetween(100 * 4, 100 * 5);
			for (Disposable wait : waits) {
				wait.dispose();
			}
			this.scheduler.advanceTimeBy(Duration.ofMinutes(10));
			assertThat(reads).hasValue(readsBeforeCancel);
			assertThat(IntStream.range(0, 10).filter((i) -> client.runChanges().isListened(new RunSlug("run-" + i))))
				.isEmpty();
		}
	}

	@Test
	void pausesAreDrawnWithinTheJitterAndNeverAboveTheLongestInterval() {
		CoreClawPollingSettings growing = CoreClawPollingSettings.defaults()
			.withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(15), 2.0, 0.2);
		RunPoller poller = new RunPoller((run) -> Mono.empty(), (run) -> Mono.empty(), new RunChangeNotifier(), growing,
				Duration.ofSeconds(30));
		for (int read = 1; read <= 6; read++) {
			int reads = read;
			long nominal = growing.intervalAfter(reads).toMillis();
			long low = Math.round(nominal * 0.8);
			long high = Math.min(Math.round(nominal * 1.2), 15_000);
			LongSummaryStatistics pauses = IntStream.range(0, 2_000)
				.mapToLong((i) -> poller.pauseAfter(reads).toMillis())
				.summaryStatistics();
			assertThat(pauses.getMin()).as("shortest pause after %d reads", reads).isBetween(low, low + (high - low) / 20);
			assertThat(pauses.getMax()).as("longest pause after %d reads", reads).isBetween(high - (high - low) / 20, high);
		}
		long atTheCap = IntStream.range(0, 2_000).filter((i) -> poller.pauseAfter(10).toMillis() == 15_000).count();
		assertThat(atTheCap).as("pauses of exactly the longest interval").isLessThan(20);
	}

}
