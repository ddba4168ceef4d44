/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The CoreClaw API as the benchmarks need it, on loopback, meant to run in a process of its own
 * so that its CPU time is not counted as the client's: run requests answered at once (one port)
 * or after a fixed latency (another port), run details that stay {@code running} for a number of
 * reads per run, pages of results of a run of a million rows, and a histogram of the times of the
 * run detail reads.
 *
 * @since 0.1.0
 */
final class StubServer implements AutoCloseable {

	/** Reads of a run's detail that answer {@code running} before it answers {@code succeeded}. */
	static final int RUNNING_READS = 20;

	/** Rows of the run whose results are read. */
	static final long RESULT_ROWS = 1_000_000;

	/** Width of the buckets of the read histogram. */
	static final Duration BUCKET = Duration.ofMillis(100);

	static final String RUN_REPLY = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-bench\","
			+ "\"data\":{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}}";

	private static final byte[] RUN_REPLY_BYTES = RUN_REPLY.getBytes(StandardCharsets.UTF_8);

	private static final int HISTOGRAM_BUCKETS = 20 * 60 * 10;

	private final AtomicLong runRequests = new AtomicLong();

	private final ConcurrentHashMap<String, AtomicInteger> reads = new ConcurrentHashMap<>();

	private final AtomicIntegerArray readHistogram = new AtomicIntegerArray(HISTOGRAM_BUCKETS);

	private volatile long start = System.nanoTime();

	private final byte[] pagePrefix;

	private final byte[] pageSuffix;

	private final DisposableServer fast;

	private final DisposableServer slow;

	StubServer(Duration slowLatency) {
		this.pagePrefix = pagePrefix().getBytes(StandardCharsets.UTF_8);
		this.pageSuffix = ",\"page_size\":100}}".getBytes(StandardCharsets.UTF_8);
		this.fast = server(Duration.ZERO);
		this.slow = server(slowLatency);
	}

	/**
	 * Run the stub until its standard input closes, printing the two base URLs on one line.
	 * @param slowLatencyMillis the latency of run requests on the slow port
	 */
	static void runUntilStdinCloses(long slowLatencyMillis) throws Exception {
		try (StubServer stub = new StubServer(Duration.ofMillis(slowLatencyMillis))) {
			System.out.println("STUB " + stub.fastBaseUrl() + " " + stub.slowBaseUrl());
			System.out.flush();
			while (System.in.read() >= 0) {
				// Wait for the parent to close the pipe (or to die).
			}
		}
	}

	private DisposableServer server(Duration latency) {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/api/v2/worker-tasks/{id}/runs", (request, response) -> startRun(request, response, latency))
				.get("/api/v2/worker-runs/{id}/result", this::resultPage)
				.get("/api/v2/worker-runs/{id}", this::runDetail)
				.get("/bench/reads", this::histogram)
				.post("/bench/reset", this::reset))
			.bindNow();
	}

	String fastBaseUrl() {
		return "http://127.0.0.1:" + this.fast.port();
	}

	String slowBaseUrl() {
		return "http://127.0.0.1:" + this.slow.port();
	}

	private Mono<Void> startRun(HttpServerRequest request, HttpServerResponse response, Duration latency) {
		Mono<Void> received = request.receive().then(Mono.fromRunnable(this.runRequests::incrementAndGet));
		if (!latency.isZero()) {
			received = received.then(Mono.delay(latency)).then();
		}
		return received.then(json(response).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(RUN_REPLY_BYTES)))
			.then());
	}

	private Mono<Void> runDetail(HttpServerRequest request, HttpServerResponse response) {
		String id = request.param("id");
		int read = this.reads.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		int bucket = (int) ((System.nanoTime() - this.start) / BUCKET.toNanos());
		if (bucket < HISTOGRAM_BUCKETS) {
			this.readHistogram.incrementAndGet(bucket);
		}
		String status = (read <= RUNNING_READS) ? "running" : "succeeded";
		return json(response).sendString(Mono.just("{\"code\":0,\"message\":\"success\",\"request_id\":\"req-bench\","
				+ "\"data\":{\"slug\":\"" + id + "\",\"status\":\"" + status + "\",\"results\":0}}")).then();
	}

	private Mono<Void> resultPage(HttpServerRequest request, HttpServerResponse response) {
		String query = request.uri().substring(request.uri().indexOf('?') + 1);
		int page = 1;
		for (String parameter : query.split("&")) {
			if (parameter.startsWith("offset=")) {
				page = Integer.parseInt(parameter.substring("offset=".length()));
			}
		}
		byte[] index = Integer.toString(page).getBytes(StandardCharsets.UTF_8);
		return json(response)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(this.pagePrefix, index, this.pageSuffix)))
			.then();
	}

	private Mono<Void> histogram(HttpServerRequest request, HttpServerResponse response) {
		StringBuilder counts = new StringBuilder();
		int last = (int) ((System.nanoTime() - this.start) / BUCKET.toNanos());
		for (int i = 0; i <= last && i < HISTOGRAM_BUCKETS; i++) {
			counts.append((i > 0) ? "," : "").append(this.readHistogram.get(i));
		}
		return response.header("Content-Type", "text/plain").sendString(Mono.just(counts.toString())).then();
	}

	private Mono<Void> reset(HttpServerRequest request, HttpServerResponse response) {
		this.reads.clear();
		this.start = System.nanoTime();
		for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
			this.readHistogram.set(i, 0);
		}
		return response.sendString(Mono.just(Long.toString(this.runRequests.getAndSet(0)))).then();
	}

	private static HttpServerResponse json(HttpServerResponse response) {
		return response.header("Content-Type", "application/json");
	}

	/**
	 * The page reply up to its page index: a run of {@link #RESULT_ROWS} rows of ten short text
	 * columns (about 330 bytes a row, 33 KB a page).
	 */
	private static String pagePrefix() {
		StringBuilder json = new StringBuilder("{\"code\":0,\"message\":\"success\",\"request_id\":\"req-bench\","
				+ "\"data\":{\"count\":" + RESULT_ROWS + ",\"headers\":[");
		for (int field = 0; field < 10; field++) {
			json.append((field > 0) ? "," : "").append("{\"key\":\"field").append(field).append("\",\"label\":\"Field ")
				.append(field).append("\"}");
		}
		json.append("],\"list\":[");
		for (int row = 0; row < 100; row++) {
			json.append((row > 0) ? "," : "").append('{');
			for (int field = 0; field < 10; field++) {
				json.append((field > 0) ? "," : "").append("\"field").append(field).append("\":\"value ").append(row)
					.append('-').append(field).append(" lorem ipsum\"");
			}
			json.append('}');
		}
		return json.append("],\"page_index\":").toString();
	}

	@Override
	public void close() {
		this.fast.disposeNow();
		this.slow.disposeNow();
	}

}
