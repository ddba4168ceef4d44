/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every example reply of CoreClaw's own OpenAPI file, success and error alike, decodes: each is
 * served by WireMock for its operation, the matching client operation is called, and the result
 * holds the example's values, or the error is the exception callers branch on with the
 * example's code.
 * <p>
 * The file is read where it is kept, never copied into the project: the test looks for
 * {@value #OPENAPI_FILE} in the working directory and each of its parents, and is skipped if
 * none has it. Every operation of the file must be mapped to a client operation here, so that
 * an operation the vendor adds is noticed.
 */
class OpenApiExamplesTests {

	static final String OPENAPI_FILE = "shared/reference/coreclaw-openapi.json";

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CoreClawRetrySettings ONE_ATTEMPT = CoreClawRetrySettings.defaults()
		.withBackoff(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0.0);

	private static final String RUN_ID = "01KKDXV2G26BT7NH4ZQR2R4NPZ";

	private static final RunSlug RUN = new RunSlug(RUN_ID);

	private static final String WORKER = "demo-worker";

	private static final String TASK = "demo-task";

	private static final String QUEUE_REF = "123456";

	private static final List<String> QUEUE_REFS = List.of("123456", "123457");

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	/**
	 * The client operation called for each operation of the file, by method and path as the
	 * file writes them, with the path it sends and what its result must hold.
	 */
	private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
			Map.entry("GET /api/v2/proxy/region",
					one("/api/v2/proxy/region", (c) -> c.workers().proxyRegions(),
							OpenApiExamplesTests::assertRegions)),
			Map.entry("GET /api/v2/store",
					all("/api/v2/store", (c) -> c.workers().store(null),
							(workers, data) -> assertWorkers(workers, data.get("scraper")))),
			Map.entry("GET /api/v2/users/account",
					one("/api/v2/users/account", CoreClawClient::account, OpenApiExamplesTests::assertAccount)),
			Map.entry("GET /api/v2/worker-runs",
					all("/api/v2/worker-runs", (c) -> c.workerRuns().list(),
							OpenApiExamplesTests::assertRuns)),
			Map.entry("GET /api/v2/worker-runs/last", getRun(RunRef.last(), "/api/v2/worker-runs/last")),
			Map.entry("GET /api/v2/worker-runs/{runId}", getRun(RUN, "/api/v2/worker-runs/" + RUN_ID)),
			Map.entry("GET /api/v2/workers/{workerId}/runs/last",
					getRun(RunRef.lastOf(WORKER), "/api/v2/workers/" + WORKER + "/runs/last")),
			Map.entry("POST /api/v2/worker-runs/last/abort", abort(RunRef.last(), "/api/v2/worker-runs/last/abort")),
			Map.entry("POST /api/v2/worker-runs/{runId}/abort", abort(RUN, "/api/v2/worker-runs/" + RUN_ID + "/abort")),
			Map.entry("POST /api/v2/workers/{workerId}/runs/last/abort",
					abort(RunRef.lastOf(WORKER), "/api/v2/workers/" + WORKER + "/runs/last/abort")),
			Map.entry("GET /api/v2/worker-runs/last/export",
					export(RunRef.last(), "/api/v2/worker-runs/last/export")),
			Map.entry("GET /api/v2/worker-runs/{runId}/result/export",
					export(RUN, "/api/v2/worker-runs/" + RUN_ID + "/result/export")),
			Map.entry("GET /api/v2/workers/{workerId}/runs/last/export",
					export(RunRef.lastOf(WORKER), "/api/v2/workers/" + WORKER + "/runs/last/export")),
			Map.entry("GET /api/v2/worker-runs/last/log", log(RunRef.last(), "/api/v2/worker-runs/last/log")),
			Map.entry("GET /api/v2/worker-runs/{runId}/log", log(RUN, "/api/v2/worker-runs/" + RUN_ID + "/log")),
			Map.entry("GET /api/v2/workers/{workerId}/runs/last/log",
					log(RunRef.lastOf(WORKER), "/api/v2/workers/" + WORKER + "/runs/last/log")),
			Map.entry("POST /api/v2/worker-runs/last/rerun", rerun(RunRef.last(), "/api/v2/worker-runs/last/rerun")),
			Map.entry("POST /api/v2/worker-runs/{runId}/rerun", rerun(RUN, "/api/v2/worker-runs/" + RUN_ID + "/rerun")),
			Map.entry("POST /api/v2/workers/{workerId}/runs/last/rerun",
					rerun(RunRef.lastOf(WORKER), "/api/v2/workers/" + WORKER + "/runs/last/rerun")),
			Map.entry("GET /api/v2/worker-runs/last/result",
					resultPage(RunRef.last(), "/api/v2/worker-runs/last/result")),
			Map.entry("GET /api/v2/worker-runs/{runId}/result",
					resultPage(RUN, "/api/v2/worker-runs/" + RUN_ID + "/result")),
			Map.entry("GET /api/v2/workers/{workerId}/runs/last/result",
					resultPage(RunRef.lastOf(WORKER), "/api/v2/workers/" + WORKER + "/runs/last/result")),
			Map.entry("GET /api/v2/worker-tasks",
					all("/api/v2/worker-tasks", (c) -> c.workerTasks().list(), OpenApiExamplesTests::assertTasks)),
			Map.entry("POST /api/v2/worker-tasks",
					one("/api/v2/worker-tasks",
							(c) -> c.workerTasks()
								.create(WorkerTaskDefinition.builder(WORKER, "Demo Task", Map.of("keyword", "coffee"))
									.build()),
							(slug, data) -> assertThat(slug).isEqualTo(text(data, "slug")))),
			Map.entry("DELETE /api/v2/worker-tasks/{workerTaskId}",
					nothing("/api/v2/worker-tasks/" + TASK, (c) -> c.workerTasks().delete(TASK))),
			Map.entry("GET /api/v2/worker-tasks/{workerTaskId}",
					one("/api/v2/worker-tasks/" + TASK, (c) -> c.workerTasks().get(TASK),
							OpenApiExamplesTests::assertTask)),
			Map.entry("PUT /api/v2/worker-tasks/{workerTaskId}",
					nothing("/api/v2/worker-tasks/" + TASK,
							(c) -> c.workerTasks().update(TASK, WorkerTaskUpdate.builder().title("Demo Task").build()))),
			Map.entry("GET /api/v2/worker-tasks/{workerTaskId}/input",
					one("/api/v2/worker-tasks/" + TASK + "/input", (c) -> c.workerTasks().getInput(TASK),
							(input, data) -> {
								assertThat(input.input()).isEqualTo(map(data.get("input")));
								assertThat(input.version()).isEqualTo(text(data, "version"));
							})),
			Map.entry("PUT /api/v2/worker-tasks/{workerTaskId}/input",
					nothing("/api/v2/worker-tasks/" + TASK + "/input",
							(c) -> c.workerTasks().updateInput(TASK, Map.of("keyword", "coffee")))),
			Map.entry("POST /api/v2/worker-tasks/{workerTaskId}/runs",
					one("/api/v2/worker-tasks/" + TASK + "/runs", (c) -> c.workerTasks().runAsync(TASK),
							OpenApiExamplesTests::assertRunSlug)),
			Map.entry("GET /api/v2/workers",
					all("/api/v2/workers", (c) -> c.workers().list(),
							(workers, data) -> assertWorkers(workers, data.get("scraper")))),
			Map.entry("GET /api/v2/workers/{workerId}",
					one("/api/v2/workers/" + WORKER, (c) -> c.workers().get(WORKER), OpenApiExamplesTests::assertWorker)),
			Map.entry("GET /api/v2/workers/{workerId}/input-schema",
					one("/api/v2/workers/" + WORKER + "/input-schema", (c) -> c.workers().inputSchema(WORKER),
							(schema, data) -> assertThat(schema).isEqualTo(map(data.get("input_schema"))))),
			Map.entry("POST /api/v2/workers/{workerId}/runs",
					one("/api/v2/workers/" + WORKER + "/runs",
							(c) -> c.workers().runAsync(WORKER, Map.of("keyword", "coffee")),
							OpenApiExamplesTests::assertRunSlug)),
			Map.entry("POST /api/v2/workers/{workerId}/queued-runs",
					one("/api/v2/workers/" + WORKER + "/queued-runs",
							(c) -> c.workers().queueRun(WORKER, Map.of("keyword", "coffee")),
							OpenApiExamplesTests::assertQueuedRun)),
			Map.entry("GET /api/v2/run-queue/items",
					all("/api/v2/run-queue/items", (c) -> c.runQueue().list(), OpenApiExamplesTests::assertQueueItems)),
			Map.entry("POST /api/v2/run-queue/items/activate",
					one("/api/v2/run-queue/items/activate", (c) -> c.runQueue().activate(QUEUE_REFS),
							(results, data) -> assertQueueResults(results, QUEUE_REFS, data))),
			Map.entry("POST /api/v2/run-queue/items/release",
					one("/api/v2/run-queue/items/release", (c) -> c.runQueue().release(QUEUE_REFS, "no longer needed"),
							(results, data) -> assertQueueResults(results, QUEUE_REFS, data))),
			Map.entry("POST /api/v2/run-queue/items/{queueId}/release",
					one("/api/v2/run-queue/items/" + QUEUE_REF + "/release",
							(c) -> c.runQueue().release(QUEUE_REF, "no longer needed"),
							(result, data) -> assertQueueResults(List.of(result), List.of(QUEUE_REF), data))));

	@Test
	void everyOperationOfTheFileIsMappedToAClientOperation() {
		Set<String> inFile = new TreeSet<>();
		operationsOf(openApiFile()).forEach((operation) -> inFile.add(operation.key()));
		assertThat(inFile).as("operations of " + OPENAPI_FILE + " (method and path as the file writes them)")
			.containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
	}

	@TestFactory
	Stream<DynamicTest> everyExampleReplyOfEveryOperationDecodes() {
		JsonNode file = openApiFile();
		List<DynamicTest> tests = new ArrayList<>();
		for (FileOperation operation : operationsOf(file)) {
			List<Example> examples = examplesOf(file, operation.node());
			if (examples.isEmpty()) {
				continue;
			}
			for (Example example : examples) {
				tests.add(dynamicTest(operation.key() + " answered " + example.response() + " (" + example.name() + ")",
						() -> serveAndCall(operation, example)));
			}
		}
		assertThat(tests).as("example replies in " + OPENAPI_FILE).isNotEmpty();
		return tests.stream();
	}

	private static void serveAndCall(FileOperation fileOperation, Example example) {
		Operation operation = OPERATIONS.get(fileOperation.key());
		if (operation == null) {
			fail("no client operation is mapped to " + fileOperation.key() + " of " + OPENAPI_FILE
					+ ": add it to OPERATIONS");
		}
		int status = httpStatus(example.response());
		RequestMethod method = RequestMethod.fromString(fileOperation.method().toUpperCase(Locale.ROOT));
		wireMock.resetAll();
		wireMock.stubFor(WireMock.request(method.getName(), urlPathEqualTo(operation.path()))
			.willReturn(json(status, JSON.writeValueAsString(example.value()))));
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).retry(ONE_ATTEMPT).build()) {
			if (status >= 200 && status < 300) {
				List<Object> results = Flux.from(operation.call().apply(client))
					.cast(Object.class)
					.collectList()
					.block(Duration.ofSeconds(5));
				operation.check().accept(results, example.value().path("data"));
			}
			else {
				Throwable thrown = catchThrowable(
						() -> Flux.from(operation.call().apply(client)).blockLast(Duration.ofSeconds(5)));
				long code = example.value().path("code").asLong();
				assertThat(thrown).isExactlyInstanceOf(exceptionFor(code));
				CoreClawApiException error = (CoreClawApiException) thrown;
				assertThat(error.getHttpStatus()).isEqualTo(status);
				assertThat(error.getCode()).isEqualTo(code);
				assertThat(error.getApiMessage()).isEqualTo(text(example.value(), "message"));
				assertThat(error.getRequestId()).isEqualTo(text(example.value(), "request_id"));
			}
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, requestedFor(method.getName(), urlPathEqualTo(operation.path())));
	}

	/**
	 * The exception callers branch on, for each code of the file's {@code x-error-codes}.
	 */
	private static Class<? extends CoreClawApiException> exceptionFor(long code) {
		return switch ((int) code) {
			case 11000 -> CoreClawValidationException.class;
			case 11004, 50001, 50003, 60001, 70001 -> CoreClawNotFoundException.class;
			case 12001, 12002 -> CoreClawAuthenticationException.class;
			case 13000 -> CoreClawRateLimitedException.class;
			case 30001 -> CoreClawInsufficientBalanceException.class;
			case 30003 -> CoreClawConcurrencyLimitException.class;
			case 10000, 14000, 16000, 50002, 70002 -> CoreClawApiException.class;
			default -> throw new AssertionError("an example of " + OPENAPI_FILE + " has code " + code
					+ ", for which this test expects no exception yet");
		};
	}

	private static int httpStatus(String response) {
		return switch (response.toUpperCase(Locale.ROOT)) {
			case "2XX" -> 200;
			case "4XX" -> 400;
			case "5XX", "DEFAULT" -> 500;
			default -> Integer.parseInt(response);
		};
	}

	// The vendor's file

	/**
	 * The vendor's OpenAPI file, from the working directory or one of its parents; the test is
	 * skipped if none has it.
	 */
	static JsonNode openApiFile() {
		Path start = Path.of("").toAbsolutePath();
		List<Path> searched = new ArrayList<>();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(OPENAPI_FILE);
			searched.add(candidate);
			if (Files.isRegularFile(candidate)) {
				return JSON.readTree(candidate.toFile());
			}
		}
		Assumptions.assumeTrue(false, "CoreClaw's OpenAPI file " + OPENAPI_FILE + " is in neither " + start
				+ " nor any of its parents (searched " + searched + ")");
		throw new IllegalStateException("unreachable");
	}

	private static List<FileOperation> operationsOf(JsonNode file) {
		List<FileOperation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : file.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (HTTP_METHODS.contains(method.getKey())) {
					operations.add(new FileOperation(method.getKey(), path.getKey(), method.getValue()));
				}
			}
		}
		return operations;
	}

	private static List<Example> examplesOf(JsonNode file, JsonNode operation) {
		List<Example> examples = new ArrayList<>();
		for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
			for (Map.Entry<String, JsonNode> content : resolve(file, response.getValue()).path("content").properties()) {
				JsonNode media = content.getValue();
				if (media.has("example")) {
					examples.add(new Example(response.getKey(), "example", media.get("example")));
				}
				for (Map.Entry<String, JsonNode> example : media.path("examples").properties()) {
					examples.add(new Example(response.getKey(), example.getKey(),
							resolve(file, example.getValue()).get("value")));
				}
			}
		}
		return examples;
	}

	/**
	 * The node a local {@code $ref} points to, or the node itself.
	 */
	private static JsonNode resolve(JsonNode file, JsonNode node) {
		JsonNode ref = node.get("$ref");
		if (ref == null) {
			return node;
		}
		String pointer = ref.asString();
		assertThat(pointer).as("$ref in " + OPENAPI_FILE).startsWith("#/");
		return resolve(file, file.at(pointer.substring(1)));
	}

	private record FileOperation(String method, String path, JsonNode node) {

		String key() {
			return this.method.toUpperCase(Locale.ROOT) + " " + this.path;
		}

	}

	private record Example(String response, String name, JsonNode value) {

	}

	// The client's operations

	private record Operation(String path, Function<CoreClawClient, Publisher<?>> call,
			BiConsumer<List<Object>, JsonNode> check) {

	}

	@SuppressWarnings("unchecked")
	private static <T> Operation one(String path, Function<CoreClawClient, Mono<T>> call, BiConsumer<T, JsonNode> check) {
		return new Operation(path, call::apply, (results, data) -> {
			assertThat(results).hasSize(1);
			check.accept((T) results.get(0), data);
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> Operation all(String path, Function<CoreClawClient, Flux<T>> call,
			BiConsumer<List<T>, JsonNode> check) {
		return new Operation(path, call::apply, (results, data) -> check.accept((List<T>) (List<?>) results, data));
	}

	private static Operation nothing(String path, Function<CoreClawClient, Mono<Void>> call) {
		return new Operation(path, call::apply, (results, data) -> assertThat(results).isEmpty());
	}

	private static Operation getRun(RunRef run, String path) {
		return one(path, (c) -> c.workerRuns().getRun(run), OpenApiExamplesTests::assertRun);
	}

	private static Operation abort(RunRef run, String path) {
		return nothing(path, (c) -> c.workerRuns().abort(run));
	}

	private static Operation export(RunRef run, String path) {
		return one(path, (c) -> c.workerRuns().export(run, ExportFormat.CSV),
				(uri, data) -> assertThat(uri).isEqualTo(URI.create(text(data, "download_url"))));
	}

	private static Operation log(RunRef run, String path) {
		return one(path, (c) -> c.workerRuns().log(run), (log, data) -> {
			assertThat(log.allLogsUrl()).isEqualTo(URI.create(text(data, "all_logs_url")));
			assertThat(log.entries()).extracting(RunLog.Entry::content).containsExactlyElementsOf(texts(data.get("list")));
			assertThat(log.resultCount()).isEqualTo(data.get("result_count").asLong());
		});
	}

	private static Operation rerun(RunRef run, String path) {
		return one(path, (c) -> c.workerRuns().rerunAsync(run), OpenApiExamplesTests::assertRunSlug);
	}

	private static Operation resultPage(RunRef run, String path) {
		return one(path, (c) -> c.workerRuns().resultPage(run, 1, 20), (page, data) -> {
			assertThat(page.total()).isEqualTo(data.get("count").asLong());
			assertThat(page.page()).isEqualTo(data.get("page_index").asInt());
			assertThat(page.pageSize()).isEqualTo(data.get("page_size").asInt());
			List<ResultHeader> headers = new ArrayList<>();
			data.get("headers").forEach((header) -> headers.add(new ResultHeader(text(header, "key"), text(header, "label"))));
			assertThat(page.headers()).containsExactlyElementsOf(headers);
			List<Map<String, Object>> rows = new ArrayList<>();
			data.get("list").forEach((row) -> rows.add(map(row)));
			assertThat(page.rows()).containsExactlyElementsOf(rows);
		});
	}

	// What the results must hold: the example's values

	private static void assertRegions(List<ProxyRegion> regions, JsonNode data) {
		List<ProxyRegion> expected = new ArrayList<>();
		data.get("list").forEach((region) -> expected.add(new ProxyRegion(text(region, "code"), text(region, "name"))));
		assertThat(regions).isNotEmpty().containsExactlyElementsOf(expected);
	}

	private static void assertWorkers(List<WorkerSummary> workers, JsonNode expected) {
		assertThat(workers).hasSize(expected.size()).isNotEmpty();
		for (int i = 0; i < workers.size(); i++) {
			WorkerSummary worker = workers.get(i);
			JsonNode example = expected.get(i);
			assertThat(worker.slug()).isEqualTo(text(example, "slug"));
			assertThat(worker.name()).isEqualTo(text(example, "name"));
			assertThat(worker.path()).isEqualTo(text(example, "path"));
			assertThat(worker.title()).isEqualTo(text(example, "title"));
			assertThat(worker.username()).isEqualTo(text(example, "username"));
			assertThat(worker.description()).isEqualTo(text(example, "description"));
		}
	}

	private static void assertAccount(Account account, JsonNode data) {
		assertThat(account.balance()).isEqualByComparingTo(new BigDecimal(text(data, "balance")));
		assertThat(account.balanceExpiresAt()).isEqualTo(Instant.ofEpochSecond(data.get("balance_expiration_at").asLong()));
	}

	private static void assertRuns(List<WorkerRun> runs, JsonNode data) {
		JsonNode expected = data.get("list");
		assertThat(runs).hasSize(expected.size()).isNotEmpty();
		for (int i = 0; i < runs.size(); i++) {
			assertRun(runs.get(i), expected.get(i));
		}
	}

	private static void assertRun(WorkerRun run, JsonNode data) {
		assertThat(run.runSlug()).isEqualTo(new RunSlug(text(data, "slug")));
		assertThat(run.status()).isEqualTo(RunStatus.valueOf(text(data, "status").toUpperCase(Locale.ROOT)));
		assertThat(run.workerSlug()).isEqualTo(text(data, "scraper_slug"));
		assertThat(run.workerTitle()).isEqualTo(text(data, "scraper_title"));
		assertThat(run.version()).isEqualTo(text(data, "version"));
		assertThat(run.origin()).isEqualTo(text(data, "origin"));
		assertThat(run.resultCount()).isEqualTo(data.get("results").asLong());
		assertThat(run.usage()).isEqualByComparingTo(new BigDecimal(text(data, "usage")));
		assertThat(run.startedAt()).isEqualTo(Instant.ofEpochSecond(data.get("started_at").asLong()));
		assertThat(run.finishedAt()).isEqualTo(Instant.ofEpochSecond(data.get("finished_at").asLong()));
		assertThat(run.duration()).isEqualTo(Duration.ofSeconds(data.get("duration").asLong()));
	}

	private static void assertRunSlug(RunSlug slug, JsonNode data) {
		assertThat(slug).isEqualTo(new RunSlug(text(data, "run_slug")));
	}

	private static void assertTasks(List<WorkerTask> tasks, JsonNode data) {
		JsonNode expected = data.get("list");
		assertThat(tasks).hasSize(expected.size()).isNotEmpty();
		for (int i = 0; i < tasks.size(); i++) {
			WorkerTask task = tasks.get(i);
			JsonNode example = expected.get(i);
			assertThat(task.id()).isEqualTo(example.get("id").asLong());
			assertThat(task.slug()).isEqualTo(text(example, "slug"));
			assertThat(task.title()).isEqualTo(text(example, "title"));
			assertThat(task.version()).isEqualTo(text(example, "version"));
			assertThat(task.workerSlug()).isEqualTo(text(example, "worker_slug"));
		}
	}

	private static void assertTask(WorkerTask task, JsonNode data) {
		assertThat(task.id()).isEqualTo(data.get("id").asLong());
		assertThat(task.slug()).isEqualTo(text(data, "slug"));
		assertThat(task.title()).isEqualTo(text(data, "title"));
		assertThat(task.description()).isEqualTo(text(data, "description"));
		assertThat(task.version()).isEqualTo(text(data, "version"));
		assertThat(task.workerSlug()).isEqualTo(text(data, "worker_slug"));
		assertThat(task.workerPath()).isEqualTo(text(data, "worker_path"));
		assertThat(task.scheduleEnabled()).isEqualTo(data.get("schedule_enabled").asInt() == 1);
		assertThat(task.schedule()).isNotNull();
		assertThat(task.schedule().time()).isEqualTo(LocalTime.parse(text(data, "schedule_time")));
	}

	private static void assertWorker(Worker worker, JsonNode data) {
		assertThat(worker.name()).isEqualTo(text(data, "name"));
		assertThat(worker.username()).isEqualTo(text(data, "username"));
		assertThat(worker.version()).isEqualTo(text(data, "version"));
		assertThat(worker.readme()).isEqualTo(text(data, "readme"));
		assertThat(worker.parameters()).isEqualTo(map(data.get("parameters")));
	}

	private static void assertQueuedRun(QueuedRun queued, JsonNode data) {
		assertThat(queued.queueRef()).isEqualTo(text(data, "queue_ref"));
		assertThat(queued.status()).isEqualTo(QueueStatus.valueOf(text(data, "queue_status").toUpperCase(Locale.ROOT)));
		assertThat(queued.queued()).isEqualTo(data.get("queued").asBoolean());
	}

	private static void assertQueueItems(List<QueueItem> items, JsonNode data) {
		List<String> refs = new ArrayList<>();
		data.path("list").forEach((item) -> refs.add(item.get("queue_ref").asString()));
		assertThat(items).extracting(QueueItem::queueRef).containsExactlyElementsOf(refs);
	}

	private static void assertQueueResults(List<QueueItemResult> results, List<String> requested, JsonNode data) {
		JsonNode reported = data.path("results");
		if (reported.isEmpty()) {
			assertThat(results).containsExactlyElementsOf(requested.stream().map(QueueItemResult::acceptedWithoutDetail).toList());
			return;
		}
		Set<String> refs = new LinkedHashSet<>();
		reported.forEach((result) -> refs.add(result.get("queue_ref").asString()));
		assertThat(results).extracting(QueueItemResult::queueRef).containsExactlyElementsOf(refs);
		assertThat(results).allMatch(QueueItemResult::reported);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		assertThat(value).as("field " + field + " of the example " + node).isNotNull();
		return value.asString();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asString()));
		return texts;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(JsonNode node) {
		return JSON.convertValue(node, Map.class);
	}

}
