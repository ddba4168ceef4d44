/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link WorkerRunOperations#list(RunQuery)}: the exact queries, the split of a date range into
 * one query per month of CoreClaw's calendar (UTC+8), paging and errors.
 */
@ExtendWith(OutputOnFailure.class)
class RunListTests {

	private static final String LIST = "/api/v2/worker-runs";

	private static final String FIRST_PAGE = LIST + "?offset=1&limit=100";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void listWithoutFilterAsksForTheFirstPageOnlyAndReadsEveryField() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-1","data":{"count":2,"list":[
				{"duration":10,"err_msg":"","finished_at":1782091210,"origin":"openapi","results":1,
				"scraper_slug":"demo-worker","scraper_title":"Demo Worker","slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ",
				"started_at":1782091200,"status":"succeeded","traffic":0,"usage":"1.00","version":"latest"},
				{"duration":3,"err_msg":"proxy blocked","finished_at":1782091303,"origin":"openapi","results":0,
				"scraper_slug":"demo-worker","scraper_title":"Demo Worker","slug":"01KKDXV2G26BT7NH4ZQR2R4NQA",
				"started_at":1782091300,"status":"failed","traffic":12,"usage":"0.10","version":"v1.2.8","extra":1}]}}""")));
		try (CoreClawClient client = client()) {
			List<WorkerRun> runs = client.workerRuns().list().collectList().block(Duration.ofSeconds(5));
			assertThat(runs).containsExactly(
					WorkerRun.builder(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"), RunStatus.SUCCEEDED)
						.workerSlug("demo-worker")
						.workerTitle("Demo Worker")
						.version("latest")
						.resultCount(1)
						.usage(new BigDecimal("1.00"))
						.startedAt(Instant.ofEpochSecond(1782091200))
						.finishedAt(Instant.ofEpochSecond(1782091210))
						.duration(Duration.ofSeconds(10))
						.origin("openapi")
						.build(),
					WorkerRun.builder(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NQA"), RunStatus.FAILED)
						.workerSlug("demo-worker")
						.workerTitle("Demo Worker")
						.version("v1.2.8")
						.usage(new BigDecimal("0.10"))
						.startedAt(Instant.ofEpochSecond(1782091300))
						.finishedAt(Instant.ofEpochSecond(1782091303))
						.duration(Duration.ofSeconds(3))
						.errorMessage("proxy blocked")
						.origin("openapi")
						.build());
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
	}

	@Test
	void listIsLazy() {
		try (CoreClawClient client = client()) {
			client.workerRuns().list(RunQuery.builder().createdBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))
				.build());
		}
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void filtersAreSentAsCoreClawNamesThem() {
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(runs(1, 1, 1L)));
		RunQuery query = RunQuery.builder().workerId("coreclaw~google-maps-scraper").status(RunStatus.ABORTING).build();
		try (CoreClawClient client = client()) {
			assertThat(client.workerRuns().list(query).count().block(Duration.ofSeconds(5))).isEqualTo(1);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(
				urlEqualTo(FIRST_PAGE + "&worker_id=coreclaw~google-maps-scraper&status=aborting")));
	}

	@ParameterizedTest(name = "{0} -> status={1}")
	@CsvSource({ "READY, ready", "RUNNING, running", "SUCCEEDED, succeeded", "FAILED, failed", "ABORTING, aborting" })
	void everyStatusCoreClawFiltersByIsSentInLowerCase(RunStatus status, String sent) {
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(runs(1, 0, 0L)));
		try (CoreClawClient client = client()) {
			client.workerRuns().list(RunQuery.builder().status(status).build()).blockLast(Duration.ofSeconds(5));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE + "&status=" + sent)));
	}

	@Test
	void aRangeInOneMonthIsOneQueryFromTheFirstDaysStartToTheLastDaysStartInUtcPlus8() {
		// 2026-03-15T00:00+08:00 = 1773504000, 2026-03-31T00:00+08:00 = 1774886400
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(runs(1, 3, 3L)));
		try (CoreClawClient client = client()) {
			assertThat(client.workerRuns()
				.list(RunQuery.builder().createdBetween(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 31)).build())
				.count()
				.block(Duration.ofSeconds(5))).isEqualTo(3);
		}
		assertThat(requestedUrls()).containsExactly(FIRST_PAGE + "&start_time=1773504000&end_time=1774886400");
	}

	@Test
	void aSingleDayHasTheSameStartAndEnd() {
		// 2024-02-29T00:00+08:00 = 1709136000; CoreClaw adds the day to end_time itself
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(runs(1, 0, 0L)));
		try (CoreClawClient client = client()) {
			client.workerRuns()
				.list(RunQuery.builder()
					.workerId("demo-worker")
					.createdBetween(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29))
					.build())
				.blockLast(Duration.ofSeconds(5));
		}
		assertThat(requestedUrls())
			.containsExactly(FIRST_PAGE + "&worker_id=demo-worker&start_time=1709136000&end_time=1709136000");
	}

	@Test
	void aRangeOverTwoMonthsIsOneQueryPerMonthTheLatestFirst() {
		// April: 2026-04-01T00:00+08:00 = 1774972800 to 2026-04-10T00:00+08:00 = 1775750400
		// March: 2026-03-15T00:00+08:00 = 1773504000 to 2026-03-31T00:00+08:00 = 1774886400
		String april = "&status=succeeded&start_time=1774972800&end_time=1775750400";
		String march = "&status=succeeded&start_time=1773504000&end_time=1774886400";
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE + april)).willReturn(runs(1, 2, 2L)));
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE + march)).willReturn(runs(3, 3, 1L)));
		RunQuery query = RunQuery.builder()
			.status(RunStatus.SUCCEEDED)
			.createdBetween(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 10))
			.build();
		try (CoreClawClient client = client()) {
			assertThat(client.workerRuns().list(query).map(WorkerRun::runSlug).map(RunSlug::value).collectList()
				.block(Duration.ofSeconds(5))).containsExactly("01RUN1", "01RUN2", "01RUN3");
		}
		assertThat(requestedUrls()).containsExactly(FIRST_PAGE + april, FIRST_PAGE + march);
	}

	@Test
	void aRangeOverTheYearEndIsSplitAtTheNewYearInUtcPlus8() {
		// January: 2026-01-01T00:00+08:00 = 1767196800 to 2026-01-05T00:00+08:00 = 1767542400
		// December: 2025-12-20T00:00+08:00 = 1766160000 to 2025-12-31T00:00+08:00 = 1767110400
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(runs(1, 0, 0L)));
		try (CoreClawClient client = client()) {
			client.workerRuns()
				.list(RunQuery.builder().createdBetween(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 5)).build())
				.blockLast(Duration.ofSeconds(5));
		}
		assertThat(requestedUrls()).containsExactly(FIRST_PAGE + "&start_time=1767196800&end_time=1767542400",
				FIRST_PAGE + "&start_time=1766160000&end_time=1767110400");
	}

	@Test
	void wholeMonthsInBetweenAreQueriedWhole() {
		// 2026-03-01T00:00+08:00 = 1772294400, 2026-03-31T00:00+08:00 = 1774886400
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(runs(1, 0, 0L)));
		try (CoreClawClient client = client()) {
			client.workerRuns()
				.list(RunQuery.builder().createdBetween(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 1)).build())
				.blockLast(Duration.ofSeconds(5));
		}
		// 2026-04-01T00:00+08:00 = 1774972800, 2026-02-28T00:00+08:00 = 1772208000
		assertThat(requestedUrls()).containsExactly(FIRST_PAGE + "&start_time=1774972800&end_time=1774972800",
				FIRST_PAGE + "&start_time=1772294400&end_time=1774886400",
				FIRST_PAGE + "&start_time=1772208000&end_time=1772208000");
	}

	@Test
	void eachMonthIsReadPageByPageToItsEndBeforeTheNextMonth() {
		String april = "&start_time=1774972800&end_time=1777478400";
		String march = "&start_time=1772294400&end_time=1774886400";
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE + april)).willReturn(runs(1, 100, 150L)));
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100" + april)).willReturn(runs(101, 150, 150L)));
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE + march)).willReturn(runs(151, 250, 220L)));
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100" + march)).willReturn(runs(251, 350, 220L)));
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=3&limit=100" + march)).willReturn(runs(351, 370, 220L)));
		try (CoreClawClient client = client()) {
			List<WorkerRun> runs = client.workerRuns()
				.list(RunQuery.builder().createdBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)).build())
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(runs).hasSize(370);
			assertThat(runs.get(0).runSlug().value()).isEqualTo("01RUN1");
			assertThat(runs.get(369).runSlug().value()).isEqualTo("01RUN370");
		}
		assertThat(requestedUrls()).containsExactly(FIRST_PAGE + april, LIST + "?offset=2&limit=100" + april,
				FIRST_PAGE + march, LIST + "?offset=2&limit=100" + march, LIST + "?offset=3&limit=100" + march);
	}

	@Test
	void pagesStopAtTheCountAnEmptyPageOrAShortPage() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(runs(1, 100, 200L)));
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100")).willReturn(runs(101, 200, 200L)));
		try (CoreClawClient client = client()) {
			assertThat(client.workerRuns().list().count().block(Duration.ofSeconds(5))).isEqualTo(200);
			assertThat(requestedUrls()).hasSize(2);
			wireMock.resetAll();
			wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(runs(1, 100, null)));
			wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100")).willReturn(runs(1, 0, null)));
			assertThat(client.workerRuns().list().count().block(Duration.ofSeconds(5))).isEqualTo(100);
			assertThat(requestedUrls()).hasSize(2);
			wireMock.resetAll();
			wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(runs(1, 99, null)));
			assertThat(client.workerRuns().list().count().block(Duration.ofSeconds(5))).isEqualTo(99);
			assertThat(requestedUrls()).hasSize(1);
		}
	}

	@Test
	void aMonthWithoutRunsMayHaveNoListAtAll() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(json(200, "{\"code\":0,\"data\":{\"count\":0,\"list\":null}}")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workerRuns().list()).verifyComplete();
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRunWithoutSlugIsAnError() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE))
			.willReturn(json(200, "{\"code\":0,\"request_id\":\"req-9\",\"data\":{\"count\":1,\"list\":[{\"status\":\"running\"}]}}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerRuns().list().blockLast(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered GET /api/v2/worker-runs?offset=1&limit=100 with HTTP 200, code 0 "
						+ "(request_id req-9) but without the expected data.list of runs, each with its slug");
		}
	}

	@Test
	void aReplyForAnotherPageStopsTheRead() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":300,\"page_index\":1,\"list\":" + runList(1, 100) + "}}")));
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":300,\"page_index\":1,\"list\":" + runList(1, 100) + "}}")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workerRuns().list())
				.expectNextCount(100)
				.expectErrorMessage("CoreClaw answered page 1 when asked for page 2 (100 a page) of the runs of the "
						+ "current month. Reading on would repeat or skip items, so the read stops here; CoreClaw may "
						+ "have changed what its offset parameter means.")
				.verify(Duration.ofSeconds(5));
		}
	}

	@Test
	void aRangeCoreClawRejectsIsAValidationError() {
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(400,
				"{\"code\":11000,\"message\":\"run list time range cannot cross months\",\"request_id\":\"req-7\","
						+ "\"details\":[\"start_time and end_time must be in the same month\"]}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawValidationException.class)
				.isThrownBy(() -> client.workerRuns()
					.list(RunQuery.builder().createdBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)).build())
					.blockLast(Duration.ofSeconds(5)))
				.satisfies((ex) -> {
					assertThat(ex.getCode()).isEqualTo(11000);
					assertThat(ex.getDetails()).containsExactly("start_time and end_time must be in the same month");
					assertThat(ex.getMessage()).startsWith("CoreClaw rejected GET /api/v2/worker-runs?offset=1&limit=100"
							+ "&start_time=1772294400&end_time=1772380800: HTTP 400, code 11000");
				});
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void anUnknownWorkerIsNotFound() {
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(envelope(404, 50001, "worker does not exist")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class).isThrownBy(() -> client.workerRuns()
				.list(RunQuery.builder().workerId("no-such-worker").build())
				.blockLast(Duration.ofSeconds(5)));
		}
	}

	@Test
	void badQueriesAreRefusedBeforeAnyRequest() {
		try (CoreClawClient client = client()) {
			assertThatIllegalArgumentException().isThrownBy(() -> client.workerRuns().list(null))
				.withMessage("query must not be null; use RunQuery.currentMonth()");
		}
		RunQuery.Builder builder = RunQuery.builder();
		LocalDate day = LocalDate.of(2026, 3, 2);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.createdBetween(day, day.minusDays(1)))
			.withMessage("from must not be after to but was 2026-03-02 > 2026-03-01");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.createdBetween(null, day))
			.withMessage("from must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.createdBetween(day, null))
			.withMessage("to must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.status(RunStatus.UNKNOWN))
			.withMessage("status must be one of READY, RUNNING, SUCCEEDED, FAILED, ABORTING (the statuses CoreClaw "
					+ "filters by) but was UNKNOWN");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.status(RunStatus.ABORTED))
			.withMessage("status must be one of READY, RUNNING, SUCCEEDED, FAILED, ABORTING (the statuses CoreClaw "
					+ "filters by) but was ABORTED");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.status(null))
			.withMessageEndingWith("but was null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.workerId(" "))
			.withMessage("workerId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.workerId("coreclaw/maps"))
			.withMessageStartingWith("workerId must contain only letters")
			.withMessageEndingWith("; write an owner/name path as owner~name");
		assertThat(builder.build()).isEqualTo(RunQuery.currentMonth());
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aSlowSubscriberMakesItReadAtMostOnePageAheadAcrossMonths() {
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String url = request.getURI().toString();
			urls.add(url.substring(url.indexOf(LIST)));
			boolean april = url.contains("start_time=1774972800");
			int page = InMemoryConnector.page(request);
			int base = (april ? 0 : 1000) + (page - 1) * 100;
			int size = (page < 2) ? 100 : 50;
			return new InMemoryConnector.Reply(200,
					"{\"code\":0,\"data\":{\"count\":150,\"list\":" + runList(base + 1, base + size) + "}}");
		});
		RunQuery query = RunQuery.builder().createdBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)).build();
		try (CoreClawClient client = inMemoryClient(connector, null)) {
			// The connector answers synchronously, so what has been asked for is known at each step:
			// the page being read and at most one more.
			StepVerifier.create(client.workerRuns().list(query), 1)
				.expectNextMatches((run) -> run.runSlug().value().equals("01RUN1"))
				.then(() -> assertThat(urls).hasSize(2))
				.thenRequest(98)
				.expectNextCount(98)
				.then(() -> assertThat(urls).hasSize(2))
				.thenRequest(51)
				.expectNextCount(51)
				.then(() -> assertThat(urls).hasSize(4))
				.thenRequest(1)
				.expectNextMatches((run) -> run.runSlug().value().equals("01RUN1001"))
				.then(() -> assertThat(urls).hasSize(4))
				.thenCancel()
				.verify(Duration.ofSeconds(5));
		}
		assertThat(urls).containsExactly(FIRST_PAGE + "&start_time=1774972800&end_time=1777478400",
				LIST + "?offset=2&limit=100&start_time=1774972800&end_time=1777478400",
				FIRST_PAGE + "&start_time=1772294400&end_time=1774886400",
				LIST + "?offset=2&limit=100&start_time=1772294400&end_time=1774886400");
	}

	@Test
	void aServerErrorOnAPageIsRetriedAsARead() {
		AtomicInteger calls = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> (calls.incrementAndGet() == 1)
				? InMemoryConnector.error(500, 10000, "internal server error")
				: new InMemoryConnector.Reply(200, "{\"code\":0,\"data\":{\"count\":1,\"list\":" + runList(1, 1) + "}}"));
		try (CoreClawClient client = inMemoryClient(connector, CoreClawRetrySettings.defaults())) {
			StepVerifier.withVirtualTime(() -> client.workerRuns().list())
				.thenAwait(Duration.ofMinutes(1))
				.expectNextCount(1)
				.verifyComplete();
		}
		assertThat(calls).hasValue(2);
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

	static CoreClawClient inMemoryClient(InMemoryConnector connector, CoreClawRetrySettings retry) {
		CoreClawClient.Builder builder = CoreClawClient
			.builder(CoreClawClientSettings.of("k-list").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector);
		return ((retry != null) ? builder.retry(retry) : builder).build();
	}

	/** The URLs WireMock received, in the order it received them. */
	private static List<String> requestedUrls() {
		List<String> urls = new ArrayList<>();
		for (ServeEvent event : wireMock.getAllServeEvents()) {
			urls.add(event.getRequest().getUrl());
		}
		Collections.reverse(urls);
		return urls;
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder runs(int first, int last,
			Long count) {
		return json(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-l\",\"data\":{"
				+ ((count != null) ? "\"count\":" + count + "," : "") + "\"list\":" + runList(first, last) + "}}");
	}

	/** Runs numbered from first to last, slugs 01RUN{n}, statuses in turn. */
	static String runList(int first, int last) {
		String[] statuses = { "succeeded", "failed", "running" };
		StringBuilder list = new StringBuilder("[");
		for (int n = first; n <= last; n++) {
			list.append((n > first) ? "," : "")
				.append("{\"slug\":\"01RUN")
				.append(n)
				.append("\",\"status\":\"")
				.append(statuses[n % 3])
				.append("\",\"scraper_slug\":\"demo-worker\",\"results\":")
				.append(n)
				.append('}');
		}
		return list.append(']').toString();
	}

}
