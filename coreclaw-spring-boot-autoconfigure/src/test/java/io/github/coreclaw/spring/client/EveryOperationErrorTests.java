/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every operation of the client reports CoreClaw's "not found" and "invalid argument" errors as
 * the exceptions callers branch on, with CoreClaw's details, after exactly one request.
 */
class EveryOperationErrorTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	static Stream<Arguments> operations() {
		Map<String, Function<CoreClawClient, Publisher<?>>> operations = Map.ofEntries(
				Map.entry("workerTasks.runAsync", (c) -> c.workerTasks().runAsync("t1")),
				Map.entry("workerTasks.runSync", (c) -> c.workerTasks().runSync("t1")),
				Map.entry("workerTasks.list", (c) -> c.workerTasks().list()),
				Map.entry("workerTasks.get", (c) -> c.workerTasks().get("t1")),
				Map.entry("workerTasks.create",
						(c) -> c.workerTasks().create(WorkerTaskDefinition.builder("w1", "A title", Map.of()).build())),
				Map.entry("workerTasks.update",
						(c) -> c.workerTasks().update("t1", WorkerTaskUpdate.builder().title("New").build())),
				Map.entry("workerTasks.delete", (c) -> c.workerTasks().delete("t1")),
				Map.entry("workerTasks.getInput", (c) -> c.workerTasks().getInput("t1")),
				Map.entry("workerTasks.updateInput", (c) -> c.workerTasks().updateInput("t1", Map.of())),
				Map.entry("workerRuns.getRun", (c) -> c.workerRuns().getRun(RUN)),
				Map.entry("workerRuns.list", (c) -> c.workerRuns().list()),
				Map.entry("workerRuns.results", (c) -> c.workerRuns().results(RUN)),
				Map.entry("workerRuns.resultPage", (c) -> c.workerRuns().resultPage(RUN, 1, 10)),
				Map.entry("workerRuns.log", (c) -> c.workerRuns().log(RUN)),
				Map.entry("workerRuns.abort", (c) -> c.workerRuns().abort(RUN)),
				Map.entry("workerRuns.rerunAsync", (c) -> c.workerRuns().rerunAsync(RUN)),
				Map.entry("workerRuns.rerunSync", (c) -> c.workerRuns().rerunSync(RUN, RunOptions.defaults())),
				Map.entry("workerRuns.export", (c) -> c.workerRuns().export(RUN, ExportFormat.CSV)),
				Map.entry("workers.runAsync", (c) -> c.workers().runAsync("w1", null)),
				Map.entry("workers.runSync", (c) -> c.workers().runSync("w1", null)),
				Map.entry("workers.queueRun", (c) -> c.workers().queueRun("w1", null)),
				Map.entry("workers.get", (c) -> c.workers().get("w1")),
				Map.entry("workers.inputSchema", (c) -> c.workers().inputSchema("w1")),
				Map.entry("workers.list", (c) -> c.workers().list()),
				Map.entry("workers.store", (c) -> c.workers().store(null)),
				Map.entry("workers.proxyRegions", (c) -> c.workers().proxyRegions()),
				Map.entry("runQueue.list", (c) -> c.runQueue().list()),
				Map.entry("runQueue.activate", (c) -> c.runQueue().activate(List.of("123456"))),
				Map.entry("runQueue.release", (c) -> c.runQueue().release(List.of("123456"), "no longer needed")),
				Map.entry("runQueue.releaseOne", (c) -> c.runQueue().release("123456", null)),
				Map.entry("account", CoreClawClient::account));
		return operations.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void notFoundIsCoreClawNotFoundException(String name, Function<CoreClawClient, Publisher<?>> operation) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(404,
				"{\"code\":50001,\"message\":\"worker does not exist\",\"request_id\":\"req-404\"}")));
		CoreClawNotFoundException ex = catchThrowableOfType(CoreClawNotFoundException.class,
				() -> Flux.from(operation.apply(client())).blockLast(Duration.ofSeconds(5)));
		assertThat(ex.getCode()).isEqualTo(50001);
		assertThat(ex.getRequestId()).isEqualTo("req-404");
		assertThat(ex.getMessage()).contains("HTTP 404, code 50001 \"worker does not exist\" (request_id req-404)");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void invalidArgumentIsCoreClawValidationExceptionWithDetails(String name,
			Function<CoreClawClient, Publisher<?>> operation) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(422, "{\"code\":11000,\"message\":\"invalid argument\","
				+ "\"request_id\":\"req-422\",\"details\":[\"title is required\",\"limit must be at most 100\"]}")));
		CoreClawValidationException ex = catchThrowableOfType(CoreClawValidationException.class,
				() -> Flux.from(operation.apply(client())).blockLast(Duration.ofSeconds(5)));
		assertThat(ex.getCode()).isEqualTo(11000);
		assertThat(ex.getDetails()).containsExactly("title is required", "limit must be at most 100");
		assertThat(ex.getMessage()).contains("details [title is required, limit must be at most 100]");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	private static CoreClawClient client;

	@BeforeAll
	static void createClient() {
		client = CoreClawClient.builder(settings(wireMock)).retry(RetryFaultTests.FAST).build();
	}

	@AfterAll
	static void closeClient() {
		client.close();
	}

	private static CoreClawClient client() {
		return client;
	}

}
