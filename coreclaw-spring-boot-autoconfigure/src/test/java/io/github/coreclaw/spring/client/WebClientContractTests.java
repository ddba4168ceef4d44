/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.web.reactive.function.client.ClientRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client keeps WebClient's contract on a real Reactor Netty connection: exchange filters
 * that send a request again work as with a plain WebClient and see its {@code Content-Type}, a
 * header the connector refuses is "never sent", and replies are read by the WebClient's codecs
 * with their in-memory limit, reserving no memory before bytes arrive.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class WebClientContractTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private static final String RUNS = "/api/v2/worker-tasks/t1/runs";

	@Test
	void aFilterThatSendsTheRequestAgainAfterRefreshingItsTokenWorks() {
		wireMock.stubFor(post(urlPathEqualTo(RUNS)).inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(401, "{\"code\":401,\"message\":\"token expired\",\"request_id\":\"req-1\"}"))
			.willSetStateTo("refreshed"));
		wireMock.stubFor(post(urlPathEqualTo(RUNS)).inScenario("refresh")
			.whenScenarioStateIs("refreshed")
			.willReturn(json(200, CoreClawStubs.RUN_OK)));
		List<String> seen = new CopyOnWriteArrayList<>();
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.webClientCustomizer((builder) -> builder.filter((request, next) -> {
				seen.add(String.valueOf(request.headers().getContentType()));
				return next.exchange(request).flatMap((response) -> {
					if (response.statusCode().value() != 401) {
						return Mono.just(response);
					}
					return response.releaseBody()
						.then(next.exchange(ClientRequest.from(request)
							.headers((headers) -> headers.setBearerAuth("refreshed-key"))
							.build()));
				});
			}))
			.build());

		assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));

		assertThat(seen).containsExactly(MediaType.APPLICATION_JSON_VALUE);
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo(RUNS))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + CoreClawStubs.API_KEY))
			.withHeader(HttpHeaders.CONTENT_TYPE, equalTo(MediaType.APPLICATION_JSON_VALUE))
			.withRequestBody(equalToJson("{\"is_async\":true}")));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo(RUNS))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer refreshed-key"))
			.withHeader(HttpHeaders.CONTENT_TYPE, equalTo(MediaType.APPLICATION_JSON_VALUE))
			.withRequestBody(equalToJson("{\"is_async\":true}")));
	}

	@Test
	void aHeaderTheConnectorRefusesMeansTheRequestWasNeverSent() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, CoreClawStubs.RUN_OK)));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(RetryFaultTests.FAST)
			.webClientCustomizer((builder) -> builder.defaultHeader("X-Tenant", "a\r\nX-Injected: 1"))
			.build());

		assertThatExceptionOfType(CoreClawConnectionException.class)
			.isThrownBy(() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)))
			.withMessageStartingWith("The request for POST " + RUNS + " was refused before it was sent: ")
			.satisfies((ex) -> {
				assertThat(ex.isRequestSent()).isFalse();
				assertThat(ex.isRunMayExist()).isFalse();
			});
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aReplyOverTheCodecsLimitFailsAReadNamingTheProperty() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, runDetail(4096))));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(RetryFaultTests.FAST)
			.maxInMemorySize(1024)
			.build());

		assertThatExceptionOfType(CoreClawResponseTooLargeException.class)
			.isThrownBy(() -> client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)))
			.withMessage("CoreClaw's reply to GET /api/v2/worker-runs/r1 (HTTP 200) is larger than the WebClient's "
					+ "codecs may buffer (Exceeded limit on max bytes to buffer : 1024). Raise "
					+ "spring.http.codecs.max-in-memory-size (or set the codecs' limit in a CoreClawWebClientCustomizer),"
					+ " or ask for smaller pages.")
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.isRunMayExist()).isFalse();
				assertThat(ex.isActionMayHaveHappened()).isFalse();
			});
		// A reply too large once is too large again: not repeated.
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRunStartWhoseReplyIsOverTheLimitSaysTheRunWasCreated() {
		String padded = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-ok\",\"data\":{\"run_slug\":\"r-big\","
				+ "\"padding\":\"" + "x".repeat(4096) + "\"}}";
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, padded)));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(RetryFaultTests.FAST)
			.maxInMemorySize(1024)
			.build());

		assertThatExceptionOfType(CoreClawResponseTooLargeException.class)
			.isThrownBy(() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)))
			.withMessageEndingWith(" or ask for smaller pages. CoreClaw answered HTTP 200, so the run was created: look "
					+ "at the recent runs rather than starting it again.")
			.satisfies((ex) -> assertThat(ex.isRunMayExist()).isTrue());
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aCustomizerThatSetsTheCodecsLimitWins() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, runDetail(4096))));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.webClientCustomizer((builder) -> builder.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(2048)))
			.build());

		assertThatExceptionOfType(CoreClawResponseTooLargeException.class)
			.isThrownBy(() -> client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)))
			.withMessageContaining("(Exceeded limit on max bytes to buffer : 2048)");
	}

	@Test
	void theDefaultLimitReadsAPageOfOneHundredLargeRows() {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			rows.append((i > 0) ? "," : "").append("{\"id\":").append(i).append(",\"html\":\"").append("x".repeat(60_000))
				.append("\"}");
		}
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\","
				+ "\"data\":{\"count\":100,\"list\":[" + rows + "],\"page_index\":1,\"page_size\":100}}")));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build());

		ResultPage page = client.workerRuns().resultPage(new RunSlug("r1"), 1, 100).block(Duration.ofSeconds(10));

		assertThat(page.rows()).hasSize(100);
	}

	@Test
	void anAnnouncedLengthReservesNoMemoryBeforeTheBytesArrive() {
		// 100 replies that announce 16 MB each and then send nothing more.
		ClientHttpConnector announcing = (method, uri, requestCallback) -> requestCallback
			.apply(new MockClientHttpRequest(method, uri))
			.then(Mono.fromSupplier(() -> {
				MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
				response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
				response.getHeaders().setContentLength(16 * 1024 * 1024);
				DataBuffer start = DefaultDataBufferFactory.sharedInstance
					.wrap("{\"code\":0,".getBytes(StandardCharsets.UTF_8));
				response.setBody(Flux.concat(Flux.just(start), Flux.never()));
				return response;
			}));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.connector(announcing)
			.build());
		long before = Heap.usedAfterGc();
		List<Disposable> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			calls.add(client.workerRuns().getRun(new RunSlug("r" + i)).subscribe());
		}
		long during = Heap.usedAfterGc();
		calls.forEach(Disposable::dispose);

		// 100 × 16 MB would be 1.6 GB; what the calls really hold is a few kilobytes each.
		assertThat(during - before).isLessThan(64L * 1024 * 1024);
	}

	private static String runDetail(int padding) {
		return "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\",\"data\":{\"slug\":\"r1\","
				+ "\"status\":\"running\",\"padding\":\"" + "x".repeat(padding) + "\"}}";
	}

}
