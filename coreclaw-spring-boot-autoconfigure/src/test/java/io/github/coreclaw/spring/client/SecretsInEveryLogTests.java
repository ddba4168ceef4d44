/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With every logger at TRACE (the root logger, so Reactor Netty, Netty and Spring included), a
 * run started, a run read and a refused call print the API key nowhere under any scheme, while
 * CoreClaw receives the key on each of them: under {@code query-token} as the {@code token}
 * parameter, once, which is added to the request line only as it is encoded for the wire.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class SecretsInEveryLogTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(Level.TRACE, Logger.ROOT_LOGGER_NAME);

	@ParameterizedTest
	@EnumSource(AuthScheme.class)
	void theKeyIsInNoLogLineAtTrace(AuthScheme scheme) {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/ok/runs"))
			.willReturn(json(200, "{\"code\":0,\"request_id\":\"req-ok\",\"data\":{\"run_slug\":\"r1\"}}")));
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/worker-runs/r1")).willReturn(json(200,
				"{\"code\":0,\"request_id\":\"req-1\",\"data\":{\"slug\":\"r1\",\"status\":\"running\",\"results\":0}}")));
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/denied/runs"))
			.willReturn(envelope(401, 12001, "authentication required")));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock).withAuthScheme(scheme)).build());

		client.workerTasks().runAsync("ok").block(Duration.ofSeconds(5));
		client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5));
		assertThatExceptionOfType(CoreClawAuthenticationException.class)
			.isThrownBy(() -> client.workerTasks().runAsync("denied").block(Duration.ofSeconds(5)));

		List<ILoggingEvent> events = List.copyOf(this.logs.events());
		assertThat(events).as("TRACE lines of Reactor Netty").anySatisfy((event) -> assertThat(event.getLoggerName())
			.startsWith("reactor.netty"));
		List<String> withKey = events.stream()
			.filter((event) -> render(event).contains(API_KEY))
			.map(ILoggingEvent::getLoggerName)
			.distinct()
			.toList();
		assertThat(withKey).isEmpty();

		String query = (scheme == AuthScheme.QUERY_TOKEN) ? "?token=" + API_KEY : "";
		assertThat(wireMock.getAllServeEvents()).map((event) -> event.getRequest().getMethod() + " "
				+ event.getRequest().getUrl())
			.containsExactlyInAnyOrder("POST /api/v2/worker-tasks/ok/runs" + query, "GET /api/v2/worker-runs/r1" + query,
					"POST /api/v2/worker-tasks/denied/runs" + query);
		if (scheme == AuthScheme.QUERY_TOKEN) {
			wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/api/v2/worker-tasks/ok/runs"))
				.withQueryParam("token", equalTo(API_KEY)));
			wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/r1"))
				.withQueryParam("token", equalTo(API_KEY)));
			wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/api/v2/worker-tasks/denied/runs"))
				.withQueryParam("token", equalTo(API_KEY)));
		}
		else {
			wireMock.verify(exactly(0), anyRequestedFor(anyUrl()).withQueryParam("token", matching(".*")));
		}
	}

	static String render(ILoggingEvent event) {
		String text = event.getLoggerName() + " " + event.getFormattedMessage();
		return (event.getThrowableProxy() != null) ? text + ThrowableProxyUtil.asString(event.getThrowableProxy()) : text;
	}

}
