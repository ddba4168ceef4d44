/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How the task management operations of {@link WorkerTaskOperations} report CoreClaw's errors,
 * and which failures their retry class lets the client repeat.
 */
@ExtendWith(OutputOnFailure.class)
class WorkerTaskManagementErrorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String OK = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-ok\","
			+ "\"data\":{\"slug\":\"t1\",\"input\":{},\"count\":0,\"list\":[],\"page_index\":1}}";

	private static final Map<String, Object> INPUT = Map.of("parameters", Map.of("custom", Map.of("q", "x")));

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "list, GET /api/v2/worker-tasks?offset=1&limit=100", "get, GET /api/v2/worker-tasks/t1",
			"create, POST /api/v2/worker-tasks", "update, PUT /api/v2/worker-tasks/t1",
			"delete, DELETE /api/v2/worker-tasks/t1", "getInput, GET /api/v2/worker-tasks/t1/input",
			"updateInput, PUT /api/v2/worker-tasks/t1/input" })
	void notFoundBecomesCoreClawNotFoundException(String operation, String request) {
		wireMock.stubFor(any(anyUrl()).willReturn(envelope(404, 60001, "task does not exist")));
		try (CoreClawClient client = client(null)) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> call(client, operation).block(TIMEOUT))
				.withMessage("CoreClaw rejected " + request + ": HTTP 404, code 60001 \"task does not exist\" "
						+ "(request_id req-123). Check the identifier in the request path.")
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(60001));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void notFoundUnderHttp200IsNotFoundToo() {
		wireMock.stubFor(any(anyUrl()).willReturn(envelope(200, 60001, "task does not exist")));
		try (CoreClawClient client = client(null)) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workerTasks().get("t1").block(TIMEOUT));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 422 })
	void invalidRequestIsAValidationFailureWithDetails(int status) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(status, """
				{"code":11000,"message":"invalid argument","request_id":"req-7",
				"details":["schedule_time must be HH:mm","worker_id is required"]}""")));
		try (CoreClawClient client = client(null)) {
			CoreClawValidationException ex = catchThrowableOfType(CoreClawValidationException.class,
					() -> call(client, "create").block(TIMEOUT));
			assertThat(ex.getDetails()).containsExactly("schedule_time must be HH:mm", "worker_id is required");
			assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks: HTTP " + status
					+ ", code 11000 \"invalid argument\" (request_id req-7), details [schedule_time must be HH:mm, "
					+ "worker_id is required]");
			assertThatExceptionOfType(CoreClawValidationException.class)
				.isThrownBy(() -> call(client, "update").block(TIMEOUT));
		}
	}

	@ParameterizedTest(name = "{0} after HTTP 500: {1} attempts")
	@CsvSource({ "list, 2", "get, 2", "getInput, 2", "update, 2", "updateInput, 2", "create, 1", "delete, 1" })
	void serverErrorIsRepeatedOnlyWhereTheOperationAllows(String operation, int attempts) {
		stubFailureThenOk(envelope(500, 10000, "internal server error"));
		try (CoreClawClient client = client(RetryFaultTests.FAST)) {
			Mono<?> call = call(client, operation);
			if (attempts == 1) {
				CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class, () -> call.block(TIMEOUT));
				assertThat(ex.getHttpStatus()).isEqualTo(500);
			}
			else {
				call.block(TIMEOUT);
			}
		}
		wireMock.verify(attempts, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "{0} after a reset connection: {1} attempts")
	@CsvSource({ "get, 2", "update, 2", "updateInput, 2", "create, 1", "delete, 1" })
	void brokenConnectionIsRepeatedOnlyWhereTheOperationAllows(String operation, int attempts) {
		stubFailureThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		try (CoreClawClient client = client(RetryFaultTests.FAST)) {
			Mono<?> call = call(client, operation);
			if (attempts == 1) {
				assertThatExceptionOfType(CoreClawConnectionException.class).isThrownBy(() -> call.block(TIMEOUT));
			}
			else {
				call.block(TIMEOUT);
			}
		}
		wireMock.verify(attempts, anyRequestedFor(anyUrl()));
	}

	@Test
	void rateLimitedCreateIsRepeatedSinceCoreClawDidNotCarryItOut() {
		stubFailureThenOk(envelope(429, 13000, "too many requests"));
		try (CoreClawClient client = client(RetryFaultTests.FAST)) {
			assertThat(call(client, "create").block(TIMEOUT)).isEqualTo("t1");
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	private static void stubFailureThenOk(ResponseDefinitionBuilder failure) {
		wireMock.stubFor(any(anyUrl()).inScenario("failure")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("ok"));
		wireMock.stubFor(any(anyUrl()).inScenario("failure").whenScenarioStateIs("ok").willReturn(json(200, OK)));
	}

	private static Mono<?> call(CoreClawClient client, String operation) {
		WorkerTaskOperations tasks = client.workerTasks();
		Map<String, Function<WorkerTaskOperations, Mono<?>>> calls = Map.of("list", (t) -> t.list().collectList(), "get",
				(t) -> t.get("t1"), "create", (t) -> t.create(WorkerTaskDefinition.builder("w1", "T", INPUT).build()),
				"update", (t) -> t.update("t1", WorkerTaskUpdate.builder().title("T").build()), "delete",
				(t) -> t.delete("t1").thenReturn(List.of()), "getInput", (t) -> t.getInput("t1"), "updateInput",
				(t) -> t.updateInput("t1", INPUT).thenReturn(List.of()));
		return calls.get(operation).apply(tasks);
	}

	private static CoreClawClient client(CoreClawRetrySettings retry) {
		CoreClawClient.Builder builder = CoreClawClient.builder(settings(wireMock));
		return ((retry != null) ? builder.retry(retry) : builder).build();
	}

}
