/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the task management operations of {@link WorkerTaskOperations} decode CoreClaw's replies,
 * in both documented shapes of the task list and detail (notes §8.6).
 */
class WorkerTaskManagementReplyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void listDecodesTheSmallDocumentedShape() {
		stub("""
				{"count":1,"list":[{"id":2001,"slug":"demo-task","title":"Demo Task","version":"latest",
				"worker_slug":"demo-worker"}],"page_index":1,"page_size":20}""");
		assertThat(list()).containsExactly(WorkerTask.builder("demo-task")
			.id(2001L)
			.title("Demo Task")
			.version("latest")
			.workerSlug("demo-worker")
			.build());
	}

	@Test
	void listDecodesTheProductionShapeWithLargeIdsAndUnknownFields() {
		stub("""
				{"count":1,"list":[{"slug":"01KZAZF168TD9P37RY3RBN6YJ0","worker_title":"Google Maps Scraper",
				"worker_slug":"google-maps-scraper","worker_path":"coreclaw~google-maps-scraper","version":"v1.2.8",
				"platform_actors_id":32708435341606912,"title":"Coffee","description":"Coffee shops",
				"input":{"parameters":{"custom":{"keyword":"coffee","max":50}}},"run_times":12,
				"last_run_id":1786001196232214890,"last_modified_at":1786001100,"schedule_enabled":1,
				"schedule_type":2,"created_at":1786000000,"updated_at":1786001100,"brand_new_field":{"x":[1]}}],
				"page_index":1,"page_size":100}""");
		assertThat(list()).containsExactly(WorkerTask.builder("01KZAZF168TD9P37RY3RBN6YJ0")
			.title("Coffee")
			.description("Coffee shops")
			.workerSlug("google-maps-scraper")
			.workerPath("coreclaw~google-maps-scraper")
			.workerTitle("Google Maps Scraper")
			.version("v1.2.8")
			.input(Map.of("parameters", Map.of("custom", Map.of("keyword", "coffee", "max", 50))))
			.runTimes(12)
			.scheduleEnabled(true)
			.createdAt(Instant.ofEpochSecond(1786000000))
			.updatedAt(Instant.ofEpochSecond(1786001100))
			.build());
	}

	@Test
	void getDecodesTheSmallDocumentedShapeWithItsSchedule() {
		stub("""
				{"description":"Daily demo task","id":2001,"schedule_enabled":1,"schedule_time":"09:30",
				"schedule_type":1,"slug":"demo-task","title":"Demo Task","version":"latest",
				"worker_path":"owner~demo-worker","worker_slug":"demo-worker"}""");
		assertThat(get("demo-task")).isEqualTo(WorkerTask.builder("demo-task")
			.id(2001L)
			.description("Daily demo task")
			.scheduleEnabled(true)
			.schedule(TaskSchedule.daily(LocalTime.of(9, 30)))
			.title("Demo Task")
			.version("latest")
			.workerPath("owner~demo-worker")
			.workerSlug("demo-worker")
			.build());
	}

	@Test
	void getDecodesTheProductionShapeWithLargeIds() {
		stub("""
				{"id":1786001196232214890,"slug":"01KZAZF168TD9P37RY3RBN6YJ0","worker_id":32708435341606912,
				"worker_title":"Google Maps Scraper","worker_slug":"google-maps-scraper",
				"worker_path":"coreclaw~google-maps-scraper","version":"v1.2.8","platform_actors_id":32708435341606912,
				"title":"Coffee","input":{"parameters":{"custom":{"keyword":"coffee"}}},"run_times":0,
				"last_run_id":0,"last_modified_at":0,"schedule_enabled":0,"schedule_type":0,"created_at":1786000000,
				"updated_at":0}""");
		assertThat(get("01KZAZF168TD9P37RY3RBN6YJ0")).isEqualTo(WorkerTask.builder("01KZAZF168TD9P37RY3RBN6YJ0")
			.id(1786001196232214890L)
			.workerTitle("Google Maps Scraper")
			.workerSlug("google-maps-scraper")
			.workerPath("coreclaw~google-maps-scraper")
			.version("v1.2.8")
			.title("Coffee")
			.input(Map.of("parameters", Map.of("custom", Map.of("keyword", "coffee"))))
			.scheduleEnabled(false)
			.schedule(TaskSchedule.disabled())
			.createdAt(Instant.ofEpochSecond(1786000000))
			.build());
	}

	@Test
	void getNamesTheRequestedTaskWhenTheReplyDoesNot() {
		stub("{\"title\":\"Demo Task\"}");
		WorkerTask task = get("demo-task");
		assertThat(task.slug()).isEqualTo("demo-task");
		assertThat(task.title()).isEqualTo("Demo Task");
		assertThat(task.input()).isNull();
		assertThat(task.runTimes()).isZero();
		assertThat(task.scheduleEnabled()).isFalse();
		assertThat(task.schedule()).isNull();
		assertThat(task.createdAt()).isNull();
	}

	@Test
	void decodedInputIsUnmodifiableAndToStringShowsItsKeysOnly() {
		stub("{\"slug\":\"t1\",\"input\":{\"login\":\"me\",\"password\":\"hunter2\"}}");
		WorkerTask task = get("t1");
		assertThat(task.input()).containsEntry("password", "hunter2");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> task.input().clear());
		assertThat(task.toString()).contains("input=[login, password]").doesNotContain("hunter2");
	}

	@Test
	void getWithoutDataFailsNamingWhatWasExpected() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"r9\"}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerTasks().get("t1").block(TIMEOUT))
				.withMessage("CoreClaw answered GET /api/v2/worker-tasks/t1 with HTTP 200, code 0 (request_id r9) "
						+ "but without the expected task detail");
		}
	}

	@Test
	void listWithATaskWithoutSlugFails() {
		stub("{\"count\":2,\"list\":[{\"slug\":\"t1\"},{\"title\":\"no slug\"}],\"page_index\":1}");
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerTasks().list().collectList().block(TIMEOUT))
				.withMessageContaining("but without the expected data.list with a slug on every task");
		}
	}

	@Test
	void listWithoutAListIsEmpty() {
		stub("{\"count\":0,\"page_index\":1,\"page_size\":100}");
		assertThat(list()).isEmpty();
	}

	@Test
	void createReturnsTheNewSlug() {
		stub("{\"slug\":\"01KZAZF168TD9P37RY3RBN6YJ0\"}");
		try (CoreClawClient client = client()) {
			assertThat(client.workerTasks().create(WorkerTaskDefinition.builder("w", "t", Map.of()).build()).block(TIMEOUT))
				.isEqualTo("01KZAZF168TD9P37RY3RBN6YJ0");
		}
	}

	@Test
	void createWithoutAUsableSlugFails() {
		for (String data : List.of("{}", "{\"slug\":\"\"}", "{\"slug\":\"a/b\"}")) {
			stub(data);
			try (CoreClawClient client = client()) {
				assertThatExceptionOfType(CoreClawApiException.class)
					.isThrownBy(() -> client.workerTasks()
						.create(WorkerTaskDefinition.builder("w", "t", Map.of()).build())
						.block(TIMEOUT))
					.withMessageEndingWith("but without the expected data.slug");
			}
		}
	}

	@Test
	void getInputDecodesInputAndVersion() {
		stub("{\"input\":{\"keyword\":\"coffee\",\"city\":null},\"version\":\"latest\"}");
		TaskInput input;
		try (CoreClawClient client = client()) {
			input = client.workerTasks().getInput("demo-task").block(TIMEOUT);
		}
		assertThat(input.input()).containsEntry("keyword", "coffee").containsEntry("city", null).hasSize(2);
		assertThat(input.version()).isEqualTo("latest");
		assertThat(input).hasToString("TaskInput[input=[keyword, city], version=latest]");
	}

	@Test
	void getInputWithoutVersionOrInput() {
		stub("{\"input\":{}}");
		try (CoreClawClient client = client()) {
			assertThat(client.workerTasks().getInput("t1").block(TIMEOUT)).isEqualTo(new TaskInput(Map.of(), null));
			stub("{\"version\":\"latest\"}");
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerTasks().getInput("t1").block(TIMEOUT))
				.withMessageEndingWith("but without the expected data.input");
		}
	}

	@Test
	void getInputThatIsNoObjectIsReportedAsMisshapen() {
		stub("{\"input\":\"keyword=coffee\",\"version\":\"latest\"}");
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerTasks().getInput("t1").block(TIMEOUT))
				.withMessageStartingWith("CoreClaw answered GET /api/v2/worker-tasks/t1/input with HTTP 200, code 0 "
						+ "(request_id req-1) but its data does not have the documented shape (data.input)");
		}
	}

	private static void stub(String data) {
		wireMock.stubFor(any(anyUrl()).willReturn(
				json(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\",\"data\":" + data + "}")));
	}

	private static List<WorkerTask> list() {
		try (CoreClawClient client = client()) {
			return client.workerTasks().list().collectList().block(TIMEOUT);
		}
	}

	private static WorkerTask get(String id) {
		try (CoreClawClient client = client()) {
			return client.workerTasks().get(id).block(TIMEOUT);
		}
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

}
