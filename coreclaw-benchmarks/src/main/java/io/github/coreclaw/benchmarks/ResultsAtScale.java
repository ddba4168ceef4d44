/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Goal 3: {@code results()} over a run of a million rows (10,000 pages of 100): the heap after
 * collection at 100,000 and at 1,000,000 rows read, and the rows a second against a hand-written
 * loop of {@link WebClient} page requests decoding each page into maps.
 *
 * @since 0.1.0
 */
final class ResultsAtScale {

	static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final int TIMED_ROWS = 200_000;

	private static final int PAIRS = 9;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private ResultsAtScale() {
	}

	/**
	 * Read every row once, measuring the heap, then time both sides in paired rounds.
	 * @param baseUrl the stub
	 * @return the outcome
	 */
	static Outcome measure(String baseUrl) {
		ConnectionProvider rawPool = ConnectionProvider.builder("raw-results").maxConnections(100).build();
		WebClient raw = rawClient(baseUrl, rawPool);
		try (ConfigurableApplicationContext context = Benchmarks.starter(baseUrl, true)) {
			WorkerRunOperations runs = context.getBean(WorkerRunOperations.class);
			// Warm both sides up.
			for (int i = 0; i < 3; i++) {
				count(runs.results(RUN).take(TIMED_ROWS));
				count(rawRows(raw).take(TIMED_ROWS));
			}
			long heapBefore = Measure.heapAfterGc();
			long[] heap = new long[2];
			AtomicLong rows = new AtomicLong();
			long start = System.nanoTime();
			runs.results(RUN).doOnNext((row) -> {
				long read = rows.incrementAndGet();
				if (read == 100_000) {
					heap[0] = Measure.heapAfterGc();
				}
				else if (read == StubServer.RESULT_ROWS) {
					heap[1] = Measure.heapAfterGc();
				}
			}).blockLast(Duration.ofMinutes(10));
			long fullMillis = (System.nanoTime() - start) / 1_000_000;
			List<Double> ratios = new ArrayList<>();
			List<Double> starterRates = new ArrayList<>();
			List<Double> rawRates = new ArrayList<>();
			for (int pair = 0; pair < PAIRS; pair++) {
				long s;
				long r;
				if (pair % 2 == 0) {
					s = count(runs.results(RUN).take(TIMED_ROWS));
					r = count(rawRows(raw).take(TIMED_ROWS));
				}
				else {
					r = count(rawRows(raw).take(TIMED_ROWS));
					s = count(runs.results(RUN).take(TIMED_ROWS));
				}
				ratios.add((double) r / s);
				starterRates.add(TIMED_ROWS * 1e9 / s);
				rawRates.add(TIMED_ROWS * 1e9 / r);
			}
			return new Outcome(rows.get(), fullMillis, heapBefore, heap[0], heap[1], ratios,
					Measure.median(starterRates), Measure.median(rawRates));
		}
		finally {
			rawPool.dispose();
		}
	}

	/**
	 * A WebClient as an application would configure one for CoreClaw, on a pool of its own: the
	 * baseline of goals 1 and 3.
	 */
	static WebClient rawClient(String baseUrl, ConnectionProvider pool) {
		return WebClient.builder()
			.baseUrl(baseUrl)
			// What every WebClient of a Boot application gets from Boot's connector: gzip.
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).compress(true)))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer benchmark-key")
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	/**
	 * Read rows on one side only for a while, to profile it (with JFR, for example).
	 * @param baseUrl the stub
	 * @param starterSide whether to read through the starter rather than the raw loop
	 * @param seconds how long
	 */
	static void profile(String baseUrl, boolean starterSide, int seconds) {
		ConnectionProvider rawPool = ConnectionProvider.builder("raw-results").maxConnections(100).build();
		WebClient raw = rawClient(baseUrl, rawPool);
		try (ConfigurableApplicationContext context = Benchmarks.starter(baseUrl, true)) {
			WorkerRunOperations runs = context.getBean(WorkerRunOperations.class);
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			List<Double> rates = new ArrayList<>();
			List<Double> cpu = new ArrayList<>();
			while (System.nanoTime() < end) {
				long cpuBefore = Measure.processCpuNanos();
				long nanos = count(starterSide ? runs.results(RUN).take(TIMED_ROWS) : rawRows(raw).take(TIMED_ROWS));
				rates.add(TIMED_ROWS * 1e9 / nanos);
				cpu.add((Measure.processCpuNanos() - cpuBefore) / 1000.0 / TIMED_ROWS);
			}
			int half = rates.size() / 2;
			System.out.printf("%s: %.0f rows/s, %.2f µs CPU a row (median of the last %d reads of %d rows)%n",
					starterSide ? "starter" : "raw", Measure.median(rates.subList(half, rates.size())),
					Measure.median(cpu.subList(half, cpu.size())), rates.size() - half, TIMED_ROWS);
		}
		finally {
			rawPool.dispose();
		}
	}

	/** Read the rows, returning the nanoseconds it took. */
	private static long count(Flux<?> rows) {
		long start = System.nanoTime();
		long read = rows.count().block(Duration.ofMinutes(10));
		if (read != TIMED_ROWS) {
			throw new IllegalStateException("Read " + read + " rows instead of " + TIMED_ROWS);
		}
		return System.nanoTime() - start;
	}

	/**
	 * What an application would write without the starter: a page at a time until a short page,
	 * each page decoded into maps.
	 */
	@SuppressWarnings("unchecked")
	private static Flux<Map<String, Object>> rawRows(WebClient raw) {
		return Flux.range(1, Integer.MAX_VALUE)
			.concatMap((page) -> raw.get()
				.uri("/api/v2/worker-runs/{id}/result?offset={offset}&limit=100", RUN.value(), page)
				.retrieve()
				.bodyToMono(MAP)
				.map((body) -> (List<Map<String, Object>>) ((Map<String, Object>) body.get("data")).get("list")), 0)
			.takeUntil((list) -> list.size() < 100)
			.concatMapIterable((list) -> list, 1);
	}

	/**
	 * What the reads measured.
	 *
	 * @param rows the rows of the full read
	 * @param fullMillis how long the full read took, collections included
	 * @param heapBefore the heap after collection before the full read
	 * @param heapAt100k the heap after collection at 100,000 rows
	 * @param heapAt1m the heap after collection at 1,000,000 rows
	 * @param ratios the starter's rows a second divided by the raw loop's, per pair
	 * @param starterRowsPerSecond the starter's median rows a second
	 * @param rawRowsPerSecond the raw loop's median rows a second
	 */
	record Outcome(long rows, long fullMillis, long heapBefore, long heapAt100k, long heapAt1m, List<Double> ratios,
			double starterRowsPerSecond, double rawRowsPerSecond) {

		double medianRatio() {
			return Measure.median(this.ratios);
		}

		long growth() {
			return this.heapAt1m - this.heapAt100k;
		}

	}

}
