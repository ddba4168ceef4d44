/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback Reactor Netty server that answers every run request with a fresh-looking run slug
 * after a fixed latency, without blocking a thread while it waits.
 *
 * @since 0.1.0
 */
final class LoopbackStub implements AutoCloseable {

	static final String REPLY = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-bench\","
			+ "\"data\":{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}}";

	private final AtomicLong requests = new AtomicLong();

	private final DisposableServer server;

	LoopbackStub(Duration latency) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/api/v2/worker-tasks/{id}/runs",
					(request, response) -> request.receive()
						.then(Mono.fromRunnable(this.requests::incrementAndGet))
						.then(Mono.delay(latency))
						.then(response.header("Content-Type", "application/json").sendString(Mono.just(REPLY)).then())))
			.bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	long requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
