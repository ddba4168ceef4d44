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

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/**
 * What {@link WorkerOperations} reads: a Worker, its input schema, the account's and the store's
 * Workers and the proxy regions.
 */
@ExtendWith(OutputOnFailure.class)
class WorkerOperationsReadTests {

	private static final String WORKER = "/api/v2/workers/demo-worker";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void getReadsEveryField() {
		wireMock.stubFor(get(urlEqualTo(WORKER)).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-1","data":{"name":"demo-worker",
				"parameters":{"custom":{"type":"object"},"system":{"proxy_region":"US"}},"readme":"# Demo",
				"username":"owner","version":"latest","new_field":1}}""")));
		Worker worker;
		try (CoreClawClient client = client()) {
			worker = client.workers().get("demo-worker").block(Duration.ofSeconds(5));
		}
		assertThat(worker).isEqualTo(Worker.builder()
			.name("demo-worker")
			.username("owner")
			.version("latest")
			.readme("# Demo")
			.parameters(Map.of("custom", Map.of("type", "object"), "system", Map.of("proxy_region", "US")))
			.build());
		assertThat(worker.toString()).contains("readme=6 chars");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(WORKER)).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
	}

	@Test
	void getAcceptsADetailWithoutOptionalFields() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/workers/owner~demo-worker"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"name\":\"demo-worker\",\"readme\":\"\"}}")));
		Worker worker;
		try (CoreClawClient client = client()) {
			worker = client.workers().get("owner~demo-worker").block(Duration.ofSeconds(5));
		}
		assertThat(worker).isEqualTo(Worker.builder().name("demo-worker").build());
		assertThat(worker.parameters()).isEmpty();
		assertThat(worker.readme()).isNull();
	}

	@Test
	void getOfAnUnknownWorkerIsNotFound() {
		wireMock.stubFor(get(anyUrl()).willReturn(envelope(404, 50001, "worker does not exist")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workers().get("nope").block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw rejected GET /api/v2/workers/nope: HTTP 404, code 50001 \"worker does not exist\" "
						+ "(request_id req-123). Check the identifier in the request path.");
		}
	}

	@Test
	void getWithoutDataIsAnError() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, "{\"code\":0,\"request_id\":\"req-5\"}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workers().get("demo-worker").block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered GET " + WORKER + " with HTTP 200, code 0 (request_id req-5) but without "
						+ "the expected data");
		}
	}

	@Test
	void readsAreRetriedEvenAfterABrokenConnection() {
		wireMock.stubFor(get(anyUrl()).inScenario("reads")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("error"));
		wireMock.stubFor(get(anyUrl()).inScenario("reads")
			.whenScenarioStateIs("error")
			.willReturn(envelope(500, 10000, "internal server error"))
			.willSetStateTo("ok"));
		wireMock.stubFor(get(anyUrl()).inScenario("reads")
			.whenScenarioStateIs("ok")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"name\":\"demo-worker\"}}")));
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).retry(RetryFaultTests.FAST).build()) {
			assertThat(client.workers().get("demo-worker").block(Duration.ofSeconds(5)).name()).isEqualTo("demo-worker");
		}
		wireMock.verify(3, getRequestedFor(urlEqualTo(WORKER)));
	}

	@Test
	void inputSchemaReadsDataInputSchema() {
		wireMock.stubFor(get(urlEqualTo(WORKER + "/input-schema")).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-1","data":{"input_schema":{"type":"object",
				"properties":{"keyword":{"type":"string"}},"required":["keyword"]}}}""")));
		Map<String, Object> schema;
		try (CoreClawClient client = client()) {
			schema = client.workers().inputSchema("demo-worker").block(Duration.ofSeconds(5));
		}
		assertThat(schema).isEqualTo(Map.of("type", "object", "properties", Map.of("keyword", Map.of("type", "string")),
				"required", List.of("keyword")));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(WORKER + "/input-schema")));
	}

	@Test
	void inputSchemaReplyWithoutSchemaIsAnError() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, "{\"code\":0,\"request_id\":\"req-6\",\"data\":{}}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workers().inputSchema("demo-worker").block(Duration.ofSeconds(5)))
				.withMessageEndingWith("but without the expected data.input_schema");
		}
	}

	@Test
	void inputSchemaOfAnUnknownWorkerIsNotFound() {
		wireMock.stubFor(get(anyUrl()).willReturn(envelope(200, 50001, "worker does not exist")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workers().inputSchema("nope").block(Duration.ofSeconds(5)))
				.withMessageStartingWith("CoreClaw rejected GET /api/v2/workers/nope/input-schema: HTTP 200, code 50001");
		}
	}

	@Test
	void listReadsEveryPageUntilAShortOne() {
		stubWorkerPages("/api/v2/workers", "", 250);
		List<WorkerSummary> workers;
		try (CoreClawClient client = client()) {
			workers = client.workers().list().collectList().block(Duration.ofSeconds(10));
		}
		assertThat(workers).hasSize(250);
		assertThat(workers.get(0)).isEqualTo(WorkerSummary.builder()
			.slug("worker-1")
			.name("worker-1")
			.path("owner~worker-1")
			.title("Worker 1")
			.username("owner")
			.description("Worker number 1")
			.build());
		assertThat(workers.get(249).slug()).isEqualTo("worker-250");
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		for (int page = 1; page <= 3; page++) {
			wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/workers?offset=" + page + "&limit=100"))
				.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		}
	}

	@Test
	void listSendsTheKeywordEncoded() {
		stubWorkerPages("/api/v2/workers", "&keyword=coffee%20%26%20tea%2B", 3);
		try (CoreClawClient client = client()) {
			assertThat(client.workers().list("coffee & tea+").count().block(Duration.ofSeconds(10))).isEqualTo(3);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/workers?offset=1&limit=100&keyword=coffee%20%26%20tea%2B")));
	}

	@Test
	void storeReadsEveryPageWithTheKeyword() {
		stubWorkerPages("/api/v2/store", "&keyword=maps", 200);
		try (CoreClawClient client = client()) {
			assertThat(client.workers().store("maps").count().block(Duration.ofSeconds(10))).isEqualTo(200);
		}
		// 200 is two full pages: only an empty third page says that nothing follows.
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/store?offset=3&limit=100&keyword=maps")));
	}

	@Test
	void storeWithoutKeywordSendsNone() {
		stubWorkerPages("/api/v2/store", "", 1);
		try (CoreClawClient client = client()) {
			assertThat(client.workers().store(null).collectList().block(Duration.ofSeconds(10)))
				.extracting(WorkerSummary::slug)
				.containsExactly("worker-1");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/store?offset=1&limit=100")));
	}

	@Test
	void aNullOrMissingListIsAnEmptyPageAndBlankFieldsAreNull() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/store?offset=1&limit=100"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"scraper\":null}}")));
		wireMock.stubFor(get(urlEqualTo("/api/v2/workers?offset=1&limit=100")).willReturn(
				json(200, "{\"code\":0,\"data\":{\"scraper\":[{\"slug\":\"w1\",\"description\":\"\"},null]}}")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workers().store(null)).verifyComplete();
			StepVerifier.create(client.workers().list())
				.expectNext(WorkerSummary.builder().slug("w1").build())
				.verifyComplete();
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aPageEchoingAnotherPageNumberStopsTheList() {
		stubWorkerPages("/api/v2/workers", "", 150);
		wireMock.stubFor(get(urlEqualTo("/api/v2/workers?offset=2&limit=100"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"scraper\":[],\"page_index\":1}}")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workers().list())
				.expectNextCount(100)
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(CoreClawException.class)
					.hasMessageStartingWith("CoreClaw answered page 1 when asked for page 2 (100 a page) of the "
							+ "account's Workers."))
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void aPageRepeatingThePreviousOneStopsTheList() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/store")).willReturn(json(200, workerPage(1, 100))));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workers().store(null))
				.expectNextCount(100)
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(CoreClawException.class)
					.hasMessage("CoreClaw answered page 2 of the store's Workers with the same Workers as page 1. "
							+ "Reading on would repeat them, so the read stops here; CoreClaw may have changed what "
							+ "its offset parameter means."))
				.verify(Duration.ofSeconds(10));
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/store?offset=2&limit=100")));
	}

	@Test
	void aFailingPageFailsTheListAfterTheItemsBeforeIt() {
		stubWorkerPages("/api/v2/store", "&keyword=maps", 150);
		wireMock.stubFor(get(urlEqualTo("/api/v2/store?offset=2&limit=100&keyword=maps"))
			.willReturn(envelope(401, 12001, "authentication required")));
		try (CoreClawClient client = client()) {
			StepVerifier.create(client.workers().store("maps"))
				.expectNextCount(100)
				.expectError(CoreClawAuthenticationException.class)
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void aSlowSubscriberMakesItReadAtMostOnePageAhead() {
		List<String> requested = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requested.add(InMemoryConnector.pathAndQuery(request));
			return new InMemoryConnector.Reply(200, workerPage(InMemoryConnector.page(request), 550));
		});
		CoreClawClientSettings settings = CoreClawClientSettings.of("k-pages").withBaseUrl(URI.create("http://localhost:9"));
		try (CoreClawClient client = CoreClawClient.builder(settings).connector(connector).build()) {
			StepVerifier.create(client.workers().store("maps"), 1)
				.expectNextMatches((worker) -> "worker-1".equals(worker.slug()))
				.then(() -> assertThat(requested).hasSize(2))
				.thenRequest(150)
				.expectNextCount(150)
				.then(() -> assertThat(requested).hasSize(3))
				.thenRequest(40)
				.expectNextCount(40)
				.then(() -> assertThat(requested).hasSize(3))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}
		assertThat(requested).containsExactly("/api/v2/store?offset=1&limit=100&keyword=maps",
				"/api/v2/store?offset=2&limit=100&keyword=maps", "/api/v2/store?offset=3&limit=100&keyword=maps");
	}

	@Test
	void nothingIsReadBeforeSubscription() {
		try (CoreClawClient client = client()) {
			client.workers().list();
			client.workers().store("maps");
			client.workers().get("demo-worker");
			client.workers().proxyRegions();
		}
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void proxyRegionsSendNoLanguageByDefault() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/proxy/region")).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-1","data":{"list":[{"code":"US","name":"United States"},
				{"code":"DE","name":"Germany"},{"code":"","name":"nowhere"},{"code":"FR"}]}}""")));
		List<ProxyRegion> regions;
		try (CoreClawClient client = client()) {
			regions = client.workers().proxyRegions().block(Duration.ofSeconds(5));
		}
		assertThat(regions).containsExactly(new ProxyRegion("US", "United States"), new ProxyRegion("DE", "Germany"),
				new ProxyRegion("FR", "FR"));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/proxy/region")));
	}

	@Test
	void proxyRegionsInALanguage() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/proxy/region?language=zh"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"list\":[{\"code\":\"US\",\"name\":\"美国\"}]}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workers().proxyRegions("zh").block(Duration.ofSeconds(5)))
				.containsExactly(new ProxyRegion("US", "美国"));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void proxyRegionsWithoutListAreEmptyAndWithoutDataAnError() {
		wireMock.stubFor(get(anyUrl()).inScenario("regions")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "{\"code\":0,\"data\":{}}"))
			.willSetStateTo("no-data"));
		wireMock.stubFor(get(anyUrl()).inScenario("regions")
			.whenScenarioStateIs("no-data")
			.willReturn(json(200, "{\"code\":0,\"request_id\":\"req-3\"}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workers().proxyRegions().block(Duration.ofSeconds(5))).isEmpty();
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workers().proxyRegions().block(Duration.ofSeconds(5)))
				.withMessageEndingWith("but without the expected data.list");
		}
	}

	/** Pages of 100 Workers numbered from 1, the last one short (or empty). */
	private static void stubWorkerPages(String path, String keywordQuery, int total) {
		for (int page = 1; (page - 1) * 100 <= total; page++) {
			wireMock.stubFor(get(urlEqualTo(path + "?offset=" + page + "&limit=100" + keywordQuery))
				.willReturn(json(200, workerPage(page, total))));
		}
	}

	private static String workerPage(int page, int total) {
		StringBuilder items = new StringBuilder();
		for (int n = (page - 1) * 100 + 1; n <= Math.min(total, page * 100); n++) {
			items.append((items.length() > 0) ? "," : "")
				.append("{\"slug\":\"worker-")
				.append(n)
				.append("\",\"name\":\"worker-")
				.append(n)
				.append("\",\"path\":\"owner~worker-")
				.append(n)
				.append("\",\"title\":\"Worker ")
				.append(n)
				.append("\",\"username\":\"owner\",\"description\":\"Worker number ")
				.append(n)
				.append("\"}");
		}
		return "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-p" + page + "\",\"data\":{\"scraper\":[" + items
				+ "]}}";
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

}
