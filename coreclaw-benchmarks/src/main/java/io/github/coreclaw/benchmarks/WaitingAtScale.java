/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Goal 2: many {@code awaitCompletion} calls at once, for real against the stub (all complete,
 * no thread growth, heap per waiting run) and under virtual time (how the polls of different
 * runs spread over time, and one wait of 100,000 reads in constant memory).
 *
 * @since 0.1.0
 */
final class WaitingAtScale {

	static final int RUNS = 10_000;

	static final Duration INTERVAL = Duration.ofSeconds(3);

	static final double JITTER = 0.2;

	/** The longest wait: room for the jitter above the interval, so that none is cut short. */
	static final Duration MAX_INTERVAL = Duration.ofMillis(Math.round(INTERVAL.toMillis() * (1 + JITTER)));

	private WaitingAtScale() {
	}

	/**
	 * Wait for {@link #RUNS} runs at once against the stub, each {@code running} for
	 * {@link StubServer#RUNNING_READS} reads.
	 * @param baseUrl the stub
	 * @return the outcome
	 */
	static RealOutcome real(String baseUrl) throws InterruptedException {
		WebClient bench = WebClient.create(baseUrl);
		Map<String, String> polling = Map.of("coreclaw.polling.initial-interval", INTERVAL.toMillis() + "ms",
				"coreclaw.polling.max-interval", MAX_INTERVAL.toMillis() + "ms", "coreclaw.polling.multiplier", "1.0",
				"coreclaw.polling.jitter", Double.toString(JITTER));
		try (ConfigurableApplicationContext context = Benchmarks.starter(baseUrl, true, polling)) {
			WorkerRunOperations runs = context.getBean(WorkerRunOperations.class);
			// Warm the read path up on other runs, then forget their reads.
			Measure.fanOut(2000, 64, (i) -> runs.getRun(new RunSlug("warm-up-" + i)));
			bench.post().uri("/bench/reset").retrieve().toBodilessEntity().block();
			int threadsBefore = Thread.activeCount();
			long heapBefore = Measure.heapAfterGc();
			AtomicLong completed = new AtomicLong();
			AtomicLong failed = new AtomicLong();
			CountDownLatch done = new CountDownLatch(RUNS);
			long start = System.nanoTime();
			for (int i = 0; i < RUNS; i++) {
				runs.awaitCompletion(new RunSlug("run-" + i)).subscribe((run) -> completed.incrementAndGet(), (ex) -> {
					failed.incrementAndGet();
					done.countDown();
				}, done::countDown);
			}
			// Halfway through the reads, between two polls of most runs.
			long halfway = INTERVAL.toMillis() * StubServer.RUNNING_READS / 2 + INTERVAL.toMillis() / 2;
			Thread.sleep(Math.max(0, halfway - (System.nanoTime() - start) / 1_000_000));
			long heapWaiting = Measure.heapAfterGc();
			int threadsWaiting = Thread.activeCount();
			long waiting = done.getCount();
			boolean finished = done.await(10, TimeUnit.MINUTES);
			long millis = (System.nanoTime() - start) / 1_000_000;
			int threadsAfter = Thread.activeCount();
			String histogram = bench.get().uri("/bench/reads").retrieve().bodyToMono(String.class).block();
			int[] counts = Flux.fromArray(histogram.split(",")).map(Integer::parseInt).collectList().block()
				.stream().mapToInt(Integer::intValue).toArray();
			return new RealOutcome(completed.get(), failed.get(), finished, millis, waiting,
					Math.max(threadsWaiting, threadsAfter) - threadsBefore, heapWaiting - heapBefore,
					// The first reads all happen when the waits start, by design, and take the stub a while.
					Spread.of(counts, RUNS, (int) (INTERVAL.toMillis() / 100)));
		}
	}

	/**
	 * Wait for {@link #RUNS} runs at once under virtual time against an in-memory CoreClaw,
	 * recording when each read happens.
	 * @param runCount how many runs
	 * @return how the reads spread and the heap each waiting run holds
	 */
	static VirtualOutcome virtual(int runCount) {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		VirtualTimeScheduler.getOrSet(scheduler);
		int buckets = (int) (INTERVAL.toMillis() * (StubServer.RUNNING_READS + 4) / 100);
		int[] histogram = new int[buckets];
		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		MemoryConnector connector = new MemoryConnector((uri) -> {
			String slug = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
			int read = reads.computeIfAbsent(slug, (key) -> new AtomicInteger()).incrementAndGet();
			int bucket = (int) (scheduler.now(TimeUnit.MILLISECONDS) / 100);
			histogram[Math.min(bucket, buckets - 1)]++;
			return runDetail(slug, (read <= StubServer.RUNNING_READS) ? "running" : "succeeded");
		});
		CoreClawPollingSettings polling = CoreClawPollingSettings.defaults()
			.withIntervals(INTERVAL, MAX_INTERVAL, 1.0, JITTER);
		try (CoreClawClient client = memoryClient(connector, polling)) {
			long heapBefore = Measure.heapAfterGc();
			AtomicInteger completed = new AtomicInteger();
			Disposable[] waits = new Disposable[runCount];
			for (int i = 0; i < runCount; i++) {
				waits[i] = client.workerRuns()
					.awaitCompletion(new RunSlug("run-" + i))
					.subscribe((run) -> completed.incrementAndGet());
			}
			scheduler.advanceTimeBy(INTERVAL.multipliedBy(StubServer.RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
			long heapWaiting = Measure.heapAfterGc();
			scheduler.advanceTimeBy(INTERVAL.multipliedBy(StubServer.RUNNING_READS + 4));
			return new VirtualOutcome(completed.get(), runCount, (heapWaiting - heapBefore) / (double) runCount,
					// The first reads all happen when the waits start, by design: skip them.
					Spread.of(histogram, runCount, 1));
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	/**
	 * One wait of 100,000 reads under virtual time, with the heap after collection at 10,000,
	 * 50,000 and 100,000 reads.
	 * @return the heap at the three points
	 */
	static long[] longWait() {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		VirtualTimeScheduler.getOrSet(scheduler);
		int total = 100_000;
		AtomicInteger reads = new AtomicInteger();
		MemoryConnector connector = new MemoryConnector(
				(uri) -> runDetail("long-wait", (reads.incrementAndGet() < total) ? "running" : "succeeded"));
		CoreClawPollingSettings polling = CoreClawPollingSettings.defaults()
			.withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0);
		long[] heap = new long[4];
		try (CoreClawClient client = memoryClient(connector, polling)) {
			AtomicInteger completed = new AtomicInteger();
			client.workerRuns()
				.awaitCompletion(new RunSlug("long-wait"), Duration.ofDays(30))
				.subscribe((run) -> completed.incrementAndGet());
			int[] checkpoints = { 10_000, 50_000, total - 10 };
			for (int i = 0; i < checkpoints.length; i++) {
				scheduler.advanceTimeBy(Duration.ofSeconds(checkpoints[i] - reads.get()));
				heap[i] = Measure.heapAfterGc();
			}
			scheduler.advanceTimeBy(Duration.ofSeconds(20));
			heap[3] = completed.get();
			return heap;
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	private static CoreClawClient memoryClient(MemoryConnector connector, CoreClawPollingSettings polling) {
		return CoreClawClient.builder(CoreClawClientSettings.of("benchmark-key").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(polling)
			.build();
	}

	private static String runDetail(String slug, String status) {
		return "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-bench\",\"data\":{\"slug\":\"" + slug
				+ "\",\"status\":\"" + status + "\",\"results\":0}}";
	}

	/**
	 * How the reads after the first spread over time: the busiest 100 ms against an even spread of
	 * every run's read over one polling interval (1 when perfectly even; in lockstep, the interval
	 * divided by 100 ms, 30 here).
	 *
	 * @param peak the reads in the busiest 100 ms after the first reads
	 * @param even the reads per 100 ms of an even spread
	 */
	record Spread(int peak, double even) {

		static Spread of(int[] histogram, int runs, int skip) {
			int peak = 0;
			for (int i = skip; i < histogram.length; i++) {
				peak = Math.max(peak, histogram[i]);
			}
			return new Spread(peak, runs * 100.0 / INTERVAL.toMillis());
		}

		double ratio() {
			return this.peak / this.even;
		}

	}

	/**
	 * The real waits.
	 *
	 * @param completed the waits that completed
	 * @param failed the waits that failed
	 * @param finished whether every wait ended in time
	 * @param millis how long all of them took
	 * @param waitingAtCheck the waits still waiting when the heap was measured
	 * @param threadGrowth threads added while waiting
	 * @param heapGrowth the heap held while waiting, after collection
	 * @param spread how the reads spread, as the stub saw them
	 */
	record RealOutcome(long completed, long failed, boolean finished, long millis, long waitingAtCheck,
			int threadGrowth, long heapGrowth, Spread spread) {

		double bytesPerWait() {
			return this.heapGrowth / (double) Math.max(1, this.waitingAtCheck);
		}

	}

	/**
	 * The waits under virtual time.
	 *
	 * @param completed the waits that completed
	 * @param runs the waits started
	 * @param bytesPerWait the heap each waiting run held, after collection
	 * @param spread how the reads spread over virtual time
	 */
	record VirtualOutcome(int completed, int runs, double bytesPerWait, Spread spread) {
	}

}
