/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link WorkerRunOperations} against WireMock.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class WorkerRunOperationsTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final String DETAIL = "/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ";

	private static final CoreClawPollingSettings FAST_POLLING = CoreClawPollingSettings.defaults()
		.withIntervals(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0);

	/** A first read, then waits longer than the tests' timeouts. */
	private static final CoreClawPollingSettings SLOW_POLLING = CoreClawPollingSettings.defaults()
		.withIntervals(Duration.ofSeconds(30), Duration.ofSeconds(30), 1.0, 0.0);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void getRunReadsEveryField() {
		wireMock.stubFor(get(urlEqualTo(DETAIL)).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-1","data":{"duration":10,"err_msg":"",
				"finished_at":1782091210,"origin":"openapi","results":1,"scraper_slug":"demo-worker",
				"scraper_title":"Demo Worker","slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","started_at":1782091200,
				"status":"succeeded","traffic":0,"usage":"1.00","version":"latest","new_field":true}}""")));
		WorkerRun run = runs(null).getRun(RUN).block(Duration.ofSeconds(5));
		assertThat(run).isEqualTo(WorkerRun.builder(RUN, RunStatus.SUCCEEDED)
			.workerSlug("demo-worker")
			.workerTitle("Demo Worker")
			.version("latest")
			.resultCount(1)
			.usage(new BigDecimal("1.00"))
			.startedAt(Instant.ofEpochSecond(1782091200))
			.finishedAt(Instant.ofEpochSecond(1782091210))
			.duration(Duration.ofSeconds(10))
			.origin("openapi")
			.build());
		assertThat(run.finished()).isTrue();
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL)).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
	}

	@Test
	void runningRunHasNoFinishTime() {
		stubDetail(Scenario.STARTED, null, "running", "\"finished_at\":0,\"err_msg\":\"still going\"");
		WorkerRun run = runs(null).getRun(RUN).block(Duration.ofSeconds(5));
		assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
		assertThat(run.finishedAt()).isNull();
		assertThat(run.errorMessage()).isEqualTo("still going");
		assertThat(run.finished()).isFalse();
	}

	@Test
	void awaitCompletionPollsReadyRunningSucceeded() {
		stubDetail(Scenario.STARTED, "running", "ready", "");
		stubDetail("running", "succeeded", "running", "");
		stubDetail("succeeded", null, "succeeded", "");
		WorkerRun run = runs(null).awaitCompletion(RUN, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		wireMock.verify(3, getRequestedFor(urlEqualTo(DETAIL)));
		wireMock.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void failedRunCompletesNormally() {
		stubDetail(Scenario.STARTED, null, "failed", "\"err_msg\":\"proxy blocked\"");
		WorkerRun run = runs(null).awaitCompletion(RUN, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.errorMessage()).isEqualTo("proxy blocked");
	}

	@Test
	void abortingIsFollowedForTheGraceThenEndsWithItsLastState() {
		stubDetail(Scenario.STARTED, null, "aborting", "");
		CoreClawPollingSettings polling = FAST_POLLING.withAborting(Duration.ofMillis(300), false);
		long start = System.nanoTime();
		WorkerRun run = runs(polling).awaitCompletion(RUN, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		assertThat(run.status()).isEqualTo(RunStatus.ABORTING);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(wireMock.getAllServeEvents().size()).isBetween(3, 20);
	}

	@Test
	void abortingThatBecomesAbortedEndsAborted() {
		stubDetail(Scenario.STARTED, "aborted", "aborting", "");
		stubDetail("aborted", null, "aborted", "");
		WorkerRun run = runs(null).awaitCompletion(RUN, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		assertThat(run.status()).isEqualTo(RunStatus.ABORTED);
	}

	@Test
	void timeoutNamesTheRunAndItsLastStatusAndDoesNotAbort() {
		stubDetail(Scenario.STARTED, null, "running", "");
		// One read, then a wait longer than the timeout: no read is in flight when the timeout comes,
		// so none reaches CoreClaw during the next test.
		CoreClawRunTimeoutException ex = catchThrowableOfType(CoreClawRunTimeoutException.class,
				() -> runs(SLOW_POLLING).awaitCompletion(RUN, Duration.ofSeconds(1)).block(Duration.ofSeconds(10)));
		assertThat(ex.getRunSlug()).isEqualTo(RUN);
		assertThat(ex.getLastStatus()).isEqualTo(RunStatus.RUNNING);
		assertThat(ex.getMessage()).isEqualTo("Run 01KKDXV2G26BT7NH4ZQR2R4NPZ did not finish within 1s: its last "
				+ "status was RUNNING; it goes on at CoreClaw (set coreclaw.polling.abort-on-timeout=true to abort such runs)");
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL)));
		wireMock.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void timeoutAbortsWhenConfigured() {
		stubDetail(Scenario.STARTED, null, "running", "");
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/abort")).willReturn(json(200, "{\"code\":0,\"message\":\"success\"}")));
		CoreClawRunTimeoutException ex = catchThrowableOfType(CoreClawRunTimeoutException.class,
				() -> runs(SLOW_POLLING.withAborting(Duration.ofSeconds(60), true)).awaitCompletion(RUN, Duration.ofSeconds(1))
					.block(Duration.ofSeconds(10)));
		assertThat(ex.getMessage()).endsWith("; it was asked to abort (coreclaw.polling.abort-on-timeout)");
		// The abort is sent in the background: the caller's timeout does not wait for its answer.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> wireMock.verify(1, postRequestedFor(urlEqualTo(DETAIL + "/abort"))));
	}

	@Test
	void aCallbackMakesTheWaitReadTheRunAtOnce() {
		stubDetail(Scenario.STARTED, "succeeded", "running", "");
		stubDetail("succeeded", null, "succeeded", "");
		CoreClawClient client = client(CoreClawPollingSettings.defaults()
			.withIntervals(Duration.ofSeconds(30), Duration.ofSeconds(30), 1.0, 0.0));
		List<WorkerRun> done = new ArrayList<>();
		Disposable waiting = client.workerRuns().awaitCompletion(RUN, Duration.ofSeconds(60)).subscribe(done::add);
		await().atMost(Duration.ofSeconds(5)).until(() -> wireMock.getAllServeEvents().size() == 1);
		client.runChanged(new RunSlug("01OTHERRUN"));
		client.runChanged(RUN);
		await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1);
		assertThat(done.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
		wireMock.verify(2, getRequestedFor(urlEqualTo(DETAIL)));
		waiting.dispose();
	}

	@Test
	void resultsStreamEveryPageAndStopAtTheShortOne() {
		stubPages(250);
		List<Map<String, Object>> rows = runs(null).results(RUN).collectList().block(Duration.ofSeconds(10));
		assertThat(rows).hasSize(250);
		assertThat(rows.get(0)).containsEntry("n", 1);
		assertThat(rows.get(249)).containsEntry("n", 250);
		assertThat(wireMock.getAllServeEvents()).extracting((event) -> event.getRequest().getMethod() + " "
				+ event.getRequest().getUrl() + " at " + event.getRequest().getLoggedDate().toInstant()).hasSize(3);
		for (int page = 1; page <= 3; page++) {
			wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=" + page + "&limit=100")));
		}
	}

	@Test
	void resultsStopAtTheCountOrAnEmptyPage() {
		stubPages(200);
		assertThat(runs(null).results(RUN).count().block(Duration.ofSeconds(10))).isEqualTo(200);
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.resetAll();
		wireMock.stubFor(get(urlPathEqualTo(DETAIL + "/result"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"count\":0,\"list\":[],\"page_index\":1,\"page_size\":100}}")));
		assertThat(runs(null).results(RUN).count().block(Duration.ofSeconds(10))).isZero();
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aSlowSubscriberDoesNotMakeItFetchMoreThanOnePageAhead() {
		// The connector answers synchronously, so what has been asked for is known at each step:
		// the page being read and at most one more.
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			urls.add(InMemoryConnector.pathAndQuery(request));
			return new InMemoryConnector.Reply(200, resultPage(InMemoryConnector.page(request), 550));
		});
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, null)) {
			StepVerifier.create(client.workerRuns().results(RUN), 1)
				.expectNextMatches((row) -> Integer.valueOf(1).equals(row.get("n")))
				.then(() -> assertThat(urls).hasSize(2))
				.thenRequest(150)
				.expectNextCount(150)
				.then(() -> assertThat(urls).hasSize(3))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}
		assertThat(urls).containsExactly(DETAIL + "/result?offset=1&limit=100", DETAIL + "/result?offset=2&limit=100",
				DETAIL + "/result?offset=3&limit=100");
	}

	@Test
	void aPageWithoutCountEndsOnlyWhenShortOrEmpty() {
		for (int page = 1; page <= 3; page++) {
			StringBuilder rows = new StringBuilder();
			for (int n = 1; n <= ((page < 3) ? 100 : 10); n++) {
				rows.append((rows.length() > 0) ? "," : "").append("{\"n\":").append(n).append('}');
			}
			wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=" + page + "&limit=100"))
				.willReturn(json(200, "{\"code\":0,\"data\":{\"list\":[" + rows + "]}}")));
		}
		assertThat(runs(null).results(RUN).count().block(Duration.ofSeconds(10))).isEqualTo(210);
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		assertThat(runs(null).resultPage(RUN, 1, 100).block(Duration.ofSeconds(5)).total())
			.isEqualTo(ResultPage.UNKNOWN_TOTAL);
	}

	@Test
	void resultsStopWithAClearErrorWhenCoreClawAnswersAnotherPage() {
		stubPages(250);
		// Page 2 comes back as page 1 again, as when CoreClaw changed what offset means.
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=2&limit=100")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":250,\"list\":[{\"n\":1}],\"page_index\":1,\"page_size\":100}}")));
		List<Map<String, Object>> rows = new ArrayList<>();
		StepVerifier.create(runs(null).results(RUN))
			.recordWith(() -> rows)
			.expectNextCount(100)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(CoreClawException.class)
				.hasMessage("CoreClaw answered page 1 when asked for page 2 (100 a page) of the results of run "
						+ "01KKDXV2G26BT7NH4ZQR2R4NPZ. Reading on would repeat or skip items, so the read stops here; "
						+ "CoreClaw may have changed what its offset parameter means."))
			.verify(Duration.ofSeconds(10));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void resultPageRefusesAnotherPageThanTheOneAskedFor() {
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=3&limit=20")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":250,\"list\":[{\"n\":1}],\"page_index\":1,\"page_size\":20}}")));
		assertThatExceptionOfType(CoreClawException.class)
			.isThrownBy(() -> runs(null).resultPage(RUN, 3, 20).block(Duration.ofSeconds(5)))
			.withMessageStartingWith("CoreClaw answered page 1 when asked for page 3 (20 a page) of the results of run ");
	}

	@Test
	void anEmptyFirstPageWithoutCountEndsTheResults() {
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=1&limit=100"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"list\":[]}}")));
		assertThat(runs(null).results(RUN).count().block(Duration.ofSeconds(5))).isZero();
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRerunsIsFinishedFlagDecidesWhetherItFinished() {
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/rerun")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"run_slug\":\"01NEWRUN\",\"is_finished\":true,\"results\":{\"count\":0}}}")));
		SyncRunResult finished = runs(null).rerunSync(RUN, RunOptions.defaults()).block(Duration.ofSeconds(5));
		assertThat(finished.status()).isEqualTo(RunStatus.UNKNOWN);
		assertThat(finished.finished()).isTrue();
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/rerun")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"run_slug\":\"01NEWRUN\",\"run_status\":\"succeeded\",\"is_finished\":false}}")));
		assertThat(runs(null).rerunSync(RUN, RunOptions.defaults()).block(Duration.ofSeconds(5)).finished()).isFalse();
	}

	@Test
	void overloadsUseTheDefaults() {
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/rerun")).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r2\"}}")));
		wireMock.stubFor(get(urlPathEqualTo(DETAIL + "/result/export"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"download_url\":\"https://files.example.com/r.json\"}}")));
		stubDetail(Scenario.STARTED, null, "succeeded", "");
		WorkerRunOperations runs = runs(null);
		assertThat(runs.rerunAsync(RUN).block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r2"));
		assertThat(runs.export(RUN, ExportFormat.JSON).block(Duration.ofSeconds(5)))
			.isEqualTo(URI.create("https://files.example.com/r.json"));
		assertThat(runs.awaitCompletion(RUN).block(Duration.ofSeconds(5)).status()).isEqualTo(RunStatus.SUCCEEDED);
		wireMock.verify(1, postRequestedFor(urlEqualTo(DETAIL + "/rerun")).withRequestBody(equalToJson("{\"is_async\":true}", true, false)));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result/export?format=json")));
	}

	@Test
	void awaitCompletionWithoutTimeoutWaitsForTheConfiguredDefault() {
		stubDetail(Scenario.STARTED, null, "running", "");
		CoreClawPollingSettings polling = SLOW_POLLING.withDefaultTimeout(Duration.ofSeconds(1));
		assertThatExceptionOfType(CoreClawRunTimeoutException.class)
			.isThrownBy(() -> runs(polling).awaitCompletion(RUN).block(Duration.ofSeconds(5)))
			.withMessageStartingWith("Run 01KKDXV2G26BT7NH4ZQR2R4NPZ did not finish within 1s");
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL)));
	}

	@Test
	void runAndAwaitWithoutOptionsReadsTheDefaultWindow() {
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}}")));
		stubDetail(Scenario.STARTED, null, "succeeded", "");
		wireMock.stubFor(get(urlPathEqualTo(DETAIL + "/result"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"count\":0,\"list\":[]}}")));
		CompletedRun completed = client(FAST_POLLING).workerTasks()
			.runAndAwait("demo-task", Duration.ofSeconds(5))
			.block(Duration.ofSeconds(10));
		assertThat(completed.run().runSlug()).isEqualTo(RUN);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.withRequestBody(equalToJson("{\"is_async\":true}")));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=1&limit=20")));
	}

	@Test
	void everyFailureAfterRunAndAwaitStartedTheRunCarriesTheRun() {
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}}")));
		wireMock.stubFor(get(urlEqualTo(DETAIL)).willReturn(envelope(401, 12002, "invalid token")));
		CoreClawAuthenticationException ex = catchThrowableOfType(CoreClawAuthenticationException.class,
				() -> client(FAST_POLLING).workerTasks().runAndAwait("demo-task", Duration.ofSeconds(5))
					.block(Duration.ofSeconds(10)));
		assertThat(ex.getRunSlug()).isEqualTo(RUN);
		assertThat(ex.getMessage()).contains("code 12002").contains(RUN.value());
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs")));
	}

	@Test
	void aFailureBeforeTheRunStartedCarriesNoRun() {
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.willReturn(envelope(404, 60001, "task does not exist")));
		CoreClawNotFoundException ex = catchThrowableOfType(CoreClawNotFoundException.class,
				() -> client(FAST_POLLING).workerTasks().runAndAwait("demo-task", Duration.ofSeconds(5))
					.block(Duration.ofSeconds(10)));
		assertThat(ex.getRunSlug()).isNull();
	}

	record Numbered(int n) {
	}

	@Test
	void typedResults() {
		stubPages(120);
		assertThat(runs(null).results(RUN, Numbered.class).map(Numbered::n).collectList().block(Duration.ofSeconds(10)))
			.hasSize(120)
			.startsWith(1, 2, 3)
			.endsWith(120);
	}

	@Test
	void eachPageIsRetriedOnItsOwn() {
		stubPages(150);
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=2&limit=100")).inScenario("page-2")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(envelope(500, 10000, "internal server error"))
			.willSetStateTo("ok")
			.atPriority(1));
		List<Map<String, Object>> rows = retryingRuns().results(RUN).collectList().block(Duration.ofSeconds(10));
		assertThat(rows).hasSize(150);
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=1&limit=100")));
		wireMock.verify(2, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=2&limit=100")));
	}

	@Test
	void readsAreRetriedEvenAfterABrokenConnection() {
		wireMock.stubFor(get(anyUrl()).inScenario("sequence").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
		wireMock.stubFor(get(anyUrl()).inScenario("sequence").whenScenarioStateIs("ok")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"running\"}}")));
		assertThat(retryingRuns().getRun(RUN).block(Duration.ofSeconds(5)).status()).isEqualTo(RunStatus.RUNNING);
		wireMock.verify(2, getRequestedFor(urlEqualTo(DETAIL)));
	}

	@Test
	void resultPageAsksForThePageNumber() {
		wireMock.stubFor(get(urlPathEqualTo(DETAIL + "/result")).willReturn(json(200, """
				{"code":0,"data":{"count":120,"headers":[{"key":"n","label":"N"}],"list":[{"n":51}],"page_index":2,"page_size":50}}""")));
		ResultPage page = runs(null).resultPage(RUN, 2, 50).block(Duration.ofSeconds(5));
		assertThat(page).isEqualTo(ResultPage.builder(2, 50)
			.total(120)
			.headers(List.of(new ResultHeader("n", "N")))
			.rows(List.of(Map.of("n", 51)))
			.build());
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=2&limit=50")));
	}

	@Test
	void logAcceptsObjectItems() {
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/log")).willReturn(json(200, """
				{"code":0,"data":{"all_logs_url":"https://storage.example.com/logs.txt","result_count":3,
				"list":[{"type":2,"group":"main","content":"Run started","timestamp":1782091200123}]}}""")));
		RunLog log = runs(null).log(RUN).block(Duration.ofSeconds(5));
		assertThat(log).isEqualTo(new RunLog(URI.create("https://storage.example.com/logs.txt"),
				List.of(new RunLog.Entry(2, "main", "Run started", Instant.ofEpochMilli(1782091200123L))), 3));
	}

	@Test
	void logAcceptsStringItems() {
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/log"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"list\":[\"Run started\",\"Run finished\"],\"result_count\":1}}")));
		RunLog log = runs(null).log(RUN).block(Duration.ofSeconds(5));
		assertThat(log.allLogsUrl()).isNull();
		assertThat(log.entries()).extracting(RunLog.Entry::content).containsExactly("Run started", "Run finished");
		assertThat(log.entries()).allSatisfy((entry) -> assertThat(entry.type()).isNull());
	}

	@Test
	void abortPostsNoBodyAndAcceptsNoData() {
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/abort"))
			.willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-2\"}")));
		StepVerifier.create(runs(null).abort(RUN)).verifyComplete();
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(DETAIL + "/abort")).withHeader("Content-Type", absent())
			.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
	}

	@Test
	void abortIsRetriedOnRateLimits() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests"),
				json(200, "{\"code\":0,\"message\":\"success\"}"));
		StepVerifier.create(retryingRuns().abort(RUN)).verifyComplete();
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void rerunAsyncPostsTheRunBody() {
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/rerun"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01NEWRUN\"}}")));
		RunSlug slug = runs(null).rerunAsync(RUN, RunOptions.defaults()).block(Duration.ofSeconds(5));
		assertThat(slug).isEqualTo(new RunSlug("01NEWRUN"));
		wireMock.verify(1, postRequestedFor(urlEqualTo(DETAIL + "/rerun")).withRequestBody(equalToJson("{\"is_async\":true}")));
	}

	@Test
	void rerunSyncReadsAnUnfinishedReply() {
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/rerun")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"run_slug\":\"01NEWRUN\",\"run_status\":\"running\",\"is_finished\":false,"
						+ "\"results\":{\"count\":0,\"list\":[]}}}")));
		SyncRunResult result = runs(null).rerunSync(RUN, RunOptions.builder().limit(5).build()).block(Duration.ofSeconds(5));
		assertThat(result.runSlug()).isEqualTo(new RunSlug("01NEWRUN"));
		assertThat(result.finished()).isFalse();
		wireMock.verify(1, postRequestedFor(urlEqualTo(DETAIL + "/rerun"))
			.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":5}")));
	}

	@Test
	void rerunIsNotRepeatedAfterATimeout() {
		wireMock.stubFor(post(urlEqualTo(DETAIL + "/rerun"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01NEWRUN\"}}").withFixedDelay(1000)));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock).withTimeouts(Duration.ofSeconds(1),
				Duration.ofMillis(200), Duration.ofSeconds(1)))
			.retry(RetryFaultTests.FAST)
			.build());
		assertThatExceptionOfType(CoreClawTimeoutException.class)
			.isThrownBy(() -> client.workerRuns().rerunAsync(RUN, RunOptions.defaults()).block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.isRunMayExist()).isTrue());
		// The call ends only after its last attempt has ended: a repeated request would already be here.
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void exportAsksForFormatAndKeys() {
		wireMock.stubFor(get(urlPathEqualTo(DETAIL + "/result/export"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"download_url\":\"https://storage.example.com/r.json\"}}")));
		URI url = runs(null).export(RUN, ExportFormat.JSON, List.of("title", "address")).block(Duration.ofSeconds(5));
		assertThat(url).isEqualTo(URI.create("https://storage.example.com/r.json"));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result/export?format=json&filter_keys=title%2Caddress")));
		runs(null).export(RUN, ExportFormat.CSV, List.of()).block(Duration.ofSeconds(5));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result/export?format=csv")));
	}

	@Test
	void badInputIsRefusedBeforeAnyRequest() {
		WorkerRunOperations runs = runs(null);
		assertThatIllegalArgumentException().isThrownBy(() -> runs.getRun(null)).withMessage("run must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new RunSlug(" ")).withMessage("runSlug must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new RunSlug("a/b"))
			.withMessageStartingWith("runSlug must contain only letters");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.resultPage(RUN, 0, 10))
			.withMessage("page must be 1 or more but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.resultPage(RUN, 1, 0))
			.withMessage("pageSize must be between 1 and 100 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.resultPage(RUN, 1, 101))
			.withMessage("pageSize must be between 1 and 100 but was 101");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.awaitCompletion(RUN, Duration.ZERO))
			.withMessage("timeout must be positive but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.awaitCompletion(RUN, Duration.ofSeconds(-1)))
			.withMessage("timeout must be positive but was PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.awaitCompletion(RUN, null))
			.withMessage("timeout must be positive but was null");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.export(RUN, null, List.of()))
			.withMessage("format must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ExportFormat.from("pdf"))
			.withMessage("format must be one of csv, json, jsonl, xlsx, xls, xml, html, rss but was \"pdf\"");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.export(RUN, ExportFormat.CSV, List.of("a,b")))
			.withMessage("keys must be column keys without ',' but has \"a,b\"");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.rerunAsync(RUN, null))
			.withMessage("options must not be null; use RunOptions.defaults()");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.results(RUN, null))
			.withMessage("rowType must not be null");
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void runAndAwaitStartsPollsAndReadsTheFirstPage() {
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}}")));
		stubDetail(Scenario.STARTED, "succeeded", "running", "");
		stubDetail("succeeded", null, "succeeded", "");
		wireMock.stubFor(get(urlPathEqualTo(DETAIL + "/result")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":2,\"list\":[{\"n\":1},{\"n\":2}],\"page_index\":1,\"page_size\":5}}")));
		CompletedRun completed = client(FAST_POLLING).workerTasks()
			.runAndAwait("demo-task", RunOptions.builder().limit(5).build(), Duration.ofSeconds(5))
			.block(Duration.ofSeconds(10));
		assertThat(completed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(completed.firstPage().rows()).hasSize(2);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.withRequestBody(equalToJson("{\"is_async\":true,\"limit\":5}")));
		wireMock.verify(2, getRequestedFor(urlEqualTo(DETAIL)));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=1&limit=5")));
	}

	@Test
	void callbackToReceiverUsesTheReceiverUrl() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r1\"}}")));
		RunOptions options = RunOptions.builder().callbackToReceiver().build();
		assertThatIllegalArgumentException().isThrownBy(() -> client(null).workerTasks().runAsync("t1", options))
			.withMessageStartingWith("callbackToReceiver() needs the callback receiver");
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.callbackReceiverUrl(URI.create("https://app.example.com/coreclaw/callback/s3cr3t-path-0123456789"))
			.build());
		client.workerTasks().runAsync("t1", options).block(Duration.ofSeconds(5));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1/runs")).withRequestBody(equalToJson(
				"{\"is_async\":true,\"callback_url\":\"https://app.example.com/coreclaw/callback/s3cr3t-path-0123456789\"}")));
	}

	private static void stubDetail(String state, String next, String status, String extra) {
		var stub = get(urlEqualTo(DETAIL)).inScenario("run")
			.whenScenarioStateIs(state)
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"" + status
					+ "\"" + (extra.isEmpty() ? "" : "," + extra) + "}}"));
		wireMock.stubFor((next != null) ? stub.willSetStateTo(next) : stub);
	}

	/** Pages of 100 rows numbered from 1, the last one short. */
	/** Page {@code page} of {@code total} result rows numbered from 1, 100 a page. */
	private static String resultPage(int page, int total) {
		StringBuilder rows = new StringBuilder();
		for (int n = (page - 1) * 100 + 1; n <= Math.min(total, page * 100); n++) {
			rows.append((rows.length() > 0) ? "," : "").append("{\"n\":").append(n).append('}');
		}
		return "{\"code\":0,\"data\":{\"count\":" + total + ",\"list\":[" + rows + "],\"page_index\":" + page
				+ ",\"page_size\":100}}";
	}

	private static void stubPages(int total) {
		for (int page = 1; (page - 1) * 100 < total || page == 1; page++) {
			wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=" + page + "&limit=100"))
				.willReturn(json(200, resultPage(page, total))));
		}
	}

	private static CoreClawClient client(CoreClawPollingSettings polling) {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock)).polling((polling != null) ? polling : FAST_POLLING).build());
	}

	private static WorkerRunOperations runs(CoreClawPollingSettings polling) {
		return client(polling).workerRuns();
	}

	private static WorkerRunOperations retryingRuns() {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock)).polling(FAST_POLLING).retry(RetryFaultTests.FAST).build()).workerRuns();
	}

}
