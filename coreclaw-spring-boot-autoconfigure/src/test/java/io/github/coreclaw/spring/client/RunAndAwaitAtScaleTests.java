/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five hundred {@code runAndAwait} waiting at once, under virtual time, hold no more memory each
 * than the {@code awaitCompletion} they are made of ({@link WaitingAtScaleTests}): once the run
 * has started, the wait holds nothing of the start's exchange (its request, response, headers and
 * body buffers, about 10 KB a run). The blocking {@code runAndAwait} waits on this same reactive
 * call, so it matters most there: on virtual threads, ten thousand of them wait at once.
 */
class RunAndAwaitAtScaleTests {

	private static final int RUNS = 500;

	private static final int RUNNING_READS = 4;

	private static final Duration INTERVAL = Duration.ofSeconds(3);

	private static final CoreClawPollingSettings POLLING = CoreClawPollingSettings.defaults()
		.withIntervals(INTERVAL, INTERVAL, 1.0, 0.2);

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();

	@AfterEach
	void resetScheduler() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void fiveHundredWorkerTaskRunAndAwaitHoldNothingOfTheirStartWhileTheyWait() {
		assertLittleHeldPerWaitingRun("/api/v2/worker-tasks/",
				(client, run) -> client.workerTasks().runAndAwait("task-" + run, Duration.ofHours(1)));
	}

	@Test
	void fiveHundredWorkerRunAndAwaitHoldNothingOfTheirStartWhileTheyWait() {
		assertLittleHeldPerWaitingRun("/api/v2/workers/",
				(client, run) -> client.workers().runAndAwait("task-" + run, Map.of("q", "coffee"), Duration.ofHours(1)));
	}

	@Test
	void fiveHundredAwaitCompletionOnAShortcutHoldNothingOfTheirFirstReadWhileTheyWait() {
		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		AtomicInteger firstReads = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String path = request.getURI().getRawPath();
			if (path.startsWith("/api/v2/workers/")) {
				firstReads.incrementAndGet();
				String run = path.replaceAll("^/api/v2/workers/worker-([^/]+)/runs/last$", "$1");
				return InMemoryConnector.runDetail(run, "running");
			}
			String slug = path.replaceAll("^/api/v2/worker-runs/([^/]+)$", "$1");
			int read = reads.computeIfAbsent(slug, (key) -> new AtomicInteger()).incrementAndGet();
			return InMemoryConnector.runDetail(slug, (read <= RUNNING_READS) ? "running" : "succeeded");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-scale").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(POLLING)
			.build()) {
			long heapBefore = Heap.usedAfterGc();
			Map<String, WorkerRun> completed = new ConcurrentHashMap<>();
			for (int i = 0; i < RUNS; i++) {
				String run = "run-" + i;
				client.workerRuns()
					.awaitCompletion(RunRef.lastOf("worker-" + run), Duration.ofHours(1))
					.subscribe((done) -> completed.put(run, done));
			}
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
			long heapWaiting = Heap.usedAfterGc();
			assertThat(firstReads).hasValue(RUNS);
			assertThat(completed).isEmpty();
			// With the first read's exchange held, such a wait held about 10 KB more.
			assertThat(heapWaiting - heapBefore).as("heap held by %d waiting awaitCompletion on a shortcut", RUNS)
				.isLessThan(RUNS * 4096L);
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS + 2));
			assertThat(completed).hasSize(RUNS)
				.allSatisfy((run, done) -> assertThat(done.runSlug()).isEqualTo(new RunSlug(run)));
			assertThat(reads).hasSize(RUNS).allSatisfy((run, count) -> assertThat(count).hasValue(RUNNING_READS + 1));
		}
	}

	private void assertLittleHeldPerWaitingRun(String startPrefix,
			BiFunction<CoreClawClient, String, Mono<CompletedRun>> runAndAwait) {
		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		AtomicInteger starts = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String path = request.getURI().getRawPath();
			if (path.startsWith(startPrefix)) {
				starts.incrementAndGet();
				String task = path.substring(startPrefix.length(), path.length() - "/runs".length());
				return new InMemoryConnector.Reply(200,
						"{\"code\":0,\"data\":{\"run_slug\":\"" + task.substring("task-".length()) + "\"}}");
			}
			String slug = path.replaceAll("^/api/v2/worker-runs/([^/]+).*$", "$1");
			if (path.endsWith("/result")) {
				return new InMemoryConnector.Reply(200, "{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"run\":\"" + slug
						+ "\"}],\"page_index\":1,\"page_size\":100}}");
			}
			int read = reads.computeIfAbsent(slug, (key) -> new AtomicInteger()).incrementAndGet();
			return InMemoryConnector.runDetail(slug, (read <= RUNNING_READS) ? "running" : "succeeded");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-scale").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(POLLING)
			.build()) {
			long heapBefore = Heap.usedAfterGc();
			Map<String, CompletedRun> completed = new ConcurrentHashMap<>();
			for (int i = 0; i < RUNS; i++) {
				String run = "run-" + i;
				runAndAwait.apply(client, run).subscribe((done) -> completed.put(run, done));
			}
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
			long heapWaiting = Heap.usedAfterGc();
			assertThat(starts).hasValue(RUNS);
			assertThat(completed).isEmpty();
			// awaitCompletion alone holds about 1.2 KB a waiting run; with the start's exchange held
			// too, a runAndAwait held about 12 KB.
			assertThat(heapWaiting - heapBefore).as("heap held by %d waiting runAndAwait", RUNS)
				.isLessThan(RUNS * 4096L);
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS + 2));
			assertThat(completed).hasSize(RUNS)
				.allSatisfy((run, done) -> assertThat(done.firstPage().rows()).containsExactly(Map.of("run", run)));
			assertThat(reads).hasSize(RUNS).allSatisfy((run, count) -> assertThat(count).hasValue(RUNNING_READS + 1));
		}
	}

}
