/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.OutputOnFailure;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code query-token} on Reactor Netty's connector, the token is added to the request line
 * as the request is encoded: exactly once on every request, on a connection reused from the
 * pool, on a retried call, with a query of the call's own and over HTTP/2, never on a redirect
 * that an application's connector follows, and never printed by any logger (the root logger at
 * TRACE). On another connector (the JDK's) the token is in the URI the connector is given, which
 * no logger prints either.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class QueryTokenOnTheWireTests {

	private static final String HANDLER = "coreclaw.queryToken";

	private static final String RUN_DETAIL = "{\"code\":0,\"request_id\":\"req-1\",\"data\":{\"slug\":\"r1\",\"status\":\"running\",\"results\":0}}";

	private static final String WORKER_PAGE = "{\"code\":0,\"request_id\":\"req-p1\",\"data\":{\"scraper\":[{\"slug\":\"w1\","
			+ "\"name\":\"w1\",\"path\":\"owner~w1\",\"title\":\"W1\",\"username\":\"owner\",\"description\":\"W\"}]}}";

	private static final CoreClawRetrySettings FAST = CoreClawRetrySettings.defaults()
		.withBackoff(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), 0.0);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(Level.TRACE, Logger.ROOT_LOGGER_NAME);

	private final ConnectionProvider oneConnection = ConnectionProvider.builder("query-token-test")
		.maxConnections(1)
		.pendingAcquireTimeout(Duration.ofSeconds(5))
		.build();

	/** Per request: the connection it went out on and the handlers of that connection. */
	private final List<String> beforeRequest = new CopyOnWriteArrayList<>();

	private final List<String> afterRequest = new CopyOnWriteArrayList<>();

	@AfterEach
	void disposePool() {
		this.oneConnection.disposeLater().block(Duration.ofSeconds(5));
	}

	@Test
	void everyRequestOnAReusedConnectionCarriesTheTokenOnceRetriesIncluded() {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/a/runs")).willReturn(json(200, RUN_OK)));
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/workers")).willReturn(json(200, WORKER_PAGE)));
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/worker-runs/r1")).willReturn(json(200, RUN_DETAIL)));
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/flaky/runs")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(envelope(500, 10000, "internal server error"))
			.willSetStateTo("recovered"));
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/flaky/runs")).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(json(200, RUN_OK)));
		CoreClawClient client = client(HttpClient.create(this.oneConnection));

		client.workerTasks().runAsync("a").block(Duration.ofSeconds(5));
		assertThat(client.workers().list("coffee & tea+").collectList().block(Duration.ofSeconds(5))).hasSize(1);
		client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5));
		assertThat(client.workerTasks().runAsync("flaky").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		client.workerTasks().runAsync("a").block(Duration.ofSeconds(5));

		String token = "token=" + API_KEY;
		assertThat(received()).containsExactly("POST /api/v2/worker-tasks/a/runs?" + token,
				"GET /api/v2/workers?offset=1&limit=100&keyword=coffee%20%26%20tea%2B&" + token,
				"GET /api/v2/worker-runs/r1?" + token, "POST /api/v2/worker-tasks/flaky/runs?" + token,
				"POST /api/v2/worker-tasks/flaky/runs?" + token, "POST /api/v2/worker-tasks/a/runs?" + token);
		assertNoLogLineHasTheKey();
		// One connection for all six requests; the token's handler is on it while a request is
		// sent and gone again before the next one (Reactor Netty removes it on release).
		assertThat(this.afterRequest).hasSize(6).containsOnly(this.afterRequest.get(0));
		assertThat(this.afterRequest.get(0)).contains(HANDLER);
		assertThat(this.beforeRequest).hasSize(6).allSatisfy((pipeline) -> assertThat(pipeline).doesNotContain(HANDLER));
	}

	@Test
	void overHttp2TheTokenIsInThePathOnce() {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/a/runs")).willReturn(json(200, RUN_OK)));
		CoreClawClient client = client(HttpClient.create(this.oneConnection).protocol(HttpProtocol.H2C));

		client.workerTasks().runAsync("a").block(Duration.ofSeconds(5));
		client.workerTasks().runAsync("a").block(Duration.ofSeconds(5));

		assertThat(received()).containsExactly("POST /api/v2/worker-tasks/a/runs?token=" + API_KEY,
				"POST /api/v2/worker-tasks/a/runs?token=" + API_KEY);
		assertThat(wireMock.getAllServeEvents()).allSatisfy((event) -> assertThat(event.getRequest().getProtocol())
			.isEqualTo("HTTP/2.0"));
		assertNoLogLineHasTheKey();
	}

	@Test
	void aRedirectThatAConnectorFollowsGoesWithoutTheToken() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/worker-runs/old"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "/api/v2/worker-runs/r1")));
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/worker-runs/r1")).willReturn(json(200, RUN_DETAIL)));
		CoreClawClient client = client(HttpClient.create(this.oneConnection).followRedirect(true));

		client.workerRuns().getRun(new RunSlug("old")).block(Duration.ofSeconds(5));

		assertThat(received()).containsExactly("GET /api/v2/worker-runs/old?token=" + API_KEY,
				"GET /api/v2/worker-runs/r1");
	}

	@Test
	void onAnotherConnectorTheTokenIsInTheUriThatNoLoggerPrints() {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/a/runs")).willReturn(json(200, RUN_OK)));
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/workers")).willReturn(json(200, WORKER_PAGE)));
		CoreClawClient client = ClosesClients.track(CoreClawClient
			.builder(settings(wireMock).withAuthScheme(AuthScheme.QUERY_TOKEN))
			.connector(new JdkClientHttpConnector())
			.build());

		client.workerTasks().runAsync("a").block(Duration.ofSeconds(5));
		assertThat(client.workers().list("maps").collectList().block(Duration.ofSeconds(5))).hasSize(1);

		assertThat(received()).containsExactly("POST /api/v2/worker-tasks/a/runs?token=" + API_KEY,
				"GET /api/v2/workers?offset=1&limit=100&keyword=maps&token=" + API_KEY);
		assertThat(this.logs.events()).anySatisfy((event) -> assertThat(event.getLoggerName())
			.startsWith("org.springframework.web"));
		assertThat(this.logs.events().stream().map(SecretsInEveryLogTests::render)
			.filter((line) -> line.contains(API_KEY))).isEmpty();
	}

	private CoreClawClient client(HttpClient httpClient) {
		HttpClient observed = httpClient
			.doOnRequest((request, connection) -> this.beforeRequest.add(describe(connection.channel())))
			.doAfterRequest((request, connection) -> this.afterRequest.add(describe(connection.channel())));
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock).withAuthScheme(AuthScheme.QUERY_TOKEN))
			.connector(new ReactorClientHttpConnector(observed))
			.retry(FAST)
			.build());
	}

	private static String describe(Channel channel) {
		return channel.id().asLongText() + " " + channel.pipeline().names();
	}

	/** The request lines CoreClaw received, in order. */
	private static List<String> received() {
		List<String> lines = new ArrayList<>();
		for (ServeEvent event : wireMock.getAllServeEvents()) {
			lines.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl());
		}
		Collections.reverse(lines);
		return lines;
	}

	private void assertNoLogLineHasTheKey() {
		List<ILoggingEvent> events = List.copyOf(this.logs.events());
		assertThat(events).anySatisfy((event) -> assertThat(event.getLoggerName()).startsWith("reactor.netty"));
		assertThat(events.stream().map(SecretsInEveryLogTests::render).filter((line) -> line.contains(API_KEY)))
			.isEmpty();
	}

}
