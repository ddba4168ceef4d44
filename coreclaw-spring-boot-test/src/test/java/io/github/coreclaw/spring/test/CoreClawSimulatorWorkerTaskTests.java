/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.TaskInput;
import io.github.coreclaw.spring.client.TaskQuery;
import io.github.coreclaw.spring.client.TaskSchedule;
import io.github.coreclaw.spring.client.WorkerTask;
import io.github.coreclaw.spring.client.WorkerTaskDefinition;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.client.WorkerTaskUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator keeps worker tasks in memory: the task operations of the real client list, read,
 * create, change and delete them, and the tasks created run.
 */
class CoreClawSimulatorWorkerTaskTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Map<String, Object> INPUT = Map.of("parameters",
			Map.of("custom", Map.of("keyword", "tea", "max_results", 10)));

	private static CoreClawSimulator simulator;

	private CoreClawClient client;

	private WorkerTaskOperations tasks;

	@BeforeAll
	static void startSimulator() {
		simulator = CoreClawSimulator.start();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void resetAndConnect() {
		simulator.reset();
		this.client = client(simulator.baseUrl());
		this.tasks = this.client.workerTasks();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void listsTheThreeKnownTasks() {
		List<WorkerTask> known = this.tasks.list().collectList().block(TIMEOUT);
		assertThat(known).extracting(WorkerTask::slug)
			.containsExactly(CoreClawSimulator.DEMO_TASK, CoreClawSimulator.RATE_LIMITED_TASK, CoreClawSimulator.BUSY_TASK);
		WorkerTask demo = known.get(0);
		assertThat(demo.title()).isEqualTo("Demo Task");
		assertThat(demo.workerSlug()).isEqualTo("demo-worker");
		assertThat(demo.workerPath()).isEqualTo("simulator~demo-worker");
		assertThat(demo.workerTitle()).isEqualTo("Demo Worker");
		assertThat(demo.scheduleEnabled()).isTrue();
		assertThat(demo.input()).containsKey("parameters");
		assertThat(known.get(1).scheduleEnabled()).isFalse();
		simulator.server().verify(1, anyRequestedFor(anyUrl()));
		simulator.server().verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-tasks?offset=1&limit=100")));
	}

	@Test
	void readsAKnownTaskAndItsInput() {
		WorkerTask demo = this.tasks.get(CoreClawSimulator.DEMO_TASK).block(TIMEOUT);
		assertThat(demo.slug()).isEqualTo(CoreClawSimulator.DEMO_TASK);
		assertThat(demo.id()).isEqualTo(2001L);
		assertThat(demo.schedule()).isEqualTo(TaskSchedule.daily(LocalTime.of(9, 30)));
		TaskInput input = this.tasks.getInput(CoreClawSimulator.DEMO_TASK).block(TIMEOUT);
		assertThat(input).isEqualTo(new TaskInput(
				Map.of("parameters", Map.of("custom", Map.of("keyword", "coffee", "max_results", 5))), "latest"));
	}

	@Test
	void createReadUpdateAndDeleteATask() {
		WorkerTaskDefinition definition = WorkerTaskDefinition.builder("coreclaw~google-maps-scraper", "Tea rooms", INPUT)
			.description("Tea rooms in Oakland")
			.version("v1.2.8")
			.schedule(TaskSchedule.weekly(DayOfWeek.SUNDAY, LocalTime.of(7, 5)))
			.build();
		String slug = this.tasks.create(definition).block(TIMEOUT);
		assertThat(slug).startsWith("01SIMTASK").hasSize(26);

		WorkerTask created = this.tasks.get(slug).block(TIMEOUT);
		assertThat(created.title()).isEqualTo("Tea rooms");
		assertThat(created.description()).isEqualTo("Tea rooms in Oakland");
		assertThat(created.version()).isEqualTo("v1.2.8");
		assertThat(created.workerSlug()).isEqualTo("google-maps-scraper");
		assertThat(created.workerPath()).isEqualTo("coreclaw~google-maps-scraper");
		assertThat(created.workerTitle()).isEqualTo("Google Maps Scraper");
		assertThat(created.input()).isEqualTo(INPUT);
		assertThat(created.schedule()).isEqualTo(TaskSchedule.weekly(DayOfWeek.SUNDAY, LocalTime.of(7, 5)));
		assertThat(created.createdAt()).isNotNull();

		this.tasks.update(slug, WorkerTaskUpdate.builder()
			.title("Tea rooms, monthly")
			.schedule(TaskSchedule.monthly(15, LocalTime.of(6, 0)))
			.build()).block(TIMEOUT);
		WorkerTask updated = this.tasks.get(slug).block(TIMEOUT);
		assertThat(updated.title()).isEqualTo("Tea rooms, monthly");
		assertThat(updated.description()).isEqualTo("Tea rooms in Oakland");
		assertThat(updated.schedule()).isEqualTo(TaskSchedule.monthly(15, LocalTime.of(6, 0)));

		this.tasks.update(slug, WorkerTaskUpdate.builder().schedule(TaskSchedule.disabled()).build()).block(TIMEOUT);
		assertThat(this.tasks.get(slug).block(TIMEOUT).scheduleEnabled()).isFalse();

		Map<String, Object> newInput = Map.of("parameters", Map.of("custom", Map.of("keyword", "matcha")));
		this.tasks.updateInput(slug, newInput).block(TIMEOUT);
		assertThat(this.tasks.getInput(slug).block(TIMEOUT)).isEqualTo(new TaskInput(newInput, "v1.2.8"));
		this.tasks.updateInput(slug, INPUT, "v2.0.0").block(TIMEOUT);
		assertThat(this.tasks.getInput(slug).block(TIMEOUT)).isEqualTo(new TaskInput(INPUT, "v2.0.0"));

		this.tasks.delete(slug).block(TIMEOUT);
		assertThatExceptionOfType(CoreClawNotFoundException.class).isThrownBy(() -> this.tasks.get(slug).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(60001));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.delete(slug).block(TIMEOUT));
		assertThat(this.tasks.list().map(WorkerTask::slug).collectList().block(TIMEOUT)).doesNotContain(slug);
	}

	@Test
	void everyScheduleKindIsKept() {
		List<TaskSchedule> schedules = List.of(TaskSchedule.daily(LocalTime.of(23, 59)),
				TaskSchedule.weekly(DayOfWeek.MONDAY, LocalTime.NOON), TaskSchedule.monthly(31, LocalTime.MIDNIGHT),
				TaskSchedule.once(LocalDate.of(2026, 12, 24), LocalTime.of(18, 30)), TaskSchedule.disabled());
		for (TaskSchedule schedule : schedules) {
			String slug = this.tasks.create(WorkerTaskDefinition.builder("demo-worker", "T", INPUT).schedule(schedule).build())
				.block(TIMEOUT);
			assertThat(this.tasks.get(slug).block(TIMEOUT).schedule()).as(schedule.toString()).isEqualTo(schedule);
		}
	}

	@Test
	void unknownTasksAreNotFound() {
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.get("no-such-task").block(TIMEOUT));
		assertThatExceptionOfType(CoreClawNotFoundException.class).isThrownBy(
				() -> this.tasks.update("no-such-task", WorkerTaskUpdate.builder().title("T").build()).block(TIMEOUT));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.delete("no-such-task").block(TIMEOUT));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.getInput("no-such-task").block(TIMEOUT));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.updateInput("no-such-task", INPUT).block(TIMEOUT));
	}

	@Test
	void listFiltersByWorkerAndKeywordAndReadsEveryPage() {
		Flux.range(1, 205)
			.concatMap((n) -> this.tasks.create(WorkerTaskDefinition.builder("coreclaw~tea-finder", "Tea " + n, INPUT).build()))
			.blockLast(Duration.ofSeconds(60));
		simulator.reset();
		// reset() puts the known tasks back and drops the ones created.
		assertThat(this.tasks.list().count().block(TIMEOUT)).isEqualTo(3);
		Flux.range(1, 205)
			.concatMap((n) -> this.tasks.create(WorkerTaskDefinition.builder("coreclaw~tea-finder", "Tea " + n, INPUT).build()))
			.blockLast(Duration.ofSeconds(60));
		simulator.server().resetRequests();

		assertThat(this.tasks.list().count().block(TIMEOUT)).isEqualTo(208);
		for (int page = 1; page <= 3; page++) {
			simulator.server().verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-tasks?offset=" + page + "&limit=100")));
		}
		TaskQuery byWorker = TaskQuery.builder().workerId("coreclaw~tea-finder").build();
		assertThat(this.tasks.list(byWorker).count().block(TIMEOUT)).isEqualTo(205);
		TaskQuery bySlug = TaskQuery.builder().workerId("tea-finder").keyword("tea 20").build();
		assertThat(this.tasks.list(bySlug).map(WorkerTask::title).collectList().block(TIMEOUT))
			.containsExactly("Tea 20", "Tea 200", "Tea 201", "Tea 202", "Tea 203", "Tea 204", "Tea 205");
		TaskQuery busy = TaskQuery.builder().keyword("BUSY").build();
		assertThat(this.tasks.list(busy).map(WorkerTask::slug).collectList().block(TIMEOUT))
			.containsExactly(CoreClawSimulator.BUSY_TASK);
	}

	@Test
	void listKeywordMatchesTheSlugAsWellAsTheTitleIgnoringCase() {
		String created = this.tasks.create(WorkerTaskDefinition.builder("coreclaw~tea-finder", "Matcha", INPUT).build())
			.block(TIMEOUT);
		simulator.server().resetRequests();
		// No title holds "-task" nor the created task's slug: only the slugs can match.
		TaskQuery hyphenated = TaskQuery.builder().keyword("-task").build();
		assertThat(this.tasks.list(hyphenated).map(WorkerTask::slug).collectList().block(TIMEOUT))
			.containsExactly(CoreClawSimulator.DEMO_TASK, CoreClawSimulator.RATE_LIMITED_TASK, CoreClawSimulator.BUSY_TASK);
		TaskQuery upperCase = TaskQuery.builder().keyword("LIMITED-TASK").build();
		assertThat(this.tasks.list(upperCase).map(WorkerTask::slug).collectList().block(TIMEOUT))
			.containsExactly(CoreClawSimulator.RATE_LIMITED_TASK);
		TaskQuery bySlug = TaskQuery.builder().keyword(created.toLowerCase(Locale.ROOT)).build();
		assertThat(this.tasks.list(bySlug).map(WorkerTask::title).collectList().block(TIMEOUT)).containsExactly("Matcha");
		simulator.server().verify(3, anyRequestedFor(anyUrl()));
		simulator.server().verify(1,
				getRequestedFor(urlEqualTo("/api/v2/worker-tasks?offset=1&limit=100&keyword=-task")));
	}

	@Test
	void tasksCreatedRunAndTheKnownTasksStillDo() {
		String slug = this.tasks.create(WorkerTaskDefinition.builder("demo-worker", "Runnable", INPUT).build())
			.block(TIMEOUT);
		RunSlug run = this.tasks.runAsync(slug).block(TIMEOUT);
		assertThat(run.value()).startsWith("01SIM").hasSize(26);
		SyncRunResult result = this.tasks.runSync(slug, RunOptions.builder().limit(2).build()).block(TIMEOUT);
		assertThat(result.finished()).isTrue();
		assertThat(result.total()).isEqualTo(5);
		assertThat(result.rows()).hasSize(2);
		assertThat(this.tasks.get(slug).block(TIMEOUT).runTimes()).isEqualTo(2);
		assertThat(this.tasks.runAsync(CoreClawSimulator.DEMO_TASK).block(TIMEOUT)).isNotNull();

		this.tasks.delete(slug).block(TIMEOUT);
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.runAsync(slug).block(TIMEOUT));
	}

	@Test
	void resetPutsTheKnownTasksBack() {
		this.tasks.delete(CoreClawSimulator.DEMO_TASK).block(TIMEOUT);
		this.tasks.update(CoreClawSimulator.BUSY_TASK, WorkerTaskUpdate.builder().title("Renamed").build()).block(TIMEOUT);
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.tasks.get(CoreClawSimulator.DEMO_TASK).block(TIMEOUT));
		simulator.reset();
		assertThat(this.tasks.get(CoreClawSimulator.DEMO_TASK).block(TIMEOUT).title()).isEqualTo("Demo Task");
		assertThat(this.tasks.get(CoreClawSimulator.BUSY_TASK).block(TIMEOUT).title()).isEqualTo("Busy Task");
	}

	@Test
	void deletingEveryTaskLeavesNone() {
		for (String slug : List.of(CoreClawSimulator.DEMO_TASK, CoreClawSimulator.RATE_LIMITED_TASK,
				CoreClawSimulator.BUSY_TASK)) {
			this.tasks.delete(slug).block(TIMEOUT);
		}
		assertThat(this.tasks.list().collectList().block(TIMEOUT)).isEmpty();
		assertThat(this.tasks.list().collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void requestsThatBreakTheContractAreRefusedWithDetails() throws Exception {
		HttpResponse<String> noTitle = send("POST", "/api/v2/worker-tasks",
				"{\"worker_id\":\"demo-worker\",\"input\":[],\"colour\":\"red\",\"schedule_enabled\":1,\"schedule_type\":2,"
						+ "\"schedule_time\":\"9:30\"}");
		assertThat(noTitle.statusCode()).isEqualTo(422);
		assertThat(noTitle.body()).contains("\"code\":11000", "\"message\":\"invalid argument\"",
				"\"details\":[\"unknown field colour\",\"title is required and must be a non-empty string\","
						+ "\"input is required and must be an object\",\"schedule_time must be HH:mm\"]");
		HttpResponse<String> weeklyWithoutDay = send("PUT", "/api/v2/worker-tasks/demo-task",
				"{\"schedule_type\":2,\"schedule_time\":\"09:30\"}");
		assertThat(weeklyWithoutDay.statusCode()).isEqualTo(422);
		assertThat(weeklyWithoutDay.body()).contains("\"details\":[\"schedule_weekday is required by schedule_type 2\"]");
		HttpResponse<String> badLimit = send("GET", "/api/v2/worker-tasks?limit=101", null);
		assertThat(badLimit.statusCode()).isEqualTo(422);
		assertThat(badLimit.body()).contains("\"details\":[\"limit must be an integer from 1 to 100\"]");
		HttpResponse<String> inputWithExtra = send("PUT", "/api/v2/worker-tasks/demo-task/input",
				"{\"input\":{},\"title\":\"x\"}");
		assertThat(inputWithExtra.body()).contains("\"details\":[\"unknown field title\"]");
		HttpResponse<String> noKey = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/v2/worker-tasks")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(noKey.statusCode()).isEqualTo(401);
		assertThat(this.tasks.get(CoreClawSimulator.DEMO_TASK).block(TIMEOUT).schedule())
			.isEqualTo(TaskSchedule.daily(LocalTime.of(9, 30)));
	}

	@Test
	void theMappingsAloneAnswerStaticallyAsAContainerDoes() {
		WireMockServer mappingsOnly = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.usingFilesUnderClasspath(CoreClawSimulator.MAPPINGS_ROOT));
		mappingsOnly.start();
		try (CoreClawClient staticClient = client(URI.create("http://127.0.0.1:" + mappingsOnly.port()))) {
			WorkerTaskOperations staticTasks = staticClient.workerTasks();
			assertThat(staticTasks.list().map(WorkerTask::slug).collectList().block(TIMEOUT)).containsExactly(
					CoreClawSimulator.DEMO_TASK, CoreClawSimulator.RATE_LIMITED_TASK, CoreClawSimulator.BUSY_TASK);
			assertThat(staticTasks.get(CoreClawSimulator.BUSY_TASK).block(TIMEOUT).slug())
				.isEqualTo(CoreClawSimulator.BUSY_TASK);
			assertThat(staticTasks.create(WorkerTaskDefinition.builder("demo-worker", "T", INPUT).build()).block(TIMEOUT))
				.startsWith("01SIMTASK")
				.hasSize(26);
			staticTasks.update(CoreClawSimulator.DEMO_TASK, WorkerTaskUpdate.builder().title("T").build()).block(TIMEOUT);
			staticTasks.updateInput(CoreClawSimulator.DEMO_TASK, INPUT).block(TIMEOUT);
			assertThat(staticTasks.getInput(CoreClawSimulator.DEMO_TASK).block(TIMEOUT).version()).isEqualTo("latest");
			staticTasks.delete(CoreClawSimulator.DEMO_TASK).block(TIMEOUT);
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> staticTasks.get("created-elsewhere").block(TIMEOUT));
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> staticTasks.runAsync("created-elsewhere").block(TIMEOUT));
			assertThat(staticTasks.runAsync(CoreClawSimulator.DEMO_TASK).block(TIMEOUT)).isNotNull();
		}
		finally {
			mappingsOnly.stop();
		}
	}

	private static HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static CoreClawClient client(URI baseUrl) {
		return CoreClawClient.builder(CoreClawClientSettings.of(CoreClawSimulator.API_KEY).withBaseUrl(baseUrl)).build();
	}

}
