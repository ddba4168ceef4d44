/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Measures the four performance goals of the starter side by side with their baselines in one
 * JVM, and prints each as a ratio; run it with {@code -Xmx256m} (see the README).
 *
 * @since 0.1.0
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public final class Benchmarks {

	private static final Duration LATENCY = Duration.ofMillis(50);

	private static final byte[] RUN_BODY = "{\"is_async\":true}".getBytes(StandardCharsets.UTF_8);

	private final List<String> report = new ArrayList<>();

	private boolean allPassed = true;

	/**
	 * Run every benchmark and print the results.
	 * @param args unused
	 */
	public static void main(String[] args) {
		Benchmarks benchmarks = new Benchmarks();
		System.out.printf("CoreClaw starter benchmarks, %s, Java %s, %d cores, max heap %d MB%n", LocalDate.now(),
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		try (LoopbackStub stub = new LoopbackStub(LATENCY)) {
			benchmarks.manyRunsInFlight(stub);
			benchmarks.throughput(stub);
			benchmarks.decoding();
			benchmarks.startup(stub);
		}
		System.out.println();
		benchmarks.report.forEach(System.out::println);
		System.exit(benchmarks.allPassed ? 0 : 1);
	}

	/** Goal 1: 10,000 concurrent runAsync calls all complete, without thread growth. */
	private void manyRunsInFlight(LoopbackStub stub) {
		int runs = 10_000;
		try (ConfigurableApplicationContext context = starter(stub, true)) {
			WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
			tasks.runAsync("warm-up").block();
			int threadsBefore = Thread.activeCount();
			System.gc();
			long heapBefore = heapUsed();
			long[] peakHeap = { heapBefore };
			reactor.core.Disposable sampler = Flux.interval(Duration.ofMillis(10))
				.subscribe((tick) -> peakHeap[0] = Math.max(peakHeap[0], heapUsed()));
			long start = System.nanoTime();
			long[] outcome = fanOut(runs, (i) -> tasks.runAsync("task-" + i).then());
			long millis = (System.nanoTime() - start) / 1_000_000;
			sampler.dispose();
			int threadGrowth = Thread.activeCount() - threadsBefore;
			boolean passed = outcome[0] == runs && threadGrowth <= 8;
			record("1. " + runs + " runAsync in flight (" + LATENCY.toMillis() + " ms stub)", passed, String.format(
					"starter: %d completed, %d failed in %d ms (%.0f runs/s), thread growth %d, peak heap growth %d MB "
							+ "(at most %.1f KB per run in flight, garbage included)",
					outcome[0], outcome[1], millis, runs * 1000.0 / millis, threadGrowth,
					(peakHeap[0] - heapBefore) / (1024 * 1024), (peakHeap[0] - heapBefore) / 1024.0 / runs));
		}
		WebClient raw = WebClient.builder().baseUrl(stub.baseUrl()).build();
		long[] rawOutcome = fanOut(runs, (i) -> rawRun(raw).then());
		this.report.add(String.format("   for comparison, a plain WebClient with Boot's defaults: %d completed, %d failed",
				rawOutcome[0], rawOutcome[1]));
	}

	/** Goal 2: throughput at 64 in flight within 5% of a raw WebClient, paired rounds. */
	private void throughput(LoopbackStub stub) {
		int requests = 1280;
		int concurrency = 64;
		ConnectionProvider rawPool = ConnectionProvider.builder("raw").maxConnections(100).build();
		WebClient raw = WebClient.builder()
			.baseUrl(stub.baseUrl())
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(rawPool)))
			.build();
		try (ConfigurableApplicationContext context = starter(stub, true)) {
			WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
			List<Double> ratios = new ArrayList<>();
			List<Double> starterRates = new ArrayList<>();
			for (int round = 0; round < 11; round++) {
				long starterNanos = timed(() -> fanOut(requests, concurrency, (i) -> tasks.runAsync("task-" + i).then()));
				long rawNanos = timed(() -> fanOut(requests, concurrency, (i) -> rawRun(raw).then()));
				if (round >= 2) {
					ratios.add((double) rawNanos / starterNanos);
					starterRates.add(requests * 1e9 / starterNanos);
				}
			}
			double median = median(ratios);
			record("2. runAsync throughput at " + concurrency + " in flight vs raw WebClient", median >= 0.95,
					String.format("median ratio %.3f over %d paired rounds of %d requests (>= 0.95 required); "
							+ "starter %.0f runs/s", median, ratios.size(), requests, median(starterRates)));
		}
		finally {
			rawPool.dispose();
		}
	}

	/** Goal 3: a 100-row synchronous result decodes within 1.1x plain Jackson into maps. */
	private void decoding() {
		byte[] body = syncReply(100, 1000);
		EnvelopeCodec codec = new EnvelopeCodec();
		JavaType type = codec.envelopeType(SyncRunData.class);
		JsonMapper plain = JsonMapper.builder().build();
		JsonMapper rowMapper = JsonMapper.builder().build();
		int iterations = 400;
		List<Double> ratios = new ArrayList<>();
		long[] sink = new long[1];
		for (int round = 0; round < 25; round++) {
			long starter = timed(() -> {
				for (int i = 0; i < iterations; i++) {
					Envelope<SyncRunData> envelope = codec.read(body, type);
					SyncRunResult result = envelope.data().toResult(rowMapper);
					sink[0] += result.rows().size();
				}
				return null;
			});
			long jackson = timed(() -> {
				for (int i = 0; i < iterations; i++) {
					Map<?, ?> map = plain.readValue(body, Map.class);
					sink[0] += map.size();
				}
				return null;
			});
			if (round >= 5) {
				ratios.add((double) starter / jackson);
			}
		}
		double median = median(ratios);
		record("3. decoding a 100-row sync result (" + body.length / 1024 + " KB) vs plain Jackson into maps",
				median <= 1.1, String.format("median time ratio %.3f over %d paired rounds (<= 1.1 required) [%d]",
						median, ratios.size(), sink[0] % 10));
	}

	/** Goal 4: the starter adds at most 50 ms to context start, and calls nothing at startup. */
	private void startup(LoopbackStub stub) {
		List<Long> enabled = new ArrayList<>();
		List<Long> disabled = new ArrayList<>();
		long requestsBefore = stub.requests();
		for (int round = 0; round < 18; round++) {
			long on = timed(() -> {
				starter(stub, true).close();
				return null;
			});
			long off = timed(() -> {
				starter(stub, false).close();
				return null;
			});
			if (round >= 3) {
				enabled.add(on);
				disabled.add(off);
			}
		}
		double added = (median(enabled.stream().map(Long::doubleValue).toList())
				- median(disabled.stream().map(Long::doubleValue).toList())) / 1_000_000;
		long calls = stub.requests() - requestsBefore;
		record("4. context start with coreclaw.enabled=true vs false", added <= 50 && calls == 0,
				String.format("adds %.1f ms (median of %d starts each, <= 50 ms required); requests at startup: %d",
						added, enabled.size(), calls));
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static ConfigurableApplicationContext starter(LoopbackStub stub, boolean enabled) {
		return new SpringApplicationBuilder(Benchmarks.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(Map.of("coreclaw.enabled", Boolean.toString(enabled), "coreclaw.api-key", "benchmark-key",
					"coreclaw.base-url", stub.baseUrl(), "spring.main.banner-mode", "off", "logging.level.root",
					"warn"))
			.run();
	}

	private static Mono<String> rawRun(WebClient raw) {
		return raw.post()
			.uri("/api/v2/worker-tasks/{id}/runs", "task")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(RUN_BODY)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map((json) -> json.get("data").get("run_slug").asString());
	}

	private static long[] fanOut(int count, java.util.function.IntFunction<Mono<Void>> call) {
		return fanOut(count, count, call);
	}

	private static long[] fanOut(int count, int concurrency, java.util.function.IntFunction<Mono<Void>> call) {
		long[] outcome = new long[2];
		Flux.range(0, count)
			.flatMap((i) -> call.apply(i).then(Mono.just(true)).onErrorResume((ex) -> Mono.just(false)), concurrency)
			.doOnNext((ok) -> outcome[ok ? 0 : 1]++)
			.blockLast(Duration.ofMinutes(5));
		return outcome;
	}

	private static long timed(java.util.function.Supplier<?> work) {
		long start = System.nanoTime();
		work.get();
		return System.nanoTime() - start;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private void record(String goal, boolean passed, String detail) {
		this.allPassed &= passed;
		this.report.add((passed ? "PASS " : "FAIL ") + goal + ": " + detail);
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

}
