/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.AuthScheme;
import io.github.coreclaw.spring.client.CompletedRun;
import io.github.coreclaw.spring.client.CoreClawAuthenticationException;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.CoreClawRateLimitedException;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.ExportFormat;
import io.github.coreclaw.spring.client.ResultPage;
import io.github.coreclaw.spring.client.RunLog;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunRef;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator answers every operation of the starter as the CoreClaw API does, through the
 * real client.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawSimulatorTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final RunSlug RUN = new RunSlug("01SIMEXAMPLERUN");

	private static final List<String> TITLES = List.of("Blue Bottle Coffee", "Tartine Bakery", "Sightglass Coffee",
			"Ritual Coffee Roasters", "Philz Coffee");

	private static CoreClawSimulator simulator;

	private static CoreClawClient client;

	@BeforeAll
	static void startSimulator() {
		simulator = CoreClawSimulator.start();
		client = client(simulator, null);
	}

	@AfterAll
	static void stopSimulator() {
		client.close();
		simulator.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
	}

	@Test
	void asyncRunsGetAFreshRunSlugEachTime() {
		RunSlug first = tasks().runAsync(CoreClawSimulator.DEMO_TASK).block(WAIT);
		RunSlug second = tasks().runAsync(CoreClawSimulator.DEMO_TASK).block(WAIT);
		assertThat(first).isNotNull();
		assertThat(first.value()).matches("01SIM[A-Z0-9]{21}");
		assertThat(second).isNotEqualTo(first);
		simulator.server()
			.verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
				.withHeader("Authorization", equalTo("Bearer " + CoreClawSimulator.API_KEY))
				.withRequestBody(equalToJson("{\"is_async\":true}")));
	}

	@Test
	void syncRunsAnswerTheDocumentedShapeHonouringLimit() {
		SyncRunResult result = tasks().runSync(CoreClawSimulator.DEMO_TASK, RunOptions.builder().limit(3).build())
			.block(WAIT);
		assertThat(result).isNotNull();
		assertThat(result.runSlug().value()).matches("01SIM[A-Z0-9]{21}");
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(result.finished()).isTrue();
		assertThat(result.total()).isEqualTo(5);
		assertThat(result.headers()).extracting("key").containsExactly("title", "city", "rating");
		assertThat(result.rows()).containsExactly(Map.of("title", "Blue Bottle Coffee", "city", "Oakland", "rating", 4.6),
				Map.of("title", "Tartine Bakery", "city", "San Francisco", "rating", 4.7),
				Map.of("title", "Sightglass Coffee", "city", "San Francisco", "rating", 4.5));
		assertThat(result.resultMessage()).isEqualTo("5 places found");
		assertThat(result.startedAt()).isEqualTo(Instant.ofEpochSecond(1786001200));
		assertThat(result.runningDuration()).isEqualTo(Duration.ofSeconds(7));
		SyncRunResult all = tasks().runSync(CoreClawSimulator.DEMO_TASK).block(WAIT);
		assertThat(all.rows(Place.class)).extracting(Place::title).containsExactlyElementsOf(TITLES);
		simulator.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
				.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":20}")));
	}

	@Test
	void unknownTaskIsNotFound() {
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> tasks().runAsync("no-such-task").block(WAIT))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo(60001);
				assertThat(ex.getApiMessage()).isEqualTo("task does not exist");
			});
	}

	@ParameterizedTest
	@EnumSource(AuthScheme.class)
	void everyAuthSchemeWithTheKeyIsAccepted(AuthScheme scheme) {
		try (CoreClawClient other = CoreClawClient.builder(
				CoreClawClientSettings.of(CoreClawSimulator.API_KEY).withBaseUrl(simulator.baseUrl()).withAuthScheme(scheme))
			.build()) {
			assertThat(other.workerTasks().runAsync(CoreClawSimulator.DEMO_TASK).block(WAIT).value()).startsWith("01SIM");
			assertThat(other.workerRuns().getRun(RUN).block(WAIT).runSlug()).isEqualTo(RUN);
			assertThat(other.account().block(WAIT).balance()).isEqualByComparingTo("100.00");
		}
	}

	@ParameterizedTest
	@EnumSource(AuthScheme.class)
	void aWrongKeyIsAnInvalidTokenWhateverTheScheme(AuthScheme scheme) {
		try (CoreClawClient wrongKey = CoreClawClient.builder(
				CoreClawClientSettings.of("not-the-key").withBaseUrl(simulator.baseUrl()).withAuthScheme(scheme))
			.build()) {
			assertThatExceptionOfType(CoreClawAuthenticationException.class)
				.isThrownBy(() -> wrongKey.workerTasks().runAsync(CoreClawSimulator.DEMO_TASK).block(WAIT))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(12002));
			assertThatExceptionOfType(CoreClawAuthenticationException.class)
				.isThrownBy(() -> wrongKey.workerRuns().getRun(RUN).block(WAIT))
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
			// The documented public operations need no key at all.
			assertThat(wrongKey.workers().proxyRegions().block(WAIT)).isNotEmpty();
			assertThat(wrongKey.workers().inputSchema("demo-worker").block(WAIT)).isNotEmpty();
			assertThat(wrongKey.workers().store(null).count().block(WAIT)).isPositive();
		}
	}

	@Test
	void aRequestWithoutAnyKeyIsUnauthenticated() {
		Integer status = WebClient.create(simulator.baseUrl().toString())
			.post()
			.uri("/api/v2/worker-tasks/demo-task/runs")
			.bodyValue(Map.of("is_async", true))
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.map((body) -> {
					assertThat(body).contains("\"code\": 12001");
					return response.statusCode().value();
				}))
			.block(WAIT);
		assertThat(status).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "account", "worker" })
	void everyRunOperationAnswersOnTheLastRunShortcuts(String scope) {
		RunRef last = scope.equals("account") ? RunRef.last() : RunRef.lastOf("demo-worker");
		WorkerRun run = runs().getRun(last).block(WAIT);
		assertThat(run.runSlug()).isEqualTo(new RunSlug("01SIMLASTRUN00000000000000"));
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(runs().awaitCompletion(last, WAIT).block(WAIT).runSlug()).isEqualTo(run.runSlug());
		assertThat(runs().results(last).count().block(WAIT)).isEqualTo(5);
		assertThat(runs().log(last).block(WAIT).entries()).hasSize(2);
		runs().abort(last).block(WAIT);
		assertThat(runs().rerunAsync(last).block(WAIT).value()).startsWith("01SIM");
		assertThat(runs().rerunSync(last, RunOptions.defaults()).block(WAIT).rows()).hasSize(5);
		assertThat(runs().export(last, ExportFormat.CSV).block(WAIT).toString()).endsWith("/results.csv");
	}

	@Test
	void limitAboveHundredIsInvalidOnRunsAndReruns() {
		// RunOptions refuses 101, so send it the way another client would.
		WebClient webClient = WebClient.create(simulator.baseUrl().toString());
		for (String path : List.of("/api/v2/worker-tasks/demo-task/runs", "/api/v2/worker-runs/01SIMEXAMPLERUN/rerun")) {
			String body = webClient.post()
				.uri(path)
				.header("Authorization", "Bearer " + CoreClawSimulator.API_KEY)
				.header("Content-Type", "application/json")
				.bodyValue("{\"is_async\":false,\"limit\":101}")
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.map((text) -> response.statusCode().value() + " " + text))
				.block(WAIT);
			assertThat(body).startsWith("422 ").contains("\"code\": 11000").contains("limit must be between 1 and 100");
		}
	}

	@Test
	void rateLimitedTaskAnswers429OnceThenRuns() {
		assertThatExceptionOfType(CoreClawRateLimitedException.class)
			.isThrownBy(() -> tasks().runAsync(CoreClawSimulator.RATE_LIMITED_TASK).block(WAIT))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(429);
				assertThat(ex.getCode()).isEqualTo(13000);
				assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(1));
			});
		assertThat(tasks().runAsync(CoreClawSimulator.RATE_LIMITED_TASK).block(WAIT)).isNotNull();
		simulator.reset();
		assertThatExceptionOfType(CoreClawRateLimitedException.class)
			.isThrownBy(() -> tasks().runAsync(CoreClawSimulator.RATE_LIMITED_TASK).block(WAIT));
	}

	@Test
	void busyTaskIsRiddenOutByTheRetry() {
		CoreClawRetrySettings fast = CoreClawRetrySettings.defaults()
			.withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), 0.0);
		try (CoreClawClient retrying = client(simulator, fast)) {
			SyncRunResult result = retrying.workerTasks().runSync(CoreClawSimulator.BUSY_TASK).block(WAIT);
			assertThat(result).isNotNull();
			assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		}
		simulator.server().verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/busy-task/runs")));
		simulator.server().verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void runDetailIsRunningTwiceThenSucceeded() {
		WorkerRun first = runs().getRun(RUN).block(WAIT);
		WorkerRun second = runs().getRun(RUN).block(WAIT);
		WorkerRun third = runs().getRun(RUN).block(WAIT);
		WorkerRun fourth = runs().getRun(RUN).block(WAIT);
		assertThat(List.of(first, second, third, fourth)).extracting(WorkerRun::status)
			.containsExactly(RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED);
		assertThat(List.of(first, second, third)).extracting(WorkerRun::resultCount).containsExactly(2L, 4L, 5L);
		assertThat(third.runSlug()).isEqualTo(RUN);
		assertThat(third.workerSlug()).isEqualTo("coffee-shops");
		assertThat(third.workerTitle()).isEqualTo("Coffee Shops");
		assertThat(third.usage()).isEqualByComparingTo(new BigDecimal("0.02"));
		assertThat(third.duration()).isEqualTo(Duration.ofSeconds(7));
		assertThat(first.finishedAt()).isNull();
		assertThat(third.finishedAt()).isEqualTo(Instant.ofEpochSecond(1786001207));
		simulator.server().verify(4, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN")));
		simulator.reset();
		assertThat(runs().getRun(RUN).block(WAIT).status()).isEqualTo(RunStatus.RUNNING);
	}

	@Test
	void eachRunProgressesOnItsOwn() {
		RunSlug a = tasks().runAsync(CoreClawSimulator.DEMO_TASK).block(WAIT);
		RunSlug b = tasks().runAsync(CoreClawSimulator.DEMO_TASK).block(WAIT);
		List<WorkerRun> readsOfA = List.of(runs().getRun(a).block(WAIT), runs().getRun(a).block(WAIT),
				runs().getRun(a).block(WAIT), runs().getRun(a).block(WAIT));
		assertThat(readsOfA).extracting(WorkerRun::status)
			.containsExactly(RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED);
		WorkerRun firstOfB = runs().getRun(b).block(WAIT);
		assertThat(firstOfB.runSlug()).isEqualTo(b);
		assertThat(firstOfB.status()).isEqualTo(RunStatus.RUNNING);
		assertThat(firstOfB.resultCount()).isEqualTo(2);
		assertThat(firstOfB.finishedAt()).isNull();
		assertThat(runs().getRun(a).block(WAIT).status()).isEqualTo(RunStatus.SUCCEEDED);
		WorkerRun secondOfB = runs().getRun(b).block(WAIT);
		WorkerRun thirdOfB = runs().getRun(b).block(WAIT);
		assertThat(List.of(secondOfB, thirdOfB)).extracting(WorkerRun::status)
			.containsExactly(RunStatus.RUNNING, RunStatus.SUCCEEDED);
		assertThat(List.of(secondOfB, thirdOfB)).extracting(WorkerRun::resultCount).containsExactly(4L, 5L);
		assertThat(thirdOfB.finishedAt()).isEqualTo(Instant.ofEpochSecond(1786001207));
		simulator.server().verify(5, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/" + a.value())));
		simulator.server().verify(3, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/" + b.value())));
	}

	@Test
	void resetOfOneRunPutsOnlyThatRunBackToItsFirstRead() {
		RunSlug other = new RunSlug("01SIMOTHERRUN");
		runs().getRun(RUN).block(WAIT);
		runs().getRun(RUN).block(WAIT);
		runs().getRun(RUN).block(WAIT);
		runs().getRun(other).block(WAIT);
		simulator.reset(RUN);
		WorkerRun again = runs().getRun(RUN).block(WAIT);
		assertThat(again.status()).isEqualTo(RunStatus.RUNNING);
		assertThat(again.resultCount()).isEqualTo(2);
		WorkerRun secondOfOther = runs().getRun(other).block(WAIT);
		assertThat(secondOfOther.status()).isEqualTo(RunStatus.RUNNING);
		assertThat(secondOfOther.resultCount()).isEqualTo(4);
		assertThat(runs().getRun(other).block(WAIT).status()).isEqualTo(RunStatus.SUCCEEDED);
		simulator.server().verify(4, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN")));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> simulator.reset(null))
			.withMessage("run must not be null");
	}

	@Test
	void awaitCompletionPollsUntilTheRunSucceeds() {
		WorkerRun done = runs().awaitCompletion(RUN, Duration.ofSeconds(10)).block(Duration.ofSeconds(15));
		assertThat(done).isNotNull();
		assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(done.resultCount()).isEqualTo(5);
		simulator.server().verify(3, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN")));
	}

	@Test
	void runAndAwaitSeesTheRunProgressThenReadsItsResults() {
		CompletedRun completed = tasks()
			.runAndAwait(CoreClawSimulator.DEMO_TASK, RunOptions.builder().limit(3).build(), Duration.ofSeconds(10))
			.block(Duration.ofSeconds(15));
		assertThat(completed).isNotNull();
		assertThat(completed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(completed.run().resultCount()).isEqualTo(5);
		assertThat(completed.run().workerTitle()).isEqualTo("Coffee Shops");
		assertThat(completed.firstPage().rows()).extracting((row) -> row.get("title"))
			.containsExactlyElementsOf(TITLES.subList(0, 3));
		simulator.server().verify(3, getRequestedFor(urlPathMatching("/api/v2/worker-runs/01SIM[A-Z0-9]{21}")));
	}

	@Test
	void resultPagesHoldTheirShareOfTheFiveRows() {
		ResultPage first = runs().resultPage(RUN, 1, 2).block(WAIT);
		ResultPage second = runs().resultPage(RUN, 2, 2).block(WAIT);
		ResultPage third = runs().resultPage(RUN, 3, 2).block(WAIT);
		ResultPage fourth = runs().resultPage(RUN, 4, 2).block(WAIT);
		assertThat(List.of(first, second, third, fourth)).extracting(ResultPage::page).containsExactly(1, 2, 3, 4);
		assertThat(List.of(first, second, third, fourth)).extracting(ResultPage::total).containsOnly(5L);
		assertThat(first.headers()).extracting("key").containsExactly("title", "city", "rating");
		assertThat(first.rows()).extracting((row) -> row.get("title")).containsExactlyElementsOf(TITLES.subList(0, 2));
		assertThat(second.rows()).extracting((row) -> row.get("title")).containsExactlyElementsOf(TITLES.subList(2, 4));
		assertThat(third.rows()).containsExactly(Map.of("title", "Philz Coffee", "city", "Berkeley", "rating", 4.6));
		assertThat(fourth.rows()).isEmpty();
		assertThat(List.of(first, second, third, fourth)).extracting(ResultPage::isLast)
			.containsExactly(false, false, true, true);
		assertThat(runs().resultPage(RUN, 1, 100).block(WAIT).rows()).hasSize(5);
		simulator.server()
			.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/result?offset=2&limit=2")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 99, 1_000_000, Integer.MAX_VALUE })
	void aResultPagePastTheEndIsEmpty(int number) {
		ResultPage page = runs().resultPage(RUN, number, 100).block(WAIT);
		assertThat(page.page()).isEqualTo(number);
		assertThat(page.pageSize()).isEqualTo(100);
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.headers()).extracting("key").containsExactly("title", "city", "rating");
		assertThat(page.rows()).isEmpty();
		assertThat(page.isLast()).isTrue();
		simulator.server()
			.verify(1, getRequestedFor(
					urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/result?offset=" + number + "&limit=100")));
		simulator.server().verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void resultsStreamEveryRowAsMapsOrTypedRows() {
		assertThat(runs().results(RUN).collectList().block(WAIT)).extracting((row) -> row.get("title"))
			.containsExactlyElementsOf(TITLES);
		List<Place> places = runs().results(RUN, Place.class).collectList().block(WAIT);
		assertThat(places).hasSize(5)
			.first()
			.isEqualTo(new Place("Blue Bottle Coffee", "Oakland", 4.6));
		simulator.server()
			.verify(2, getRequestedFor(urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/result?offset=1&limit=100")));
	}

	@Test
	void logAnswersItsEntries() {
		RunLog log = runs().log(RUN).block(WAIT);
		assertThat(log).isNotNull();
		assertThat(log.allLogsUrl()).isEqualTo(URI.create("https://storage.example.com/runs/01SIMEXAMPLERUN/logs.txt"));
		assertThat(log.resultCount()).isEqualTo(5);
		assertThat(log.entries()).extracting(RunLog.Entry::content).containsExactly("Run started", "5 places found");
		assertThat(log.entries()).extracting(RunLog.Entry::timestamp)
			.containsExactly(Instant.ofEpochMilli(1786001200000L), Instant.ofEpochMilli(1786001207000L));
	}

	@Test
	void abortIsAccepted() {
		runs().abort(RUN).block(WAIT);
		simulator.server().verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/abort")));
	}

	@Test
	void exportAnswersADownloadUrlInTheAskedFormat() {
		URI csv = runs().export(RUN, ExportFormat.CSV, List.of("title", "city")).block(WAIT);
		URI json = runs().export(RUN, ExportFormat.JSON, List.of()).block(WAIT);
		assertThat(csv).isEqualTo(URI.create("https://storage.example.com/runs/01SIMEXAMPLERUN/results.csv"));
		assertThat(json).isEqualTo(URI.create("https://storage.example.com/runs/01SIMEXAMPLERUN/results.json"));
		simulator.server()
			.verify(1, getRequestedFor(
					urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/result/export?format=csv&filter_keys=title%2Ccity")));
	}

	@Test
	void asyncRerunStartsANewRun() {
		RunSlug rerun = runs().rerunAsync(RUN, RunOptions.defaults()).block(WAIT);
		assertThat(rerun).isNotNull().isNotEqualTo(RUN);
		assertThat(rerun.value()).matches("01SIM[A-Z0-9]{21}");
		simulator.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/rerun"))
				.withHeader("Authorization", equalTo("Bearer " + CoreClawSimulator.API_KEY))
				.withRequestBody(equalToJson("{\"is_async\":true}")));
	}

	@Test
	void syncRerunSucceedsWithANewRunHonouringLimit() {
		SyncRunResult rerun = runs().rerunSync(RUN, RunOptions.builder().limit(2).build()).block(WAIT);
		assertThat(rerun).isNotNull();
		assertThat(rerun.runSlug()).isNotEqualTo(RUN);
		assertThat(rerun.runSlug().value()).matches("01SIM[A-Z0-9]{21}");
		assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(rerun.finished()).isTrue();
		assertThat(rerun.total()).isEqualTo(5);
		assertThat(rerun.rows(Place.class)).extracting(Place::title).containsExactlyElementsOf(TITLES.subList(0, 2));
		assertThat(rerun.resultMessage()).isNull();
		simulator.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-runs/01SIMEXAMPLERUN/rerun"))
				.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":2}")));
	}

	@Test
	void aRequestWithoutMappingIsReportedAsNotCoreClawsReply() {
		try (CoreClawSimulator own = CoreClawSimulator.start(); CoreClawClient ownClient = client(own, null)) {
			for (StubMapping stub : own.server().getStubMappings()) {
				if (stub.getName().contains("rerun")) {
					own.server().removeStub(stub);
				}
			}
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> ownClient.workerRuns().rerunAsync(RUN, RunOptions.defaults()).block(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(CoreClawNotFoundException.NO_CODE);
					assertThat(ex.getMessage())
						.startsWith("POST /api/v2/worker-runs/01SIMEXAMPLERUN/rerun was answered with HTTP 404 and a body "
								+ "that is not a CoreClaw JSON envelope: \"Request was not matched")
						.endsWith("The reply is not CoreClaw's, which answers an unknown identifier with a JSON error: "
								+ "check coreclaw.base-url and any proxy in between or, against a simulator or stub "
								+ "server, that it stubs this request.")
						.doesNotContain("Check the identifier");
				});
		}
	}

	private static WorkerTaskOperations tasks() {
		return client.workerTasks();
	}

	private static WorkerRunOperations runs() {
		return client.workerRuns();
	}

	private static CoreClawClient client(CoreClawSimulator target, CoreClawRetrySettings retry) {
		CoreClawClient.Builder builder = CoreClawClient
			.builder(CoreClawClientSettings.of(target.apiKey()).withBaseUrl(target.baseUrl()))
			.polling(CoreClawPollingSettings.defaults()
				.withIntervals(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0));
		if (retry != null) {
			builder.retry(retry);
		}
		return builder.build();
	}

	/**
	 * A result row of the simulator.
	 *
	 * @param title the place's name
	 * @param city its city
	 * @param rating its rating
	 */
	record Place(String title, String city, double rating) {

	}

}
