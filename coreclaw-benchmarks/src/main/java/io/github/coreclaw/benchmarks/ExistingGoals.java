/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Goal 4, the goals the starter already met: 10,000 runs in flight against a stub with latency,
 * the cost at startup, and decoding a synchronous result against plain Jackson.
 *
 * @since 0.1.0
 */
final class ExistingGoals {

	static final int RUNS_IN_FLIGHT = 10_000;

	private ExistingGoals() {
	}

	/**
	 * 10,000 concurrent {@code runAsync} calls against the slow stub.
	 * @param slowBaseUrl the stub that answers after a latency
	 * @return the completed and failed calls, the milliseconds, the thread growth and the peak
	 * heap growth
	 */
	static long[] manyRunsInFlight(String slowBaseUrl) {
		try (ConfigurableApplicationContext context = Benchmarks.starter(slowBaseUrl, true)) {
			WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
			tasks.runAsync("warm-up").block();
			long heapBefore = Measure.heapAfterGc();
			long[] peakHeap = { heapBefore };
			Disposable sampler = Flux.interval(Duration.ofMillis(10))
				.subscribe((tick) -> peakHeap[0] = Math.max(peakHeap[0], java.lang.management.ManagementFactory
					.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
			// Counted once the sampler runs: its thread is the benchmark's, not the starter's.
			Mono.delay(Duration.ofMillis(20)).block();
			int threadsBefore = Thread.activeCount();
			long start = System.nanoTime();
			long[] outcome = Measure.fanOut(RUNS_IN_FLIGHT, RUNS_IN_FLIGHT, (i) -> tasks.runAsync("task-" + i));
			long millis = (System.nanoTime() - start) / 1_000_000;
			sampler.dispose();
			return new long[] { outcome[0], outcome[1], millis, Thread.activeCount() - threadsBefore,
					peakHeap[0] - heapBefore };
		}
	}

	/**
	 * The same fan-out with a plain WebClient with Boot's defaults, for comparison.
	 * @param slowBaseUrl the stub
	 * @return the completed and failed calls
	 */
	static long[] manyRunsInFlightRaw(String slowBaseUrl) {
		WebClient raw = WebClient.builder().baseUrl(slowBaseUrl).build();
		return Measure.fanOut(RUNS_IN_FLIGHT, RUNS_IN_FLIGHT,
				(i) -> raw.post().uri("/api/v2/worker-tasks/{id}/runs", "task").bodyValue("{\"is_async\":true}")
					.retrieve().bodyToMono(String.class));
	}

	/**
	 * The time a context start takes with the starter enabled minus with it disabled.
	 * @param baseUrl the stub, which must see no request
	 * @return the added milliseconds (median) and the starts measured per side
	 */
	static double[] startup(String baseUrl) {
		List<Double> enabled = new ArrayList<>();
		List<Double> disabled = new ArrayList<>();
		for (int round = 0; round < 18; round++) {
			// Alternating which side starts first, so that neither always finds what the other loaded.
			boolean enabledFirst = round % 2 == 0;
			long first = startNanos(baseUrl, enabledFirst);
			long second = startNanos(baseUrl, !enabledFirst);
			long on = enabledFirst ? first : second;
			long off = enabledFirst ? second : first;
			if (round >= 3) {
				enabled.add((double) on);
				disabled.add((double) off);
			}
		}
		return new double[] { (Measure.median(enabled) - Measure.median(disabled)) / 1_000_000, enabled.size() };
	}

	private static long startNanos(String baseUrl, boolean enabled) {
		long start = System.nanoTime();
		Benchmarks.starter(baseUrl, enabled).close();
		return System.nanoTime() - start;
	}

	/**
	 * Decoding a 100-row synchronous result the starter's way against plain Jackson into maps.
	 * @return the median time ratio, the rounds and the size of the reply in KB
	 */
	static double[] decoding() {
		byte[] body = syncReply(100, 1000);
		EnvelopeCodec codec = EnvelopeCodec.shared();
		JavaType type = codec.envelopeType(SyncRunData.class);
		JsonMapper plain = JsonMapper.builder().build();
		JsonMapper rowMapper = JsonMapper.builder().build();
		int iterations = 400;
		List<Double> ratios = new ArrayList<>();
		long[] sink = new long[1];
		Runnable starterSide = () -> {
			for (int i = 0; i < iterations; i++) {
				Envelope<SyncRunData> envelope = codec.read(body, type);
				SyncRunResult result = envelope.data().toResult(rowMapper);
				sink[0] += result.rows().size();
			}
		};
		Runnable jacksonSide = () -> {
			for (int i = 0; i < iterations; i++) {
				Map<?, ?> map = plain.readValue(body, Map.class);
				sink[0] += map.size();
			}
		};
		for (int round = 0; round < 25; round++) {
			// Alternating which side goes first in a round.
			boolean starterFirst = round % 2 == 0;
			long first = nanos(starterFirst ? starterSide : jacksonSide);
			long second = nanos(starterFirst ? jacksonSide : starterSide);
			long starter = starterFirst ? first : second;
			long jackson = starterFirst ? second : first;
			if (round >= 5) {
				ratios.add((double) starter / jackson);
			}
		}
		if (sink[0] == 0) {
			throw new IllegalStateException("nothing decoded");
		}
		return new double[] { Measure.median(ratios), ratios.size(), body.length / 1024 };
	}

	private static byte[] syncReply(int rows, int rowBytes) {
		StringBuilder json = new StringBuilder("{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\",\"data\":{"
				+ "\"run_slug\":\"01KZAZV8F0ERXVTQF6Z7ZMWKAB\",\"run_status\":\"succeeded\",\"error_message\":\"\","
				+ "\"execution_start_timestamp\":1786001200,\"execution_end_timestamp\":1786001207,\"running_duration\":7,"
				+ "\"result_message\":\"\",\"results\":{\"count\":" + rows + ",\"headers\":[");
		for (int field = 0; field < 10; field++) {
			json.append((field > 0) ? "," : "").append("{\"key\":\"field").append(field).append("\",\"label\":\"Field ")
				.append(field).append("\"}");
		}
		json.append("],\"list\":[");
		String value = "x".repeat(rowBytes / 10 - 14);
		for (int row = 0; row < rows; row++) {
			json.append((row > 0) ? "," : "").append('{');
			for (int field = 0; field < 10; field++) {
				json.append((field > 0) ? "," : "").append("\"field").append(field).append("\":\"").append(value).append('"');
			}
			json.append('}');
		}
		json.append("],\"page_index\":1,\"page_size\":100}}}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static long nanos(Runnable side) {
		long start = System.nanoTime();
		side.run();
		return System.nanoTime() - start;
	}

}
