/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.github.coreclaw.spring.client.WorkerTaskOperations;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Goal 1: {@code runAsync} against a stub that answers at once, so that only the CPU each side
 * spends per call limits its throughput; the starter and a raw {@link WebClient} in paired rounds
 * of alternating, mirrored order, after a warm-up that lasts until JIT compilation settles. The raw
 * WebClient has what any production WebClient of a Boot application has, so that the ratio shows
 * the starter's own cost: Boot's connector default (gzip) and a per-request response timeout.
 *
 * @since 0.1.0
 */
final class CpuBoundCalls {

	static final int CONCURRENCY = 64;

	private static final int CALLS_PER_ROUND = 10_000;

	private static final int HALF_ROUND = CALLS_PER_ROUND / 2;

	private static final int ROUNDS = 16;

	private static final int MAX_WARM_UP_PAIRS = 60;

	/** Compilation time a warm-up pair may add at most for the JIT to count as settled. */
	private static final long SETTLED_COMPILATION_MILLIS = 15;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private static final byte[] RUN_BODY = "{\"is_async\":true}".getBytes(StandardCharsets.UTF_8);

	private CpuBoundCalls() {
	}

	/**
	 * Measure the starter against a raw WebClient on the given stub.
	 * @param baseUrl the base URL of a stub that answers run requests at once
	 * @return the outcome
	 */
	static Outcome measure(String baseUrl) {
		ConnectionProvider rawPool = ConnectionProvider.builder("raw").maxConnections(100).build();
		WebClient raw = ResultsAtScale.rawClient(baseUrl, rawPool);
		try (ConfigurableApplicationContext context = Benchmarks.starter(baseUrl, true)) {
			WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
			IntFunction<Mono<?>> starterCall = (i) -> tasks.runAsync("task-" + i);
			IntFunction<Mono<?>> rawCall = (i) -> rawRun(raw, "task-" + i);
			long warmUpStart = System.nanoTime();
			int warmUpPairs = 0;
			boolean settled = false;
			while (!settled && warmUpPairs < MAX_WARM_UP_PAIRS) {
				long compiledBefore = Measure.compilationMillis();
				Side.of(starterCall, CALLS_PER_ROUND);
				Side.of(rawCall, CALLS_PER_ROUND);
				warmUpPairs++;
				settled = warmUpPairs >= 3 && Measure.compilationMillis() - compiledBefore <= SETTLED_COMPILATION_MILLIS;
			}
			long warmUpMillis = (System.nanoTime() - warmUpStart) / 1_000_000;
			List<Side> starter = new ArrayList<>();
			List<Side> rawSides = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			long compiledBefore = Measure.compilationMillis();
			for (int round = 0; round < ROUNDS; round++) {
				// Each side runs twice a round, in mirrored order (S R R S, then R S S R), so that
				// a drift in the machine's speed during a round weighs on both sides alike.
				Side s;
				Side r;
				if (round % 2 == 0) {
					s = Side.of(starterCall, HALF_ROUND);
					r = Side.of(rawCall, HALF_ROUND);
					r = r.plus(Side.of(rawCall, HALF_ROUND));
					s = s.plus(Side.of(starterCall, HALF_ROUND));
				}
				else {
					r = Side.of(rawCall, HALF_ROUND);
					s = Side.of(starterCall, HALF_ROUND);
					s = s.plus(Side.of(starterCall, HALF_ROUND));
					r = r.plus(Side.of(rawCall, HALF_ROUND));
				}
				starter.add(s);
				rawSides.add(r);
				ratios.add(s.callsPerSecond() / r.callsPerSecond());
				if (Boolean.getBoolean("benchmarks.rounds")) {
					System.err.printf("round %d: starter %.0f calls/s %.0f µs, raw %.0f calls/s %.0f µs%n", round,
							s.callsPerSecond(), s.cpuMicrosPerCall(), r.callsPerSecond(), r.cpuMicrosPerCall());
				}
			}
			long compiledDuring = Measure.compilationMillis() - compiledBefore;
			return new Outcome(ratios, starter, rawSides, warmUpPairs, warmUpMillis, settled, compiledDuring);
		}
		finally {
			rawPool.dispose();
		}
	}

	/**
	 * Make the calls of one side only for a while, to profile it (with JFR, for example).
	 * @param baseUrl the base URL of a stub that answers run requests at once
	 * @param starterSide whether to call through the starter rather than the raw client
	 * @param seconds how long
	 */
	static void profile(String baseUrl, boolean starterSide, int seconds) {
		ConnectionProvider rawPool = ConnectionProvider.builder("raw").maxConnections(100).build();
		WebClient raw = ResultsAtScale.rawClient(baseUrl, rawPool);
		try (ConfigurableApplicationContext context = Benchmarks.starter(baseUrl, true)) {
			WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
			IntFunction<Mono<?>> call = starterSide ? (i) -> tasks.runAsync("task-" + i) : (i) -> rawRun(raw, "task-" + i);
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			List<Side> sides = new ArrayList<>();
			while (System.nanoTime() < end) {
				sides.add(Side.of(call, CALLS_PER_ROUND));
			}
			List<Side> measured = sides.subList(sides.size() / 2, sides.size());
			System.out.printf("%s: %.0f calls/s, %.0f µs CPU and %.1f KB a call (median of the last %d rounds)%n",
					starterSide ? "starter" : "raw", Outcome.median(measured, Side::callsPerSecond),
					Outcome.median(measured, Side::cpuMicrosPerCall), Outcome.median(measured, Side::kilobytesPerCall),
					measured.size());
		}
		finally {
			rawPool.dispose();
		}
	}

	private static Mono<String> rawRun(WebClient raw, String task) {
		return raw.post()
			.uri("/api/v2/worker-tasks/{id}/runs", task)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(RUN_BODY)
			// A response timeout, as every production call needs (the starter sets its own).
			.httpRequest((request) -> ((HttpClientRequest) request.getNativeRequest()).responseTimeout(RESPONSE_TIMEOUT))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map((json) -> json.get("data").get("run_slug").asString());
	}

	/**
	 * One side of a round: its wall time, CPU time and allocations.
	 *
	 * @param calls the calls made
	 * @param failures the calls that failed
	 * @param nanos the wall time
	 * @param cpuNanos the CPU time of the process
	 * @param allocated the bytes allocated
	 */
	record Side(int calls, long failures, long nanos, long cpuNanos, long allocated) {

		static Side of(IntFunction<Mono<?>> call, int calls) {
			long cpu = Measure.processCpuNanos();
			long allocated = Measure.allocatedBytes();
			long start = System.nanoTime();
			long[] outcome = Measure.fanOut(calls, CONCURRENCY, call);
			long nanos = System.nanoTime() - start;
			return new Side(calls, outcome[1], nanos, Measure.processCpuNanos() - cpu,
					Measure.allocatedBytes() - allocated);
		}

		Side plus(Side other) {
			return new Side(this.calls + other.calls, this.failures + other.failures, this.nanos + other.nanos,
					this.cpuNanos + other.cpuNanos, this.allocated + other.allocated);
		}

		double callsPerSecond() {
			return this.calls * 1e9 / this.nanos;
		}

		double cpuMicrosPerCall() {
			return this.cpuNanos / 1000.0 / this.calls;
		}

		double kilobytesPerCall() {
			return this.allocated / 1024.0 / this.calls;
		}

	}

	/**
	 * What the rounds measured.
	 *
	 * @param ratios the starter's throughput divided by the raw client's, per round
	 * @param starter the starter's sides
	 * @param raw the raw client's sides
	 * @param warmUpPairs the pairs of warm-up rounds
	 * @param warmUpMillis the time the warm-up took
	 * @param settled whether JIT compilation settled in the warm-up
	 * @param compiledDuringRounds the compilation time spent during the measured rounds
	 */
	record Outcome(List<Double> ratios, List<Side> starter, List<Side> raw, int warmUpPairs, long warmUpMillis,
			boolean settled, long compiledDuringRounds) {

		double medianRatio() {
			return Measure.median(this.ratios);
		}

		long failures() {
			return this.starter.stream().mapToLong(Side::failures).sum()
					+ this.raw.stream().mapToLong(Side::failures).sum();
		}

		String describe() {
			return String.format("median ratio %.3f (rounds %s) over %d paired rounds of %d calls a side "
					+ "(two halves, mirrored), %d in flight; "
					+ "starter %.0f calls/s, %.0f µs CPU and %.1f KB allocated a call; raw WebClient %.0f calls/s, "
					+ "%.0f µs CPU and %.1f KB a call; warm-up %d pairs in %.1f s (JIT %s), %d ms compiling during "
					+ "the rounds, %d failed calls",
					medianRatio(), Measure.range(this.ratios, "%.3f"), this.ratios.size(), CALLS_PER_ROUND,
					CONCURRENCY, median(this.starter, Side::callsPerSecond),
					median(this.starter, Side::cpuMicrosPerCall), median(this.starter, Side::kilobytesPerCall),
					median(this.raw, Side::callsPerSecond), median(this.raw, Side::cpuMicrosPerCall),
					median(this.raw, Side::kilobytesPerCall), this.warmUpPairs, this.warmUpMillis / 1000.0,
					this.settled ? "settled" : "still compiling", this.compiledDuringRounds, failures());
		}

		static double median(List<Side> sides, java.util.function.ToDoubleFunction<Side> value) {
			return Measure.median(sides.stream().map(value::applyAsDouble).toList());
		}

	}

}
