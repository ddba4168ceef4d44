/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API key never shows in the DEBUG logs of {@code io.github.coreclaw} and
 * {@code org.springframework.web} over full request cycles.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class SecretsAreNotLoggedTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs("io.github.coreclaw", "org.springframework.web");

	@ParameterizedTest
	@EnumSource(AuthScheme.class)
	void keyIsAbsentFromDebugLogsOfSuccessAndFailure(AuthScheme scheme) {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/ok/runs"))
			.willReturn(json(200, "{\"code\":0,\"request_id\":\"req-ok\",\"data\":{\"run_slug\":\"r1\",\"run_status\":\"succeeded\"}}")));
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/denied/runs"))
			.willReturn(envelope(401, 12001, "authentication required")));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock).withAuthScheme(scheme)).build());
		client.workerTasks().runAsync("ok").block(Duration.ofSeconds(5));
		client.workerTasks().runSync("ok").block(Duration.ofSeconds(5));
		assertThatExceptionOfType(CoreClawAuthenticationException.class)
			.isThrownBy(() -> client.workerTasks().runAsync("denied").block(Duration.ofSeconds(5)));
		assertThat(client.toString()).doesNotContain(API_KEY);
		assertThat(client.settings().toString()).doesNotContain(API_KEY);

		List<String> lines = this.logs.events().stream().map(SecretsAreNotLoggedTests::render).toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("org.springframework.web"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("io.github.coreclaw.spring.client.CoreClawClient"));
		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotContain(API_KEY));
		if (scheme == AuthScheme.QUERY_TOKEN) {
			assertThat(lines).anySatisfy((line) -> assertThat(line)
				.contains("Sending POST " + wireMock.baseUrl() + "/api/v2/worker-tasks/ok/runs?token=******"));
		}
	}

	private static String render(ILoggingEvent event) {
		String text = event.getLoggerName() + " " + event.getFormattedMessage();
		return (event.getThrowableProxy() != null) ? text + ThrowableProxyUtil.asString(event.getThrowableProxy()) : text;
	}

}
