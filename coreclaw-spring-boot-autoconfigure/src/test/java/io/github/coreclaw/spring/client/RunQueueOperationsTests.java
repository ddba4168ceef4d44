/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RunQueueOperations} against WireMock: the exact requests, the replies, errors, bad
 * input and what is retried.
 */
@ExtendWith(OutputOnFailure.class)
class RunQueueOperationsTests {

	private static final String ITEMS = "/api/v2/run-queue/items";

	private static final String FIRST_PAGE = ITEMS + "?offset=1&limit=100";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void listReadsTheQueueRefStatusAndEveryOtherField() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-q","data":{"count":3,"page_index":1,"page_size":100,"list":[
				{"queue_ref":"123456","queue_status":"waiting","worker_id":"demo-worker","created_at":1786001200,"note":null},
				{"queue_ref":123457,"queue_status":"INACTIVE"},
				{"queue_ref":"123458","queue_status":"paused","input":{"parameters":{"custom":{"q":"coffee"}}}}]}}""")));
		Map<String, Object> firstAttributes = new HashMap<>();
		firstAttributes.put("worker_id", "demo-worker");
		firstAttributes.put("created_at", 1786001200);
		firstAttributes.put("note", null);
		try (CoreClawClient client = client()) {
			List<QueueItem> items = client.runQueue().list().collectList().block(Duration.ofSeconds(5));
			assertThat(items).containsExactly(
					QueueItem.builder("123456", QueueStatus.WAITING).attributes(firstAttributes).build(),
					QueueItem.builder("123457", QueueStatus.INACTIVE).build(),
					QueueItem.builder("123458", QueueStatus.UNKNOWN)
						.attributes(Map.of("input", Map.of("parameters", Map.of("custom", Map.of("q", "coffee")))))
						.build());
			assertThat(items.get(0).attributes()).containsOnlyKeys("worker_id", "created_at", "note");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE)).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
	}

	@ParameterizedTest(name = "{0} -> status={1}")
	@CsvSource({ "WAITING, waiting", "INACTIVE, inactive" })
	void listByStatusSendsTheStatusAsCoreClawSpellsIt(QueueStatus status, String sent) {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE + "&status=" + sent)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"queue_ref\":\"1\",\"queue_status\":\"" + sent + "\"}]}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.runQueue().list(status).map(QueueItem::status).collectList().block(Duration.ofSeconds(5)))
				.containsExactly(status);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(FIRST_PAGE + "&status=" + sent)));
	}

	@Test
	void anEmptyQueueMayComeWithoutAList() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"data\":{}}")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.runQueue().list()).verifyComplete();
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void listReadsEveryPage() {
		for (int page = 1; page <= 3; page++) {
			wireMock.stubFor(get(urlEqualTo(ITEMS + "?offset=" + page + "&limit=100&status=waiting"))
				.willReturn(json(200, itemPage(page, 250))));
		}
		try (CoreClawClient client = client()) {
			List<QueueItem> items = client.runQueue().list(QueueStatus.WAITING).collectList().block(Duration.ofSeconds(5));
			assertThat(items).hasSize(250);
			assertThat(items.get(0).queueRef()).isEqualTo("1");
			assertThat(items.get(249).queueRef()).isEqualTo("250");
		}
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		for (int page = 1; page <= 3; page++) {
			wireMock.verify(1, getRequestedFor(urlEqualTo(ITEMS + "?offset=" + page + "&limit=100&status=waiting")));
		}
	}

	@Test
	void aSlowSubscriberMakesItReadAtMostOnePageAhead() {
		// The connector answers synchronously, so what has been asked for is known at each step:
		// the page being read and at most one more.
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			urls.add(InMemoryConnector.pathAndQuery(request));
			return new InMemoryConnector.Reply(200, itemPage(InMemoryConnector.page(request), 450));
		});
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, null)) {
			StepVerifier.create(client.runQueue().list(), 1)
				.expectNextMatches((item) -> item.queueRef().equals("1"))
				.then(() -> assertThat(urls).hasSize(2))
				.thenRequest(149)
				.expectNextCount(149)
				.then(() -> assertThat(urls).hasSize(3))
				.thenRequest(50)
				.expectNextCount(50)
				.then(() -> assertThat(urls).hasSize(4))
				.thenRequest(1)
				.expectNextMatches((item) -> item.queueRef().equals("201"))
				.then(() -> assertThat(urls).hasSize(4))
				.thenCancel()
				.verify(Duration.ofSeconds(5));
		}
		assertThat(urls).containsExactly(FIRST_PAGE, ITEMS + "?offset=2&limit=100", ITEMS + "?offset=3&limit=100",
				ITEMS + "?offset=4&limit=100");
	}

	@Test
	void anItemWithoutQueueRefIsAnError() {
		wireMock.stubFor(get(urlEqualTo(FIRST_PAGE)).willReturn(
				json(200, "{\"code\":0,\"request_id\":\"req-b\",\"data\":{\"list\":[{\"queue_status\":\"waiting\"}]}}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.runQueue().list().blockLast(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered GET /api/v2/run-queue/items?offset=1&limit=100 with HTTP 200, code 0 "
						+ "(request_id req-b) but without the expected data.list of queue items, each with its queue_ref");
		}
	}

	@Test
	void activatePostsTheRefsAndReadsEachItemsResult() {
		wireMock.stubFor(post(urlEqualTo(ITEMS + "/activate")).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-a","data":{"results":[
				{"queue_ref":"123456","success":true},
				{"queue_ref":"123457","success":false,"error":"queue item is not waiting"}]}}""")));
		try (CoreClawClient client = client()) {
			List<QueueItemResult> results = client.runQueue().activate(List.of("123456", "123457"))
				.block(Duration.ofSeconds(5));
			assertThat(results).containsExactly(new QueueItemResult("123456", true, null),
					new QueueItemResult("123457", false, "queue item is not waiting"));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/activate"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", containing("application/json"))
			.withRequestBody(equalToJson("{\"queue_refs\":[\"123456\",\"123457\"]}", false, false)));
	}

	@Test
	void activateOverThePlansConcurrencyIsAConcurrencyLimitError() {
		wireMock.stubFor(post(urlEqualTo(ITEMS + "/activate"))
			.willReturn(envelope(200, 30003, "running tasks reached the plan limit")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawConcurrencyLimitException.class)
				.isThrownBy(() -> client.runQueue().activate(List.of("123456")).block(Duration.ofSeconds(5)))
				.withMessageStartingWith("CoreClaw rejected POST /api/v2/run-queue/items/activate: HTTP 200, code 30003");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-123\",\"data\":{}}",
			"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-123\"}",
			"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-123\",\"data\":null}",
			"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-123\",\"data\":{\"results\":null}}",
			"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-123\",\"data\":{\"results\":[]}}" })
	void aCodeZeroReplyWithoutPerItemResultsAcceptsEveryItemAskedForWithoutDetail(String reply) {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, reply)));
		try (CoreClawClient client = client()) {
			assertThat(client.runQueue().activate(List.of("123457", "123456")).block(Duration.ofSeconds(5)))
				.containsExactly(new QueueItemResult("123457", true, null, false),
						new QueueItemResult("123456", true, null, false));
			assertThat(client.runQueue().release(List.of("9", "8", "7"), "no longer needed").block(Duration.ofSeconds(5)))
				.containsExactly(QueueItemResult.acceptedWithoutDetail("9"), QueueItemResult.acceptedWithoutDetail("8"),
						QueueItemResult.acceptedWithoutDetail("7"));
			QueueItemResult one = client.runQueue().release("123456", null).block(Duration.ofSeconds(5));
			assertThat(one).isEqualTo(QueueItemResult.acceptedWithoutDetail("123456"));
			assertThat(one.success()).isTrue();
			assertThat(one.error()).isNull();
			assertThat(one.reported()).isFalse();
		}
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/activate")));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/release")));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/123456/release")));
	}

	@Test
	void aReportedResultSaysSoAndOnlyAnAcceptedResultMayGoUnreported() {
		assertThat(new QueueItemResult("1", false, "queue item not found").reported()).isTrue();
		assertThat(new QueueItemResult("1", true, null)).isNotEqualTo(QueueItemResult.acceptedWithoutDetail("1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new QueueItemResult("1", false, null, false))
			.withMessage("a result that CoreClaw did not report must be a success without error");
		assertThatIllegalArgumentException().isThrownBy(() -> new QueueItemResult("1", true, "why", false))
			.withMessage("a result that CoreClaw did not report must be a success without error");
	}

	@Test
	void aResultWithoutItsQueueRefIsAnError() {
		wireMock.stubFor(post(anyUrl()).willReturn(
				json(200, "{\"code\":0,\"request_id\":\"req-r\",\"data\":{\"results\":[{\"success\":true}]}}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.runQueue().activate(List.of("1")).block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered POST /api/v2/run-queue/items/activate with HTTP 200, code 0 "
						+ "(request_id req-r) but without the expected data.results, each with its queue_ref");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void releasePostsTheRefsAndTheReason() {
		wireMock.stubFor(post(urlEqualTo(ITEMS + "/release")).willReturn(json(200, """
				{"code":0,"data":{"results":[{"queue_ref":"123456","success":true,"error":""},
				{"queue_ref":"999","success":false,"error":"queue item not found"}]}}""")));
		try (CoreClawClient client = client()) {
			assertThat(client.runQueue().release(List.of("123456", "999"), "no longer needed").block(Duration.ofSeconds(5)))
				.containsExactly(new QueueItemResult("123456", true, null),
						new QueueItemResult("999", false, "queue item not found"));
			client.runQueue().release(List.of("123456"), null).block(Duration.ofSeconds(5));
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/release"))
			.withHeader("Content-Type", containing("application/json"))
			.withRequestBody(equalToJson("{\"queue_refs\":[\"123456\",\"999\"],\"reason\":\"no longer needed\"}", false,
					false)));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/release"))
			.withRequestBody(equalToJson("{\"queue_refs\":[\"123456\"]}", false, false)));
	}

	@Test
	void releaseOneNamesTheItemInThePath() {
		wireMock.stubFor(post(urlEqualTo(ITEMS + "/123456/release"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"results\":[{\"queue_ref\":\"123456\",\"success\":true}]}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.runQueue().release("123456", "duplicate").block(Duration.ofSeconds(5)))
				.isEqualTo(new QueueItemResult("123456", true, null));
			client.runQueue().release("123456", null).block(Duration.ofSeconds(5));
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/123456/release"))
			.withHeader("Content-Type", containing("application/json"))
			.withRequestBody(equalToJson("{\"reason\":\"duplicate\"}", false, false)));
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/123456/release")).withRequestBody(equalToJson("{}", false, false)));
	}

	@Test
	void releaseOneTakesTheResultOfItsItem() {
		try (CoreClawClient client = client()) {
			wireMock.stubFor(post(anyUrl()).willReturn(json(200,
					"{\"code\":0,\"data\":{\"results\":[{\"queue_ref\":\"1\",\"success\":true},{\"queue_ref\":\"7\",\"success\":false,\"error\":\"released already\"}]}}")));
			assertThat(client.runQueue().release("7", null).block(Duration.ofSeconds(5)))
				.isEqualTo(new QueueItemResult("7", false, "released already"));
			wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"results\":[{\"success\":true}]}}")));
			assertThat(client.runQueue().release("7", null).block(Duration.ofSeconds(5)))
				.isEqualTo(new QueueItemResult("7", true, null));
			wireMock.stubFor(post(anyUrl())
				.willReturn(json(200, "{\"code\":0,\"data\":{\"results\":[{\"queue_ref\":\"8\",\"success\":true}]}}")));
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.runQueue().release("7", null).block(Duration.ofSeconds(5)))
				.withMessageEndingWith("but without the expected data.results with the item's result");
		}
	}

	@Test
	void anUnknownItemIsNotFound() {
		wireMock.stubFor(post(urlEqualTo(ITEMS + "/404404/release")).willReturn(envelope(404, 11004, "not found")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.runQueue().release("404404", null).block(Duration.ofSeconds(5)));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void badInputIsRefusedBeforeAnyRequest() {
		try (CoreClawClient client = client()) {
			RunQueueOperations queue = client.runQueue();
			assertThatIllegalArgumentException().isThrownBy(() -> queue.list(null))
				.withMessage("status must be WAITING or INACTIVE but was null");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.list(QueueStatus.UNKNOWN))
				.withMessage("status must be WAITING or INACTIVE but was UNKNOWN");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.activate(null))
				.withMessage("queueRefs must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.activate(List.of()))
				.withMessage("queueRefs must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.activate(List.of("1", " ")))
				.withMessage("queueRefs[1] must not be blank");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.activate(Arrays.asList("1", null)))
				.withMessage("queueRefs[1] must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.activate(List.of("1/release")))
				.withMessageStartingWith("queueRefs[0] must contain only letters");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.activate(List.of("1", "2", "1")))
				.withMessage("queueRefs must not name an item twice but has \"1\" twice");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.release(List.of(), "why"))
				.withMessage("queueRefs must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.release(List.of("1"), " "))
				.withMessage("reason must not be blank; pass null for none");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.release((String) null, "why"))
				.withMessage("queueRef must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.release("", "why"))
				.withMessage("queueRef must not be blank");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.release("..", "why"))
				.withMessage("queueRef must not be \"..\"");
			assertThatIllegalArgumentException().isThrownBy(() -> queue.release("1", ""))
				.withMessage("reason must not be blank; pass null for none");
		}
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theRefsAreCopiedWhenTheCallIsMade() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"results\":[]}}")));
		List<String> refs = new ArrayList<>(List.of("1", "2"));
		try (CoreClawClient client = client()) {
			Mono<List<QueueItemResult>> activation = client.runQueue().activate(refs);
			refs.add("3");
			assertThat(activation.block(Duration.ofSeconds(5))).containsExactly(QueueItemResult.acceptedWithoutDetail("1"),
					QueueItemResult.acceptedWithoutDetail("2"));
		}
		wireMock.verify(1, postRequestedFor(urlEqualTo(ITEMS + "/activate"))
			.withRequestBody(equalToJson("{\"queue_refs\":[\"1\",\"2\"]}", false, false)));
	}

	@ParameterizedTest(name = "{0} after HTTP {1}: {2} attempts")
	@CsvSource({ "list, 500, 3", "list, 429, 3", "activate, 500, 1", "activate, 429, 3", "release, 500, 1",
			"release, 429, 3", "release-one, 500, 1", "release-one, 429, 3" })
	void listingIsRetriedLikeAReadActivatingAndReleasingOnlyWhenCoreClawDidNotActOnThem(String operation, int status,
			int attempts) {
		AtomicInteger calls = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			calls.incrementAndGet();
			return InMemoryConnector.error(status, (status == 429) ? 13000 : 10000, "failed");
		});
		CoreClawRetrySettings retry = CoreClawRetrySettings.defaults()
			.withBackoff(3, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), 0.0);
		Map<String, Function<RunQueueOperations, Mono<?>>> operations = Map.of("list",
				(queue) -> queue.list().collectList(), "activate", (queue) -> queue.activate(List.of("1")), "release",
				(queue) -> queue.release(List.of("1"), null), "release-one", (queue) -> queue.release("1", null));
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, retry)) {
			StepVerifier.withVirtualTime(() -> operations.get(operation).apply(client.runQueue()))
				.thenAwait(Duration.ofMinutes(1))
				.expectError((status == 429) ? CoreClawRateLimitedException.class : CoreClawApiException.class)
				.verify(Duration.ofSeconds(5));
		}
		assertThat(calls).hasValue(attempts);
	}

	@Test
	void queueStatusMapsCoreClawsSpelling() {
		assertThat(QueueStatus.from("waiting")).isEqualTo(QueueStatus.WAITING);
		assertThat(QueueStatus.from(" Inactive ")).isEqualTo(QueueStatus.INACTIVE);
		assertThat(QueueStatus.from("running")).isEqualTo(QueueStatus.UNKNOWN);
		assertThat(QueueStatus.from(null)).isEqualTo(QueueStatus.UNKNOWN);
		assertThat(QueueStatus.WAITING.value()).isEqualTo("waiting");
		assertThat(QueueStatus.INACTIVE.value()).isEqualTo("inactive");
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

	/** A page of queue items numbered from 1, 100 a page, the last one short. */
	private static String itemPage(int page, int total) {
		StringBuilder list = new StringBuilder("[");
		for (int n = (page - 1) * 100 + 1; n <= Math.min(total, page * 100); n++) {
			list.append((list.length() > 1) ? "," : "")
				.append("{\"queue_ref\":\"")
				.append(n)
				.append("\",\"queue_status\":\"waiting\"}");
		}
		return "{\"code\":0,\"data\":{\"count\":" + total + ",\"page_index\":" + page + ",\"page_size\":100,\"list\":"
				+ list + "]}}";
	}

}
