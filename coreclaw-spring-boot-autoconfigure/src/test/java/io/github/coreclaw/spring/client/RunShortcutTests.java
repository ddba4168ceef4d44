/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

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
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every run operation on CoreClaw's "last run" shortcuts, {@link RunRef#last()} and
 * {@link RunRef#lastOf(String)}: the exact request each one sends.
 */
@ExtendWith(OutputOnFailure.class)
class RunShortcutTests {

	private static final String ACCOUNT_LAST = "/api/v2/worker-runs/last";

	private static final String WORKER_LAST = "/api/v2/workers/coreclaw~google-maps-scraper/runs/last";

	private static final String DETAIL = "{\"code\":0,\"data\":{\"slug\":\"01LASTRUN\",\"status\":\"running\"}}";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	static Stream<Arguments> shortcuts() {
		return Stream.of(Arguments.of(RunRef.last(), ACCOUNT_LAST),
				Arguments.of(RunRef.lastOf("coreclaw~google-maps-scraper"), WORKER_LAST));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void getRunReadsTheShortcutAndNamesTheRunItFound(RunRef run, String path) {
		wireMock.stubFor(get(urlEqualTo(path)).willReturn(json(200, DETAIL)));
		try (CoreClawClient client = client()) {
			WorkerRun found = client.workerRuns().getRun(run).block(Duration.ofSeconds(5));
			assertThat(found.runSlug()).isEqualTo(new RunSlug("01LASTRUN"));
			assertThat(found.status()).isEqualTo(RunStatus.RUNNING);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void resultsReadTheRunTheShortcutNamesThenItsPagesBySlug(RunRef run, String path) {
		// Paging the shortcut itself could mix the rows of two runs if one started in between.
		wireMock.stubFor(get(urlEqualTo(path)).willReturn(json(200, DETAIL)));
		wireMock.stubFor(get(urlEqualTo("/api/v2/worker-runs/01LASTRUN/result?offset=1&limit=100"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"count\":2,\"list\":[{\"n\":1},{\"n\":2}],\"page_index\":1}}")));
		try (CoreClawClient client = client()) {
			List<Map<String, Object>> rows = client.workerRuns().results(run).collectList().block(Duration.ofSeconds(5));
			assertThat(rows).containsExactly(Map.of("n", 1), Map.of("n", 2));
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(path)));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/worker-runs/01LASTRUN/result?offset=1&limit=100")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void anAbortOfAShortcutIsNotRepeatedAfterAServerError(RunRef run, String path) {
		// A repeat could abort a run started in between; an abort by run id is repeated.
		wireMock.stubFor(post(urlEqualTo(path + "/abort")).willReturn(envelope(500, 10000, "internal server error")));
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-runs/01LASTRUN/abort"))
			.willReturn(envelope(500, 10000, "internal server error")));
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).retry(RetryFaultTests.FAST).build()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerRuns().abort(run).block(Duration.ofSeconds(5)));
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerRuns().abort(new RunSlug("01LASTRUN")).block(Duration.ofSeconds(5)));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(path + "/abort")));
		wireMock.verify(4, postRequestedFor(urlEqualTo("/api/v2/worker-runs/01LASTRUN/abort")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void resultPageReadsOnePageOfTheShortcut(RunRef run, String path) {
		wireMock.stubFor(get(urlEqualTo(path + "/result?offset=2&limit=50"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"count\":51,\"list\":[{\"n\":51}],\"page_index\":2}}")));
		try (CoreClawClient client = client()) {
			ResultPage page = client.workerRuns().resultPage(run, 2, 50).block(Duration.ofSeconds(5));
			assertThat(page.total()).isEqualTo(51);
			assertThat(page.rows()).containsExactly(Map.of("n", 51));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(path + "/result?offset=2&limit=50")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void logReadsTheShortcutsLog(RunRef run, String path) {
		wireMock.stubFor(get(urlEqualTo(path + "/log"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"list\":[\"Run started\"],\"result_count\":0}}")));
		try (CoreClawClient client = client()) {
			RunLog log = client.workerRuns().log(run).block(Duration.ofSeconds(5));
			assertThat(log.entries()).extracting(RunLog.Entry::content).containsExactly("Run started");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(path + "/log")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void abortPostsToTheShortcutWithoutBody(RunRef run, String path) {
		wireMock.stubFor(post(urlEqualTo(path + "/abort")).willReturn(json(200, "{\"code\":0,\"message\":\"success\"}")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workerRuns().abort(run)).verifyComplete();
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(path + "/abort")).withHeader("Content-Type", absent()));
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void rerunAsyncPostsTheRunBodyToTheShortcut(RunRef run, String path) {
		wireMock.stubFor(post(urlEqualTo(path + "/rerun")).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01NEW\"}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workerRuns().rerunAsync(run).block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("01NEW"));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(path + "/rerun"))
			.withRequestBody(equalToJson("{\"is_async\":true}", true, false)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void rerunSyncPostsTheSyncBodyToTheShortcut(RunRef run, String path) {
		wireMock.stubFor(post(urlEqualTo(path + "/rerun")).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01NEW\","
				+ "\"run_status\":\"succeeded\",\"is_finished\":true,\"results\":{\"count\":1,\"list\":[{\"n\":1}]}}}")));
		try (CoreClawClient client = client()) {
			SyncRunResult result = client.workerRuns()
				.rerunSync(run, RunOptions.builder().limit(10).build())
				.block(Duration.ofSeconds(5));
			assertThat(result.runSlug()).isEqualTo(new RunSlug("01NEW"));
			assertThat(result.rows()).containsExactly(Map.of("n", 1));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(path + "/rerun"))
			.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":10}", true, false)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void exportUsesTheShortcutsOwnExportPath(RunRef run, String path) {
		// not …/last/result/export: the shortcuts export at …/last/export
		wireMock.stubFor(get(urlEqualTo(path + "/export?format=xlsx&filter_keys=title%2Cphone"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"download_url\":\"https://storage.example.com/last.xlsx\"}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workerRuns().export(run, ExportFormat.XLSX, List.of("title", "phone"))
				.block(Duration.ofSeconds(5))).isEqualTo(URI.create("https://storage.example.com/last.xlsx"));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(path + "/export?format=xlsx&filter_keys=title%2Cphone")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void aMissingLastRunIsNotFound(RunRef run, String path) {
		wireMock.stubFor(get(urlEqualTo(path)).willReturn(envelope(404, 70001, "run record does not exist")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workerRuns().getRun(run).block(Duration.ofSeconds(5)))
				.withMessageStartingWith("CoreClaw rejected GET " + path + ": HTTP 404, code 70001");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shortcuts")
	void awaitCompletionResolvesTheShortcutOnceThenPollsTheRunItNamed(RunRef run, String path) {
		List<String> paths = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			paths.add(request.getURI().getRawPath());
			String status = (paths.size() < 4) ? "running" : "succeeded";
			return InMemoryConnector.runDetail("01LASTRUN", status);
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-last").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(CoreClawPollingSettings.defaults().withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0))
			.build()) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().awaitCompletion(run, Duration.ofMinutes(5)))
				.thenAwait(Duration.ofSeconds(30))
				.assertNext((done) -> {
					assertThat(done.runSlug()).isEqualTo(new RunSlug("01LASTRUN"));
					assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
				})
				.verifyComplete();
		}
		assertThat(paths).containsExactly(path, "/api/v2/worker-runs/01LASTRUN", "/api/v2/worker-runs/01LASTRUN",
				"/api/v2/worker-runs/01LASTRUN");
	}

	@Test
	void awaitCompletionOfAFinishedLastRunReadsItOnce() {
		List<String> paths = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			paths.add(request.getURI().getRawPath());
			return InMemoryConnector.runDetail("01LASTRUN", "failed");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-last").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.build()) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().awaitCompletion(RunRef.last(), Duration.ofMinutes(5)))
				.assertNext((done) -> assertThat(done.status()).isEqualTo(RunStatus.FAILED))
				.verifyComplete();
		}
		assertThat(paths).containsExactly(ACCOUNT_LAST);
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

}
