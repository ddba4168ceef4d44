/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The runs and queued runs {@link WorkerOperations} starts: exact requests, replies, errors and
 * what is repeated.
 */
@ExtendWith(OutputOnFailure.class)
class WorkerOperationsRunTests {

	private static final String RUNS = "/api/v2/workers/demo-worker/runs";

	private static final String QUEUED_RUNS = "/api/v2/workers/demo-worker/queued-runs";

	private static final String ASYNC_REPLY = """
			{"code":0,"message":"success","request_id":"req-1","data":{"run_slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ"}}""";

	private static final String QUEUED_REPLY = """
			{"code":0,"message":"success","request_id":"req-q","data":{"queue_ref":"123456","queue_status":"waiting","queued":true}}""";

	private static final WorkerInput COFFEE = WorkerInput.builder()
		.custom("keywords", List.of("coffee"))
		.system("proxy_region", "US")
		.build();

	private static final String COFFEE_JSON = """
			{"parameters":{"custom":{"keywords":["coffee"]},"system":{"proxy_region":"US"}}}""";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void runAsyncPostsTheInputAndIsAsyncOnly() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		try (CoreClawClient client = client()) {
			RunSlug slug = client.workers().runAsync("demo-worker", COFFEE).block(Duration.ofSeconds(5));
			assertThat(slug).isEqualTo(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"is_async\":true,\"input\":" + COFFEE_JSON + "}", false, false)));
	}

	@Test
	void runAsyncWithoutInputSendsNoInput() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		try (CoreClawClient client = client()) {
			client.workers().runAsync("demo-worker", null).block(Duration.ofSeconds(5));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(equalToJson("{\"is_async\":true}", false, false)));
	}

	@Test
	void runAsyncSendsEveryOptionOfTheRunWorkerRequest() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		RunOptions options = RunOptions.builder()
			.version("v1.2.8")
			.callbackUrl(URI.create("https://app.example.com/cb?sig=abc"))
			.limit(5)
			.offset(0)
			.build();
		try (CoreClawClient client = client()) {
			client.workers().runAsync("demo-worker", Map.of("parameters", Map.of("custom", Map.of())), options)
				.block(Duration.ofSeconds(5));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(equalToJson("""
				{"is_async":true,"limit":5,"offset":0,"version":"v1.2.8","callback_url":"https://app.example.com/cb?sig=abc",
				"input":{"parameters":{"custom":{}}}}""", false, false)));
	}

	record Search(List<String> searchTerms, int maxResults) {
	}

	@Test
	void theApplicationsMapperWritesTheInput() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).rowMapper(snakeCase).build()) {
			client.workers().runAsync("demo-worker", new Search(List.of("tea"), 3)).block(Duration.ofSeconds(5));
			client.workers()
				.runAsync("demo-worker", WorkerInput.builder().custom("query", new Search(List.of("tea"), 3)).build())
				.block(Duration.ofSeconds(5));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(
				equalToJson("{\"is_async\":true,\"input\":{\"search_terms\":[\"tea\"],\"max_results\":3}}", false, false)));
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(equalToJson(
				"{\"is_async\":true,\"input\":{\"parameters\":{\"custom\":{\"query\":{\"search_terms\":[\"tea\"],"
						+ "\"max_results\":3}}}}}",
				false, false)));
	}

	@Test
	void jsonNodeInputIsSentAsItIs() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		ObjectNode input = JsonNodeFactory.instance.objectNode();
		input.putObject("parameters").putObject("custom").put("url", "https://example.com/?a=1&b=2");
		try (CoreClawClient client = client()) {
			client.workers().runAsync("demo-worker", input).block(Duration.ofSeconds(5));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(equalToJson(
				"{\"is_async\":true,\"input\":{\"parameters\":{\"custom\":{\"url\":\"https://example.com/?a=1&b=2\"}}}}",
				false, false)));
	}

	@Test
	void ownerTildeNameIsKeptInThePath() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		try (CoreClawClient client = client()) {
			client.workers().runAsync("coreclaw~google-maps-scraper", COFFEE).block(Duration.ofSeconds(5));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/workers/coreclaw~google-maps-scraper/runs")));
	}

	@Test
	void runSyncPostsIsAsyncFalseTheDefaultLimitAndReadsTheWindow() {
		wireMock.stubFor(post(urlEqualTo(RUNS)).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-2","data":{"run_slug":"01KZAZV8F0ERXVTQF6Z7ZMWKAB",
				"run_status":"succeeded","error_message":"","execution_start_timestamp":1786001200,
				"execution_end_timestamp":1786001207,"running_duration":7,"result_message":"2 places",
				"results":{"count":2,"headers":[{"key":"title","label":"Title"}],
				"list":[{"title":"Blue Bottle"},{"title":"Philz"}],"page_index":1,"page_size":20}}}""")));
		SyncRunResult result;
		try (CoreClawClient client = client()) {
			result = client.workers().runSync("demo-worker", COFFEE).block(Duration.ofSeconds(5));
		}
		assertThat(result.runSlug()).isEqualTo(new RunSlug("01KZAZV8F0ERXVTQF6Z7ZMWKAB"));
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(result.finished()).isTrue();
		assertThat(result.total()).isEqualTo(2);
		assertThat(result.resultMessage()).isEqualTo("2 places");
		assertThat(result.headers()).containsExactly(new ResultHeader("title", "Title"));
		assertThat(result.rows()).containsExactly(Map.of("title", "Blue Bottle"), Map.of("title", "Philz"));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS))
			.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":20,\"input\":" + COFFEE_JSON + "}", false, false)));
	}

	@Test
	void runSyncSendsTheVersionAndTheLimitThatIsSet() {
		wireMock.stubFor(post(urlEqualTo(RUNS))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r1\",\"run_status\":\"running\"}}")));
		SyncRunResult result;
		try (CoreClawClient client = client()) {
			result = client.workers()
				.runSync("demo-worker", null, RunOptions.builder().limit(3).version("latest").build())
				.block(Duration.ofSeconds(5));
		}
		assertThat(result.finished()).isFalse();
		assertThat(result.rows()).isEmpty();
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS))
			.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":3,\"version\":\"latest\"}", false, false)));
	}

	@Test
	void aReplyWithoutRunSlugIsAnError() {
		wireMock.stubFor(post(urlEqualTo(RUNS)).willReturn(json(200, "{\"code\":0,\"request_id\":\"req-9\",\"data\":{}}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workers().runAsync("demo-worker", COFFEE).block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered POST " + RUNS + " with HTTP 200, code 0 (request_id req-9) but without "
						+ "the expected data.run_slug");
		}
	}

	@Test
	void unknownWorkerIsNotFound() {
		wireMock.stubFor(post(urlEqualTo("/api/v2/workers/nope/runs"))
			.willReturn(envelope(404, 50001, "worker does not exist")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workers().runAsync("nope", COFFEE).block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw rejected POST /api/v2/workers/nope/runs: HTTP 404, code 50001 "
						+ "\"worker does not exist\" (request_id req-123). Check the identifier in the request path.")
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(50001));
		}
	}

	@Test
	void unavailableVersionIsNotFoundAndInvalidInputIsAValidationError() {
		wireMock.stubFor(post(urlEqualTo(RUNS)).inScenario("errors")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(envelope(200, 50003, "worker version not available"))
			.willSetStateTo("invalid"));
		wireMock.stubFor(post(urlEqualTo(RUNS)).inScenario("errors")
			.whenScenarioStateIs("invalid")
			.willReturn(json(400, """
					{"code":11000,"message":"invalid argument","request_id":"req-7","details":["Keyword is required"]}""")));
		try (CoreClawClient client = client()) {
			RunOptions version = RunOptions.builder().version("v0.0.1").build();
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workers().runAsync("demo-worker", COFFEE, version).block(Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(50003));
			CoreClawValidationException invalid = catchThrowableOfType(CoreClawValidationException.class,
					() -> client.workers().runSync("demo-worker", Map.of()).block(Duration.ofSeconds(5)));
			assertThat(invalid.getDetails()).containsExactly("Keyword is required");
		}
	}

	@Test
	void workerRunsAreRetriedOnServerErrorsLikeTaskRuns() {
		stubSequence(wireMock, envelope(500, 10000, "internal server error"), json(200, ASYNC_REPLY));
		try (CoreClawClient client = retryingClient()) {
			assertThat(client.workers().runAsync("demo-worker", COFFEE).block(Duration.ofSeconds(5)))
				.isEqualTo(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		}
		wireMock.verify(2, postRequestedFor(urlEqualTo(RUNS))
			.withRequestBody(equalToJson("{\"is_async\":true,\"input\":" + COFFEE_JSON + "}", false, false)));
	}

	@Test
	void workerRunsAreNotRepeatedAfterABrokenConnection() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		try (CoreClawClient client = retryingClient()) {
			assertThatExceptionOfType(CoreClawConnectionException.class)
				.isThrownBy(() -> client.workers().runSync("demo-worker", COFFEE).block(Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.isRunMayExist()).isTrue());
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void runAndAwaitStartsPollsAndReadsTheFirstPage() {
		String detail = "/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ";
		wireMock.stubFor(post(urlEqualTo(RUNS)).willReturn(json(200, ASYNC_REPLY)));
		wireMock.stubFor(get(urlEqualTo(detail)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"succeeded\",\"results\":1}}")));
		wireMock.stubFor(get(urlEqualTo(detail + "/result?offset=1&limit=5")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"title\":\"Philz\"}],\"page_index\":1,\"page_size\":5}}")));
		CompletedRun completed;
		try (CoreClawClient client = client()) {
			completed = client.workers()
				.runAndAwait("demo-worker", COFFEE, RunOptions.builder().limit(5).build(), Duration.ofSeconds(5))
				.block(Duration.ofSeconds(10));
		}
		assertThat(completed.run().runSlug()).isEqualTo(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		assertThat(completed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(completed.firstPage().rows()).containsExactly(Map.of("title", "Philz"));
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS))
			.withRequestBody(equalToJson("{\"is_async\":true,\"limit\":5,\"input\":" + COFFEE_JSON + "}", false, false)));
		wireMock.verify(1, getRequestedFor(urlEqualTo(detail)));
		wireMock.verify(1, getRequestedFor(urlEqualTo(detail + "/result?offset=1&limit=5")));
	}

	@Test
	void runAndAwaitFailuresAfterTheStartCarryTheRun() {
		wireMock.stubFor(post(urlEqualTo(RUNS)).willReturn(json(200, ASYNC_REPLY)));
		wireMock.stubFor(get(anyUrl()).willReturn(envelope(404, 70001, "run record does not exist")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workers().runAndAwait("demo-worker", COFFEE, Duration.ofSeconds(5))
					.block(Duration.ofSeconds(10)))
				.satisfies((ex) -> assertThat(ex.getRunSlug()).isEqualTo(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ")));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(RUNS)));
	}

	@Test
	void queueRunPostsOnlyCallbackVersionAndInput() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, QUEUED_REPLY)));
		RunOptions options = RunOptions.builder()
			.version("v1.2.8")
			.callbackUrl(URI.create("https://app.example.com/cb"))
			.build();
		QueuedRun queued;
		try (CoreClawClient client = client()) {
			queued = client.workers().queueRun("demo-worker", COFFEE, options).block(Duration.ofSeconds(5));
		}
		assertThat(queued).isEqualTo(QueuedRun.builder("123456", QueueStatus.WAITING).queued(true).build());
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(QUEUED_RUNS)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withRequestBody(equalToJson("{\"version\":\"v1.2.8\",\"callback_url\":\"https://app.example.com/cb\",\"input\":"
					+ COFFEE_JSON + "}", false, false)));
	}

	@Test
	void queueRunWithDefaultsSendsTheConfiguredCallbackAndNoResultWindow() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, QUEUED_REPLY)));
		CoreClawClientSettings settings = settings(wireMock).withDefaultCallbackUrl(URI.create("https://app.example.com/d"))
			.withDefaultResultLimit(50);
		try (CoreClawClient client = CoreClawClient.builder(settings).build()) {
			client.workers().queueRun("demo-worker", null).block(Duration.ofSeconds(5));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(QUEUED_RUNS))
			.withRequestBody(equalToJson("{\"callback_url\":\"https://app.example.com/d\"}", false, false)));
	}

	@Test
	void queueRunReadsANumericQueueRefAndAnUnknownStatus() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200,
				"{\"code\":0,\"data\":{\"queue_ref\":987654,\"queue_status\":\"paused\",\"queued\":false}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workers().queueRun("demo-worker", COFFEE).block(Duration.ofSeconds(5)))
				.isEqualTo(QueuedRun.builder("987654", QueueStatus.UNKNOWN).build());
		}
	}

	@Test
	void queueReplyWithoutQueueRefIsAnError() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"request_id\":\"req-8\",\"data\":{\"queued\":true}}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workers().queueRun("demo-worker", COFFEE).block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered POST " + QUEUED_RUNS + " with HTTP 200, code 0 (request_id req-8) but "
						+ "without the expected data.queue_ref");
		}
	}

	@Test
	void queueRunIsNotRepeatedAfterAServerError() {
		stubSequence(wireMock, envelope(500, 10000, "internal server error"), json(200, QUEUED_REPLY));
		try (CoreClawClient client = retryingClient()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workers().queueRun("demo-worker", COFFEE).block(Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(500));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void queueRunIsRepeatedWhenRateLimited() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, QUEUED_REPLY));
		try (CoreClawClient client = retryingClient()) {
			assertThat(client.workers().queueRun("demo-worker", COFFEE).block(Duration.ofSeconds(5)).queueRef())
				.isEqualTo("123456");
		}
		wireMock.verify(2, postRequestedFor(urlEqualTo(QUEUED_RUNS)));
	}

	@Test
	void insertionOrderOfAMapInputIsKept() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put("b", 1);
		custom.put("a", 2);
		try (CoreClawClient client = client()) {
			client.workers().runAsync("demo-worker", WorkerInput.builder().custom(custom).build()).block(Duration.ofSeconds(5));
		}
		String body = wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(body).contains("\"input\":{\"parameters\":{\"custom\":{\"b\":1,\"a\":2}}}");
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock))
			.polling(CoreClawPollingSettings.defaults().withIntervals(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0))
			.build();
	}

	private static CoreClawClient retryingClient() {
		return CoreClawClient.builder(settings(wireMock)).retry(RetryFaultTests.FAST).build();
	}

}
