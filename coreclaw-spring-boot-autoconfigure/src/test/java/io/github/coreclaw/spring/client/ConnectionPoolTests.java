/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The client's own connection pool under a fan-out: guards the performance goal of many runs in
 * flight at a scale that fits the normal suite.
 */
class ConnectionPoolTests {

	private static final String REPLY = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req\",\"data\":{\"run_slug\":\"01RUN\"}}";

	private final AtomicInteger received = new AtomicInteger();

	private DisposableServer server;

	@BeforeEach
	void startStub() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/api/v2/worker-tasks/{id}/runs",
					(request, response) -> request.receive()
						.then(Mono.fromRunnable(this.received::incrementAndGet))
						.then(Mono.delay(Duration.ofMillis(replyDelay(request.param("id")))))
						.then(response.header("Content-Type", "application/json").sendString(Mono.just(REPLY)).then())))
			.bindNow();
	}

	private static long replyDelay(@Nullable String taskId) {
		if ("held".equals(taskId)) {
			return 2000;
		}
		return "slow".equals(taskId) ? 300 : 50;
	}

	@AfterEach
	void stopStub() {
		this.server.disposeNow();
	}

	@Test
	void twoThousandRunsInFlightAllCompleteWithoutThreadGrowth() {
		try (CoreClawClient client = client(CoreClawPoolSettings.defaults())) {
			client.workerTasks().runAsync("warm-up").block(Duration.ofSeconds(5));
			Mono.delay(Duration.ofMillis(1)).block();
			int baseline = Thread.activeCount();
			this.received.set(0);

			List<RunSlug> slugs = Flux.range(0, 2000)
				.flatMap((i) -> client.workerTasks().runAsync("task-" + i), 2000)
				.collectList()
				.block(Duration.ofSeconds(60));

			assertThat(slugs).hasSize(2000).containsOnly(new RunSlug("01RUN"));
			assertThat(this.received).hasValue(2000);
			assertThat(Thread.activeCount()).isLessThanOrEqualTo(baseline + 4);
		}
	}

	@Test
	void aRequestThatWaitedTooLongForAConnectionWasNotSentAndSaysSo() {
		try (CoreClawClient client = client(CoreClawPoolSettings.defaults().withLimits(1, -1, Duration.ofMillis(20)))) {
			// The first call holds the only connection for 2 s, far beyond the second's 20 ms wait, so
			// that a late timer on a loaded machine cannot let the second through.
			Mono<RunSlug> first = client.workerTasks().runAsync("held");
			Mono<RunSlug> second = client.workerTasks().runAsync("second").delaySubscription(Duration.ofMillis(5));
			CoreClawConnectionException ex = catchThrowableOfType(CoreClawConnectionException.class,
					() -> Flux.merge(first, second).collectList().block(Duration.ofSeconds(5)));
			assertThat(ex.isRequestSent()).isFalse();
			assertThat(ex.isRunMayExist()).isFalse();
			assertThat(ex.getMessage()).startsWith("No connection to CoreClaw became free for POST "
					+ "/api/v2/worker-tasks/second/runs (")
				.endsWith("The request was not sent and is safe to retry; for large fan-outs raise "
						+ "coreclaw.pool.max-connections or coreclaw.pool.pending-acquire-timeout, or limit the "
						+ "concurrency of your own calls.");
		}
		assertThat(this.received).hasValue(1);
	}

	@Test
	void aBoundedQueueRefusesTheOverflowWithoutSendingIt() {
		try (CoreClawClient client = client(CoreClawPoolSettings.defaults().withLimits(1, 1, Duration.ofSeconds(5)))) {
			// The first call holds the only connection (the stub answers it after 2 s) once CoreClaw
			// has received it; only then come two more: one waits in the queue of 1, one is refused.
			// Waiting for the first to arrive keeps a connection still being released (or opened)
			// from making a second one wait too.
			Mono<Object> first = outcome(client, "held").cache();
			first.subscribe();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.received.get() == 1);
			List<Object> outcomes = Flux.merge(first, outcome(client, "task-1"), outcome(client, "task-2"))
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(outcomes).filteredOn(CoreClawConnectionException.class::isInstance).hasSize(1)
				.allSatisfy((ex) -> assertThat(((CoreClawConnectionException) ex).isRequestSent()).isFalse());
		}
		assertThat(this.received).hasValue(2);
	}

	private static Mono<Object> outcome(CoreClawClient client, String taskId) {
		return client.workerTasks().runAsync(taskId).<Object>map((slug) -> slug)
			.onErrorResume(CoreClawConnectionException.class, Mono::just);
	}

	@Test
	void theResponseTimeoutStartsOnceTheRequestIsWritten() {
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-pool-test")
				.withBaseUrl(URI.create("http://127.0.0.1:" + this.server.port()))
				.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(150), Duration.ofSeconds(2)))
			.pool(CoreClawPoolSettings.defaults().withLimits(1, -1, Duration.ofSeconds(5)))
			.build()) {
			// The synchronous run holds the only connection for 300 ms; the asynchronous one waits
			// for it longer than its 150 ms response timeout, and then is answered in 50 ms.
			List<RunSlug> slugs = Flux.merge(client.workerTasks().runSync("slow").map(SyncRunResult::runSlug),
					client.workerTasks().runAsync("queued").delaySubscription(Duration.ofMillis(20)))
				.collectList()
				.block(Duration.ofSeconds(5));
			assertThat(slugs).containsExactly(new RunSlug("01RUN"), new RunSlug("01RUN"));
		}
		assertThat(this.received).hasValue(2);
	}

	@Test
	void poolSettingsTogetherWithAConnectorOfTheApplicationAreRefused() {
		CoreClawClient.Builder builder = CoreClawClient
			.builder(CoreClawClientSettings.of("k-pool-test").withBaseUrl(URI.create("http://127.0.0.1:" + this.server.port())))
			.pool(CoreClawPoolSettings.defaults().withLimits(1, -1, Duration.ofSeconds(5)))
			.connector((method, uri, request) -> Mono.error(new IllegalStateException("not to be called")));
		assertThatIllegalStateException().isThrownBy(builder::build)
			.withMessage("poolSettings apply only to the client's own Reactor Netty connector, but a connector was "
					+ "given too, which keeps its own connection pool: configure the pool on that connector, or leave "
					+ "out connector(...) to use the client's own");
		assertThat(this.received).hasValue(0);
	}

	private CoreClawClient client(CoreClawPoolSettings pool) {
		return CoreClawClient
			.builder(CoreClawClientSettings.of("k-pool-test").withBaseUrl(URI.create("http://127.0.0.1:" + this.server.port())))
			.pool(pool)
			.build();
	}

}
