/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The blocking operations ({@link CoreClawClient#blocking()}) against WireMock: refused on threads
 * that must not block, failing with the reactive operations' own exceptions, cancelled by an
 * interrupt, and reading pages only as the consumer reaches them.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class BlockingOperationsTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final String DETAIL = "/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void aThreadThatMustNotBlockIsRefusedAtOnceAndNothingIsSent() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		stubPages(150);
		BlockingCoreClawClient blocking = client().blocking();
		Map<String, Callable<?>> calls = Map.of("WorkerTaskOperations (CoreClawClient.workerTasks())",
				() -> blocking.workerTasks().runAsync("t1"), "WorkerRunOperations (CoreClawClient.workerRuns())",
				() -> blocking.workerRuns().results(RUN), "WorkerOperations (CoreClawClient.workers())",
				() -> blocking.workers().list(), "RunQueueOperations (CoreClawClient.runQueue())",
				() -> blocking.runQueue().activate(List.of("q1")), "CoreClawClient.account()", blocking::account);
		calls.forEach((reactive, call) -> StepVerifier.create(Mono.fromCallable(call).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class)
				.hasMessageMatching("The blocking CoreClaw operations cannot wait on thread parallel-\\d+, which must "
						+ "not block \\(a Reactor Netty event loop or a non-blocking Reactor scheduler\\): nothing was "
						+ "sent\\. Use the reactive \\Q" + reactive + "\\E there instead, or call from a thread that may "
						+ "block \\(a servlet request thread, a virtual thread or Schedulers\\.boundedElastic\\(\\)\\)\\."))
			.verify(Duration.ofSeconds(5)));
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		// The same call on a thread that may block is sent.
		assertThat(blocking.workerTasks().runAsync("t1")).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFailureIsTheReactiveOperationsOwnExceptionUnwrapped() {
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/t1/runs"))
			.willReturn(envelope(404, 60001, "task does not exist")));
		Throwable thrown = catchThrowable(() -> client().blocking().workerTasks().runAsync("t1"));
		assertThat(thrown).isExactlyInstanceOf(CoreClawNotFoundException.class)
			.hasMessage("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 404, code 60001 "
					+ "\"task does not exist\" (request_id req-123). Check the identifier in the request path.")
			.hasNoSuppressedExceptions();
		assertThat(((CoreClawNotFoundException) thrown).getCode()).isEqualTo(60001);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFailureOfAStreamIsTheReactiveOperationsOwnExceptionUnwrapped() {
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=1&limit=100"))
			.willReturn(envelope(404, 60001, "run does not exist")));
		Throwable thrown;
		try (Stream<Map<String, Object>> rows = client().blocking().workerRuns().results(RUN)) {
			thrown = catchThrowable(rows::toList);
		}
		assertThat(thrown).isExactlyInstanceOf(CoreClawNotFoundException.class)
			.hasMessage("CoreClaw rejected GET " + DETAIL + "/result?offset=1&limit=100: HTTP 404, code 60001 "
					+ "\"run does not exist\" (request_id req-123). Check the identifier in the request path.")
			.hasNoSuppressedExceptions();
	}

	@Test
	void badArgumentsAreRefusedBeforeAnythingIsSent() {
		BlockingCoreClawClient blocking = client().blocking();
		assertThat(catchThrowable(() -> blocking.workerRuns().results(null)))
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("run must not be null");
		assertThat(catchThrowable(() -> blocking.workerRuns().results(RUN, null)))
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("rowType must not be null");
		assertThat(catchThrowable(() -> blocking.runQueue().list(null)))
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("status must be WAITING or INACTIVE but was null");
		assertThat(catchThrowable(() -> blocking.workerTasks().runAndAwait("t1", Duration.ZERO)))
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("timeout");
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anInterruptCancelsTheCallAndLeavesTheInterruptSet() {
		AtomicInteger requests = new AtomicInteger();
		AtomicBoolean cancelled = new AtomicBoolean();
		ClientHttpConnector silent = (method, uri, callback) -> callback.apply(new MockClientHttpRequest(method, uri))
			.then(Mono.fromRunnable(requests::incrementAndGet))
			.then(Mono.never())
			.doOnCancel(() -> cancelled.set(true))
			.cast(org.springframework.http.client.reactive.ClientHttpResponse.class);
		CoreClawClient client = ClosesClients.track(
				CoreClawClient.builder(CoreClawClientSettings.of(API_KEY).withBaseUrl(URI.create("http://localhost:9")))
					.connector(silent)
					.build());
		Thread caller = Thread.currentThread();
		Disposable interrupter = Schedulers.boundedElastic().schedule(() -> {
			await().atMost(Duration.ofSeconds(5)).untilAtomic(requests, equalTo(1));
			caller.interrupt();
		});
		Throwable thrown;
		boolean interrupted;
		try {
			thrown = catchThrowable(() -> client.blocking().workerRuns().getRun(RUN));
		}
		finally {
			// Read and cleared, so that the rest of the test may wait.
			interrupted = Thread.interrupted();
			interrupter.dispose();
		}
		assertThat(interrupted).isTrue();
		assertThat(thrown).isExactlyInstanceOf(CoreClawInterruptedException.class)
			.hasMessage("The thread waiting for a CoreClaw call was interrupted, so the call was cancelled; a "
					+ "request already sent may still take effect at CoreClaw.")
			.hasCauseExactlyInstanceOf(InterruptedException.class);
		await().atMost(Duration.ofSeconds(5)).untilTrue(cancelled);
		assertThat(requests).hasValue(1);
	}

	@Test
	void anInterruptedThreadSendsNothing() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		BlockingCoreClawClient blocking = client().blocking();
		Thread.currentThread().interrupt();
		Throwable thrown;
		boolean interrupted;
		try {
			thrown = catchThrowable(() -> blocking.workerTasks().runAsync("t1"));
		}
		finally {
			interrupted = Thread.interrupted();
		}
		assertThat(interrupted).isTrue();
		assertThat(thrown).isExactlyInstanceOf(CoreClawInterruptedException.class)
			.hasMessage("The thread calling CoreClaw was interrupted before the call, so nothing was sent.");
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aStreamReadsAPageOnlyWhenTheConsumerReachesIt() {
		stubPages(150);
		Stream<Map<String, Object>> rows = client().blocking().workerRuns().results(RUN);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		Iterator<Map<String, Object>> iterator = rows.iterator();
		assertThat(List.of(iterator.next(), iterator.next(), iterator.next())).extracting((row) -> row.get("n"))
			.containsExactly(1, 2, 3);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=1&limit=100")));
		for (int n = 4; n <= 100; n++) {
			assertThat(iterator.next()).containsEntry("n", n);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		assertThat(iterator.next()).containsEntry("n", 101);
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=2&limit=100")));
		int more = 0;
		while (iterator.hasNext()) {
			iterator.next();
			more++;
		}
		assertThat(more).isEqualTo(49);
		// The short page was the last: nothing more is read, even when asked again.
		assertThat(iterator.hasNext()).isFalse();
		rows.close();
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aStreamAsksForAPageOnlyWhenTheConsumerReachesIt() {
		// The connector answers on the caller's thread, so what has been asked for is known at each
		// step, with no request still on its way.
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			urls.add(InMemoryConnector.pathAndQuery(request));
			return new InMemoryConnector.Reply(200, resultPage(InMemoryConnector.page(request), 150));
		});
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, null)) {
			Stream<Map<String, Object>> rows = client.blocking().workerRuns().results(RUN);
			assertThat(urls).isEmpty();
			Iterator<Map<String, Object>> iterator = rows.iterator();
			for (int n = 1; n <= 100; n++) {
				assertThat(iterator.next()).containsEntry("n", n);
				assertThat(urls).containsExactly(DETAIL + "/result?offset=1&limit=100");
			}
			assertThat(iterator.next()).containsEntry("n", 101);
			assertThat(urls).containsExactly(DETAIL + "/result?offset=1&limit=100",
					DETAIL + "/result?offset=2&limit=100");
			rows.close();
			assertThat(iterator.hasNext()).isFalse();
			assertThat(urls).hasSize(2);
		}
	}

	@Test
	void aClosedStreamReadsNothingMore() {
		stubPages(150);
		Stream<Map<String, Object>> rows = client().blocking().workerRuns().results(RUN);
		Iterator<Map<String, Object>> iterator = rows.iterator();
		for (int n = 1; n <= 3; n++) {
			assertThat(iterator.next()).containsEntry("n", n);
		}
		rows.close();
		assertThat(iterator.hasNext()).isFalse();
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aLimitedStreamReadsOnlyThePagesItNeeds() {
		stubPages(150);
		try (Stream<WorkerRunOperationsTests.Numbered> rows = client().blocking()
			.workerRuns()
			.results(RUN, WorkerRunOperationsTests.Numbered.class)) {
			assertThat(rows.limit(3).map(WorkerRunOperationsTests.Numbered::n)).containsExactly(1, 2, 3);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		try (Stream<Map<String, Object>> rows = client().blocking().workerRuns().results(RUN)) {
			assertThat(rows.count()).isEqualTo(150);
		}
		wireMock.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRunListOverTwoMonthsReadsTheEarlierMonthOnlyWhenTheLaterOneIsRead() {
		String first = "/api/v2/worker-runs?offset=1&limit=100&status=succeeded";
		String april = first + "&start_time=1774972800&end_time=1775750400";
		String march = first + "&start_time=1773504000&end_time=1774886400";
		wireMock.stubFor(get(urlEqualTo(april)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":2,\"list\":" + RunListTests.runList(1, 2) + "}}")));
		wireMock.stubFor(get(urlEqualTo(march)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":1,\"list\":" + RunListTests.runList(3, 3) + "}}")));
		RunQuery query = RunQuery.builder()
			.status(RunStatus.SUCCEEDED)
			.createdBetween(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 10))
			.build();
		try (Stream<WorkerRun> runs = client().blocking().workerRuns().list(query)) {
			wireMock.verify(0, anyRequestedFor(anyUrl()));
			Iterator<WorkerRun> iterator = runs.iterator();
			assertThat(iterator.next().runSlug()).isEqualTo(new RunSlug("01RUN1"));
			assertThat(iterator.next().runSlug()).isEqualTo(new RunSlug("01RUN2"));
			wireMock.verify(1, anyRequestedFor(anyUrl()));
			wireMock.verify(1, getRequestedFor(urlEqualTo(april)));
			assertThat(iterator.next().runSlug()).isEqualTo(new RunSlug("01RUN3"));
			wireMock.verify(1, getRequestedFor(urlEqualTo(march)));
			assertThat(iterator.hasNext()).isFalse();
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRunListAsksForTheEarlierMonthOnlyWhenTheLaterOneIsRead() {
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			urls.add(InMemoryConnector.pathAndQuery(request));
			boolean april = request.getURI().getRawQuery().contains("start_time=1774972800");
			return new InMemoryConnector.Reply(200, "{\"code\":0,\"data\":{\"count\":" + (april ? 2 : 1)
					+ ",\"list\":" + (april ? RunListTests.runList(1, 2) : RunListTests.runList(3, 3)) + "}}");
		});
		RunQuery query = RunQuery.builder().createdBetween(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 10)).build();
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, null);
				Stream<WorkerRun> runs = client.blocking().workerRuns().list(query)) {
			assertThat(urls).isEmpty();
			Iterator<WorkerRun> iterator = runs.iterator();
			iterator.next();
			iterator.next();
			assertThat(urls).containsExactly("/api/v2/worker-runs?offset=1&limit=100&start_time=1774972800&end_time=1775750400");
			assertThat(iterator.next().runSlug()).isEqualTo(new RunSlug("01RUN3"));
			assertThat(urls).hasSize(2)
				.endsWith("/api/v2/worker-runs?offset=1&limit=100&start_time=1773504000&end_time=1774886400");
			assertThat(iterator.hasNext()).isFalse();
			assertThat(urls).hasSize(2);
		}
	}

	@Test
	void everyListStreamsTheItemsOfItsReactiveTwinWithTheSameRequests() {
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			urls.add(InMemoryConnector.pathAndQuery(request));
			return new InMemoryConnector.Reply(200,
					listPage(request.getURI().getRawPath(), InMemoryConnector.page(request), 150));
		});
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, null)) {
			BlockingCoreClawClient blocking = client.blocking();
			assertSameItems(blocking.workers().list(), client.workers().list(), urls);
			assertSameItems(blocking.workers().store("maps"), client.workers().store("maps"), urls);
			assertSameItems(blocking.workerTasks().list(), client.workerTasks().list(), urls);
			assertSameItems(blocking.runQueue().list(QueueStatus.WAITING), client.runQueue().list(QueueStatus.WAITING),
					urls);
			assertSameItems(blocking.runQueue().list(), client.runQueue().list(), urls);
		}
	}

	private static <T> void assertSameItems(Stream<T> blocking, Flux<T> reactive, List<String> urls) {
		assertThat(urls).isEmpty();
		List<T> expected = reactive.collectList().block(Duration.ofSeconds(5));
		List<String> expectedUrls = List.copyOf(urls);
		urls.clear();
		try (blocking) {
			assertThat(blocking.toList()).hasSize(150).isEqualTo(expected);
		}
		assertThat(expectedUrls).hasSize(2);
		assertThat(urls).isEqualTo(expectedUrls);
		urls.clear();
	}

	/** Page {@code page} of {@code total} items of the list at a path, 100 a page. */
	private static String listPage(String path, int page, int total) {
		StringBuilder items = new StringBuilder();
		for (int n = (page - 1) * 100 + 1; n <= Math.min(total, page * 100); n++) {
			items.append((items.length() > 0) ? "," : "").append(switch (path) {
				case "/api/v2/workers", "/api/v2/store" -> "{\"slug\":\"worker-" + n + "\",\"name\":\"worker-" + n
						+ "\",\"path\":\"owner~worker-" + n + "\",\"title\":\"Worker " + n + "\",\"username\":\"owner\"}";
				case "/api/v2/worker-tasks" -> "{\"id\":" + n + ",\"slug\":\"task-" + n + "\",\"title\":\"Task " + n
						+ "\",\"version\":\"latest\",\"worker_slug\":\"demo-worker\"}";
				case "/api/v2/run-queue/items" -> "{\"queue_ref\":\"" + n + "\",\"queue_status\":\"waiting\"}";
				default -> throw new IllegalArgumentException(path);
			});
		}
		String data = path.startsWith("/api/v2/worker-tasks") || path.startsWith("/api/v2/run-queue")
				? "{\"count\":" + total + ",\"page_index\":" + page + ",\"page_size\":100,\"list\":[" + items + "]}"
				: "{\"scraper\":[" + items + "]}";
		return "{\"code\":0,\"message\":\"success\",\"data\":" + data + "}";
	}

	@Test
	void theBlockingCallsGoThroughTheClientsOwnRetries() {
		wireMock.stubFor(get(urlEqualTo(DETAIL)).inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(envelope(429, 13000, "too many requests"))
			.willSetStateTo("ok"));
		wireMock.stubFor(get(urlEqualTo(DETAIL)).inScenario("flaky")
			.whenScenarioStateIs("ok")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"running\"}}")));
		CoreClawClient client = ClosesClients
			.track(CoreClawClient.builder(settings(wireMock)).retry(RetryFaultTests.FAST).build());
		assertThat(client.blocking().workerRuns().getRun(RUN).status()).isEqualTo(RunStatus.RUNNING);
		wireMock.verify(2, getRequestedFor(urlEqualTo(DETAIL)));
	}

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

	private static CoreClawClient client() {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build());
	}

}
