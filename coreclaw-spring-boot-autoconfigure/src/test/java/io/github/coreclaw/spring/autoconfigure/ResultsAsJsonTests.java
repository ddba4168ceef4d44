/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.client.Account;
import io.github.coreclaw.spring.client.CompletedRun;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.ProxyRegion;
import io.github.coreclaw.spring.client.QueueItem;
import io.github.coreclaw.spring.client.QueueItemResult;
import io.github.coreclaw.spring.client.QueueStatus;
import io.github.coreclaw.spring.client.QueuedRun;
import io.github.coreclaw.spring.client.ResultHeader;
import io.github.coreclaw.spring.client.ResultPage;
import io.github.coreclaw.spring.client.RunLog;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.TaskInput;
import io.github.coreclaw.spring.client.TaskSchedule;
import io.github.coreclaw.spring.client.Worker;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.WorkerSummary;
import io.github.coreclaw.spring.client.WorkerTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public result type written by the application's {@link JsonMapper} as Spring Boot
 * configures it: camelCase properties, ISO-8601 instants, a run slug as its text, rows and maps
 * as they are; on its own, and returned from a Spring MVC and a WebFlux controller.
 */
class ResultsAsJsonTests {

	private static final String RUN = "01KKDXV2G26BT7NH4ZQR2R4NPZ";

	private static final RunSlug SLUG = RunSlug.of(RUN);

	private static final Instant STARTED = Instant.parse("2026-06-22T01:20:00Z");

	private static final Instant FINISHED = Instant.parse("2026-06-22T01:20:10Z");

	private static final AutoConfigurations CLIENT = AutoConfigurations.of(CoreClawAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
			JacksonAutoConfiguration.class);

	/** The run detail as CoreClaw sends it, and the WorkerRun it becomes, written as JSON. */
	private static final String RUN_DETAIL = """
			{"code":0,"message":"success","data":{"duration":10,"err_msg":"","finished_at":1782091210,
			"origin":"openapi","results":2,"scraper_slug":"demo-worker","scraper_title":"Demo Worker",
			"slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","started_at":1782091200,"status":"succeeded","usage":"1.25",
			"version":"latest"}}""";

	private static final String RUN_JSON = oneLine("""
			{"runSlug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","status":"SUCCEEDED","workerSlug":"demo-worker",
			"workerTitle":"Demo Worker","version":"latest","resultCount":2,"usage":1.25,
			"startedAt":"2026-06-22T01:20:00Z","finishedAt":"2026-06-22T01:20:10Z","duration":"PT10S",
			"errorMessage":null,"origin":"openapi"}""");

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	/** The JsonMapper bean of an application with Boot's Jackson auto-configuration and no settings. */
	private static JsonMapper bootMapper;

	@BeforeAll
	static void takeBootsJsonMapper() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> bootMapper = context.getBean(JsonMapper.class));
	}

	@Test
	void workerRun() {
		assertJson(WorkerRun.builder(SLUG, RunStatus.SUCCEEDED)
			.workerSlug("demo-worker")
			.workerTitle("Demo Worker")
			.version("latest")
			.resultCount(2)
			.usage(new BigDecimal("1.25"))
			.startedAt(STARTED)
			.finishedAt(FINISHED)
			.duration(Duration.ofSeconds(10))
			.origin("openapi")
			.build(), RUN_JSON);
	}

	@Test
	void runSlugIsItsTextAndIsReadBackFromIt() {
		assertJson(SLUG, "\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"");
		assertThat(bootMapper.readValue("\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"", RunSlug.class)).isEqualTo(SLUG);
	}

	@Test
	void syncRunResultWithItsRowsAsTheyAre() {
		assertJson(SyncRunResult.builder(SLUG, RunStatus.SUCCEEDED)
			.resultMessage("done")
			.startedAt(STARTED)
			.finishedAt(FINISHED)
			.runningDuration(Duration.ofSeconds(7))
			.total(42)
			.headers(List.of(new ResultHeader("title", "Title"), new ResultHeader("rank", "rank")))
			.rows(List.of(row("title", "Alpha", "rank", 1, "tags", List.of("a", "b"), "note", null)))
			.reportedFinished(true)
			.rowMapper(bootMapper)
			.build(), """
					{"runSlug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","status":"SUCCEEDED","errorMessage":null,
					"resultMessage":"done","startedAt":"2026-06-22T01:20:00Z","finishedAt":"2026-06-22T01:20:10Z",
					"runningDuration":"PT7S","total":42,
					"headers":[{"key":"title","label":"Title"},{"key":"rank","label":"rank"}],
					"rows":[{"title":"Alpha","rank":1,"tags":["a","b"],"note":null}],"reportedFinished":true}""");
	}

	@Test
	void resultPageWithoutWhatFollowsFromIt() {
		assertJson(page(), """
				{"page":2,"pageSize":1,"total":3,"headers":[{"key":"title","label":"Title"}],
				"rows":[{"title":"Beta","rank":2}]}""");
	}

	@Test
	void completedRunIsTheRunAndItsFirstPage() {
		assertJson(CompletedRun.of(WorkerRun.builder(SLUG, RunStatus.FAILED).errorMessage("blocked").build(), page()),
				"""
						{"run":{"runSlug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","status":"FAILED","workerSlug":null,
						"workerTitle":null,"version":null,"resultCount":0,"usage":null,"startedAt":null,
						"finishedAt":null,"duration":null,"errorMessage":"blocked","origin":null},
						"firstPage":{"page":2,"pageSize":1,"total":3,"headers":[{"key":"title","label":"Title"}],
						"rows":[{"title":"Beta","rank":2}]}}""");
	}

	@Test
	void workerTaskWithItsInputAndSchedule() {
		assertJson(WorkerTask.builder("demo-task")
			.title("Coffee shops")
			.workerSlug("demo-worker")
			.workerPath("coreclaw~demo-worker")
			.workerTitle("Demo Worker")
			.version("v1.2.8")
			.input(row("parameters", row("custom", row("query", "coffee"))))
			.runTimes(3)
			.scheduleEnabled(true)
			.schedule(TaskSchedule.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 30)))
			.id(42L)
			.createdAt(STARTED)
			.updatedAt(FINISHED)
			.build(), """
					{"slug":"demo-task","title":"Coffee shops","description":null,"workerSlug":"demo-worker",
					"workerPath":"coreclaw~demo-worker","workerTitle":"Demo Worker","version":"v1.2.8",
					"input":{"parameters":{"custom":{"query":"coffee"}}},"runTimes":3,"scheduleEnabled":true,
					"schedule":{"kind":"WEEKLY","time":"09:30:00","dayOfWeek":"MONDAY","dayOfMonth":null,"date":null},
					"id":42,"createdAt":"2026-06-22T01:20:00Z","updatedAt":"2026-06-22T01:20:10Z"}""");
	}

	@Test
	void taskScheduleOfEveryKind() {
		assertJson(TaskSchedule.daily(LocalTime.of(6, 0)),
				"{\"kind\":\"DAILY\",\"time\":\"06:00:00\",\"dayOfWeek\":null,\"dayOfMonth\":null,\"date\":null}");
		assertJson(TaskSchedule.monthly(31, LocalTime.of(23, 59)),
				"{\"kind\":\"MONTHLY\",\"time\":\"23:59:00\",\"dayOfWeek\":null,\"dayOfMonth\":31,\"date\":null}");
		assertJson(TaskSchedule.once(LocalDate.of(2026, 12, 24), LocalTime.of(18, 0)),
				"{\"kind\":\"ONCE\",\"time\":\"18:00:00\",\"dayOfWeek\":null,\"dayOfMonth\":null,\"date\":\"2026-12-24\"}");
		assertJson(TaskSchedule.disabled(),
				"{\"kind\":\"DISABLED\",\"time\":null,\"dayOfWeek\":null,\"dayOfMonth\":null,\"date\":null}");
	}

	@Test
	void taskInput() {
		assertJson(new TaskInput(row("parameters", row("custom", row("query", "coffee", "limit", 10))), "v1.2.8"),
				"{\"input\":{\"parameters\":{\"custom\":{\"query\":\"coffee\",\"limit\":10}}},\"version\":\"v1.2.8\"}");
	}

	@Test
	void worker() {
		assertJson(Worker.builder()
			.name("demo-worker")
			.username("coreclaw")
			.version("v1.2.8")
			.readme("# Demo")
			.parameters(row("custom", List.of(row("name", "query", "type", "string"))))
			.build(), """
					{"name":"demo-worker","username":"coreclaw","version":"v1.2.8","readme":"# Demo",
					"parameters":{"custom":[{"name":"query","type":"string"}]}}""");
	}

	@Test
	void workerSummary() {
		assertJson(WorkerSummary.builder()
			.slug("demo-worker")
			.name("demo-worker")
			.path("coreclaw~demo-worker")
			.title("Demo Worker")
			.username("coreclaw")
			.description("Finds places")
			.build(), """
					{"slug":"demo-worker","name":"demo-worker","path":"coreclaw~demo-worker","title":"Demo Worker",
					"username":"coreclaw","description":"Finds places"}""");
	}

	@Test
	void account() {
		assertJson(Account.builder(new BigDecimal("12.50")).balanceExpiresAt(FINISHED).build(),
				"{\"balance\":12.50,\"balanceExpiresAt\":\"2026-06-22T01:20:10Z\"}");
	}

	@Test
	void queueItemWithCoreClawsOtherFieldsAsTheyAre() {
		assertJson(QueueItem.builder("123456", QueueStatus.WAITING)
			.attributes(row("worker_slug", "demo-worker", "created_at", 1786001200))
			.build(), """
					{"queueRef":"123456","status":"WAITING",
					"attributes":{"worker_slug":"demo-worker","created_at":1786001200}}""");
	}

	@Test
	void queueItemResult() {
		assertJson(new QueueItemResult("123456", false, "not waiting"),
				"{\"queueRef\":\"123456\",\"success\":false,\"error\":\"not waiting\",\"reported\":true}");
	}

	@Test
	void queuedRun() {
		assertJson(QueuedRun.builder("123456", QueueStatus.WAITING).queued(true).build(),
				"{\"queueRef\":\"123456\",\"status\":\"WAITING\",\"queued\":true}");
	}

	@Test
	void runLog() {
		assertJson(new RunLog(URI.create("https://logs.example.com/runs/1.log"),
				List.of(new RunLog.Entry(2, "main", "started", STARTED), new RunLog.Entry(null, null, "done", null)),
				2), """
						{"allLogsUrl":"https://logs.example.com/runs/1.log","entries":[
						{"type":2,"group":"main","content":"started","timestamp":"2026-06-22T01:20:00Z"},
						{"type":null,"group":null,"content":"done","timestamp":null}],"resultCount":2}""");
	}

	@Test
	void proxyRegion() {
		assertJson(new ProxyRegion("US", "United States"), "{\"code\":\"US\",\"name\":\"United States\"}");
	}

	@Test
	void springMvcControllerReturnsTheRunsFields() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/worker-runs/" + RUN)).willReturn(json(200, RUN_DETAIL)));
		new WebApplicationContextRunner().withConfiguration(CLIENT)
			.withConfiguration(AutoConfigurations.of(HttpMessageConvertersAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withPropertyValues("coreclaw.api-key=ck-test-key-for-json", "coreclaw.base-url=" + wireMock.baseUrl())
			.withUserConfiguration(BlockingRunController.class)
			.run((context) -> MockMvcBuilders.webAppContextSetup(context)
				.build()
				.perform(MockMvcRequestBuilders.get("/runs/" + RUN))
				.andExpect(MockMvcResultMatchers.status().isOk())
				.andExpect(MockMvcResultMatchers.content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(MockMvcResultMatchers.content().string(RUN_JSON)));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-runs/" + RUN)));
	}

	@Test
	void webFluxControllerReturnsTheRunsFields() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/worker-runs/" + RUN)).willReturn(json(200, RUN_DETAIL)));
		new ReactiveWebApplicationContextRunner().withConfiguration(CLIENT)
			.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.withPropertyValues("coreclaw.api-key=ck-test-key-for-json", "coreclaw.base-url=" + wireMock.baseUrl())
			.withUserConfiguration(ReactiveRunController.class)
			.run((context) -> WebTestClient.bindToApplicationContext(context)
				.build()
				.get()
				.uri("/runs/" + RUN)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.expectBody(String.class)
				.isEqualTo(RUN_JSON));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-runs/" + RUN)));
	}

	private static void assertJson(Object value, String expected) {
		assertThat(bootMapper.writeValueAsString(value)).isEqualTo(oneLine(expected));
	}

	/** The expected JSON of a text block, its lines joined. */
	private static String oneLine(String lines) {
		return lines.lines().map(String::strip).collect(Collectors.joining());
	}

	private static ResultPage page() {
		return ResultPage.builder(2, 1)
			.total(3)
			.headers(List.of(new ResultHeader("title", "Title")))
			.rows(List.of(row("title", "Beta", "rank", 2)))
			.build();
	}

	/** A map of the given keys and values, in their order; values may be {@code null}. */
	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	/** A Spring MVC controller, as a virtual-thread application writes it: it blocks. */
	@RestController
	static class BlockingRunController {

		private final WorkerRunOperations runs;

		BlockingRunController(WorkerRunOperations runs) {
			this.runs = runs;
		}

		@GetMapping("/runs/{slug}")
		WorkerRun run(@PathVariable("slug") String slug) {
			return this.runs.getRun(RunSlug.of(slug)).block(Duration.ofSeconds(10));
		}

	}

	/** A WebFlux controller. */
	@RestController
	static class ReactiveRunController {

		private final WorkerRunOperations runs;

		ReactiveRunController(WorkerRunOperations runs) {
			this.runs = runs;
		}

		@GetMapping("/runs/{slug}")
		Mono<WorkerRun> run(@PathVariable("slug") String slug) {
			return this.runs.getRun(RunSlug.of(slug));
		}

	}

}
