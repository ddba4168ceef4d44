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
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

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
		// awaitCompletion alone holds about 1.2 KB a waiting run; with the start's exchange held
		// too, a runAndAwait held about 12 KB.
		assertLittleHeldPerWaitingRun("runAndAwait", "/api/v2/worker-tasks/", started("/api/v2/worker-tasks/"),
				(client, run) -> client.workerTasks().runAndAwait("task-" + run, Duration.ofHours(1)),
				RunAndAwaitAtScaleTests::assertResultsOf);
	}

	@Test
	void fiveHundredWorkerRunAndAwaitHoldNothingOfTheirStartWhileTheyWait() {
		assertLittleHeldPerWaitingRun("runAndAwait", "/api/v2/workers/", started("/api/v2/workers/"),
				(client, run) -> client.workers().runAndAwait("task-" + run, Map.of("q", "coffee"), Duration.ofHours(1)),
				RunAndAwaitAtScaleTests::assertResultsOf);
	}

	@Test
	void fiveHundredAwaitCompletionOnAShortcutHoldNothingOfTheirFirstReadWhileTheyWait() {
		// With the first read's exchange held, such a wait held about 10 KB more.
		assertLittleHeldPerWaitingRun("awaitCompletion on a shortcut", "/api/v2/workers/",
				(path) -> InMemoryConnector
					.runDetail(path.replaceAll("^/api/v2/workers/worker-([^/]+)/runs/last$", "$1"), "running"),
				(client, run) -> client.workerRuns().awaitCompletion(RunRef.lastOf("worker-" + run), Duration.ofHours(1)),
				(run, done) -> assertThat(done.runSlug()).isEqualTo(new RunSlug(run)));
	}

	/**
	 * Starts {@link #RUNS} waits, each on its own run, lets them read their run's detail (answered
	 * {@code running} {@link #RUNNING_READS} times, then {@code succeeded}) for a while, and checks
	 * the heap they hold while they wait, then that each completes as {@code completedAs} says.
	 * @param <T> what a wait completes with
	 * @param what the waits, for the heap assertion's description
	 * @param firstPrefix the path prefix of each wait's first request (a start, or a shortcut's
	 * first read), answered by {@code first}; each wait must send exactly one
	 * @param first the answer to a first request, given its path
	 * @param wait the wait on the run it is given
	 * @param completedAs what a completed wait on the run it is given must hold
	 */
	private <T> void assertLittleHeldPerWaitingRun(String what, String firstPrefix,
			Function<String, InMemoryConnector.Reply> first, BiFunction<CoreClawClient, String, Mono<T>> wait,
			BiConsumer<String, T> completedAs) {
		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		AtomicInteger firstRequests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String path = request.getURI().getRawPath();
			if (path.startsWith(firstPrefix)) {
				firstRequests.incrementAndGet();
				return first.apply(path);
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
			Map<String, T> completed = new ConcurrentHashMap<>();
			for (int i = 0; i < RUNS; i++) {
				String run = "run-" + i;
				wait.apply(client, run).subscribe((done) -> completed.put(run, done));
			}
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
			long heapWaiting = Heap.usedAfterGc();
			assertThat(firstRequests).hasValue(RUNS);
			assertThat(completed).isEmpty();
			assertThat(heapWaiting - heapBefore).as("heap held by %d waiting %s", RUNS, what)
				.isLessThan(RUNS * 4096L);
			this.scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS + 2));
			assertThat(completed).hasSize(RUNS).allSatisfy(completedAs);
			assertThat(reads).hasSize(RUNS).allSatisfy((run, count) -> assertThat(count).hasValue(RUNNING_READS + 1));
		}
	}

	/** The answer to a start at {@code prefix}{@code task-<run>/runs}: the run {@code <run>} started. */
	private static Function<String, InMemoryConnector.Reply> started(String prefix) {
		return (path) -> {
			String task = path.substring(prefix.length(), path.length() - "/runs".length());
			return new InMemoryConnector.Reply(200,
					"{\"code\":0,\"data\":{\"run_slug\":\"" + task.substring("task-".length()) + "\"}}");
		};
	}

	private static void assertResultsOf(String run, CompletedRun done) {
		assertThat(done.firstPage().rows()).containsExactly(Map.of("run", run));
	}

}
