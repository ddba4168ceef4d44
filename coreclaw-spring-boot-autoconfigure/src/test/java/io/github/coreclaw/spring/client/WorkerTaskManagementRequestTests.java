/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests the task management operations of {@link WorkerTaskOperations} send: method,
 * path, query, headers and a body holding exactly the fields of the OpenAPI schema that are set.
 */
class WorkerTaskManagementRequestTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String OK = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\"}";

	private static final String CREATED = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\","
			+ "\"data\":{\"slug\":\"01KZAZF168TD9P37RY3RBN6YJ0\"}}";

	private static final String EMPTY_PAGE = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\","
			+ "\"data\":{\"count\":0,\"list\":[],\"page_index\":1,\"page_size\":100}}";

	private static final Map<String, Object> INPUT = Map.of("parameters",
			Map.of("custom", Map.of("keyword", "coffee", "max_results", 50)));

	private static final String INPUT_JSON = "{\"parameters\":{\"custom\":{\"keyword\":\"coffee\",\"max_results\":50}}}";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void listAsksForTheFirstPageOfAHundredWithOnlyTheFiltersThatAreSet() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, EMPTY_PAGE)));
		try (CoreClawClient client = client()) {
			assertThat(client.workerTasks().list().collectList().block(TIMEOUT)).isEmpty();
			TaskQuery byWorker = TaskQuery.builder().workerId("coreclaw~google-maps-scraper").build();
			client.workerTasks().list(byWorker).collectList().block(TIMEOUT);
			TaskQuery both = TaskQuery.builder().workerId("demo-worker").keyword("daily").build();
			client.workerTasks().list(both).collectList().block(TIMEOUT);
		}
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-tasks?offset=1&limit=100"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Type", absent())
			.withRequestBody(absent()));
		wireMock.verify(1, getRequestedFor(
				urlEqualTo("/api/v2/worker-tasks?offset=1&limit=100&worker_id=coreclaw~google-maps-scraper")));
		wireMock.verify(1,
				getRequestedFor(urlEqualTo("/api/v2/worker-tasks?offset=1&limit=100&worker_id=demo-worker&keyword=daily")));
	}

	@Test
	void listPercentEncodesTheKeyword() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, EMPTY_PAGE)));
		try (CoreClawClient client = client()) {
			client.workerTasks().list(TaskQuery.builder().keyword("café & tea+1/2?#").build()).collectList().block(TIMEOUT);
		}
		wireMock.verify(1, getRequestedFor(urlEqualTo(
				"/api/v2/worker-tasks?offset=1&limit=100&keyword=caf%C3%A9%20%26%20tea%2B1%2F2%3F%23")));
	}

	@Test
	void getReadsTheTaskByItsSlug() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"demo-task\"}}")));
		try (CoreClawClient client = client()) {
			client.workerTasks().get("demo-task").block(TIMEOUT);
			client.workerTasks().get("01KZ_owner~task.v2-x").block(TIMEOUT);
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withRequestBody(absent()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-tasks/01KZ_owner~task.v2-x")));
	}

	@Test
	void createPostsTheRequiredFieldsOnly() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, CREATED)));
		String slug;
		try (CoreClawClient client = client()) {
			slug = client.workerTasks()
				.create(WorkerTaskDefinition.builder("demo-worker", "Coffee shops", INPUT).build())
				.block(TIMEOUT);
		}
		assertThat(slug).isEqualTo("01KZAZF168TD9P37RY3RBN6YJ0");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson(
					"{\"worker_id\":\"demo-worker\",\"title\":\"Coffee shops\",\"input\":" + INPUT_JSON + "}", true,
					false)));
	}

	@Test
	void createPostsEveryFieldThatIsSet() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, CREATED)));
		WorkerTaskDefinition definition = WorkerTaskDefinition.builder("coreclaw~google-maps-scraper", "Coffee", INPUT)
			.description("Coffee shops in Oakland")
			.version("v1.2.8")
			.schedule(TaskSchedule.weekly(DayOfWeek.SUNDAY, LocalTime.of(7, 5)))
			.build();
		try (CoreClawClient client = client()) {
			client.workerTasks().create(definition).block(TIMEOUT);
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks")).withRequestBody(equalToJson("""
				{"worker_id":"coreclaw~google-maps-scraper","title":"Coffee","input":%s,
				"description":"Coffee shops in Oakland","version":"v1.2.8","schedule_enabled":1,"schedule_type":2,
				"schedule_time":"07:05","schedule_weekday":7}""".formatted(INPUT_JSON), true, false)));
	}

	record Custom(String searchKeyword, int maxResults) {
	}

	record Parameters(Custom custom) {
	}

	record Input(Parameters parameters) {
	}

	@Test
	void inputIsWrittenByTheApplicationsMapper() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, CREATED)));
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		Input input = new Input(new Parameters(new Custom("coffee", 50)));
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).rowMapper(snakeCase).build()) {
			client.workerTasks().create(WorkerTaskDefinition.builder("demo-worker", "Coffee", input).build()).block(TIMEOUT);
			client.workerTasks().updateInput("demo-task", input).block(TIMEOUT);
		}
		String written = "{\"parameters\":{\"custom\":{\"search_keyword\":\"coffee\",\"max_results\":50}}}";
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks")).withRequestBody(equalToJson(
				"{\"worker_id\":\"demo-worker\",\"title\":\"Coffee\",\"input\":" + written + "}", true, false)));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/input"))
			.withRequestBody(equalToJson("{\"input\":" + written + "}", true, false)));
	}

	@Test
	void inputMayBeAJsonNodeAndKeepsNullValues() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, OK)));
		ObjectNode input = JsonNodeFactory.instance.objectNode();
		input.putObject("parameters").putObject("custom").put("keyword", "coffee").putNull("city");
		Map<String, Object> withNull = new LinkedHashMap<>();
		withNull.put("keyword", null);
		try (CoreClawClient client = client()) {
			client.workerTasks().updateInput("demo-task", input).block(TIMEOUT);
			client.workerTasks().updateInput("busy-task", withNull).block(TIMEOUT);
		}
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/input")).withRequestBody(
				equalToJson("{\"input\":{\"parameters\":{\"custom\":{\"keyword\":\"coffee\",\"city\":null}}}}", true, false)));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/busy-task/input"))
			.withRequestBody(equalToJson("{\"input\":{\"keyword\":null}}", true, false)));
	}

	@Test
	void updatePutsOnlyWhatIsSet() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, OK)));
		try (CoreClawClient client = client()) {
			client.workerTasks().update("demo-task", WorkerTaskUpdate.builder().title("Renamed").build()).block(TIMEOUT);
			client.workerTasks().update("t2", WorkerTaskUpdate.builder().description("").build()).block(TIMEOUT);
			client.workerTasks()
				.update("t3", WorkerTaskUpdate.builder()
					.title("All")
					.description("Everything")
					.schedule(TaskSchedule.daily(LocalTime.of(9, 30)))
					.build())
				.block(TIMEOUT);
		}
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"title\":\"Renamed\"}", true, false)));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/t2"))
			.withRequestBody(equalToJson("{\"description\":\"\"}", true, false)));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/t3")).withRequestBody(equalToJson(
				"{\"title\":\"All\",\"description\":\"Everything\",\"schedule_enabled\":1,\"schedule_type\":1,"
						+ "\"schedule_time\":\"09:30\"}",
				true, false)));
	}

	@Test
	void updateAcceptsAReplyWithEmptyData() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"data\":{}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workerTasks()
				.update("demo-task", WorkerTaskUpdate.builder().title("T").build())
				.thenReturn("done")
				.block(TIMEOUT)).isEqualTo("done");
		}
	}

	@Test
	void deleteSendsNoBody() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, OK)));
		try (CoreClawClient client = client()) {
			assertThat(client.workerTasks().delete("demo-task").thenReturn("deleted").block(TIMEOUT)).isEqualTo("deleted");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", absent())
			.withRequestBody(absent()));
	}

	@Test
	void getInputReadsTheInputPath() {
		wireMock.stubFor(any(anyUrl()).willReturn(
				json(200, "{\"code\":0,\"data\":{\"input\":{\"keyword\":\"coffee\"},\"version\":\"latest\"}}")));
		try (CoreClawClient client = client()) {
			client.workerTasks().getInput("demo-task").block(TIMEOUT);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/input"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withRequestBody(absent()));
	}

	@Test
	void updateInputPutsTheInputAndTheVersionOnlyWhenGiven() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, OK)));
		try (CoreClawClient client = client()) {
			client.workerTasks().updateInput("demo-task", INPUT).block(TIMEOUT);
			client.workerTasks().updateInput("t2", INPUT, "v1.2.8").block(TIMEOUT);
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/input"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"input\":" + INPUT_JSON + "}", true, false)));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/t2/input"))
			.withRequestBody(equalToJson("{\"input\":" + INPUT_JSON + ",\"version\":\"v1.2.8\"}", true, false)));
	}

	@Test
	void otherAuthSchemesApplyToo() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, OK)));
		CoreClawClientSettings queryToken = settings(wireMock).withAuthScheme(AuthScheme.QUERY_TOKEN);
		CoreClawClientSettings header = settings(wireMock).withAuthScheme(AuthScheme.API_KEY_HEADER);
		try (CoreClawClient tokenClient = CoreClawClient.builder(queryToken).build();
				CoreClawClient headerClient = CoreClawClient.builder(header).build()) {
			tokenClient.workerTasks().delete("t1").block(TIMEOUT);
			headerClient.workerTasks().delete("t2").block(TIMEOUT);
		}
		wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1?token=" + API_KEY))
			.withHeader("Authorization", absent())
			.withHeader("api-key", absent()));
		wireMock.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/worker-tasks/t2"))
			.withHeader("api-key", equalTo(API_KEY))
			.withHeader("Authorization", absent()));
	}

	@Test
	void nothingIsSentBeforeSubscriptionAndEachSubscriptionSendsOneRequest() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, CREATED)));
		try (CoreClawClient client = client()) {
			WorkerTaskOperations tasks = client.workerTasks();
			List<Mono<?>> calls = List.of(tasks.get("t1"), tasks.getInput("t1"), tasks.delete("t1"),
					tasks.update("t1", WorkerTaskUpdate.builder().title("T").build()), tasks.updateInput("t1", INPUT),
					tasks.create(WorkerTaskDefinition.builder("w1", "T", INPUT).build()), tasks.list().collectList());
			wireMock.verify(0, anyRequestedFor(anyUrl()));
			Mono<?> create = calls.get(5);
			create.block(TIMEOUT);
			create.block(TIMEOUT);
			wireMock.verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks")));
			wireMock.verify(2, anyRequestedFor(anyUrl()));
		}
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

}
