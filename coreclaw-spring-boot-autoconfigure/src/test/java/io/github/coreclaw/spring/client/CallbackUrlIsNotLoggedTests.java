/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A callback URL holds the receiver's secret: it is sent to CoreClaw in the request body, and
 * appears in no log line of the client, of Spring's web client or of its codecs, even at DEBUG.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class CallbackUrlIsNotLoggedTests {

	private static final String SECRET = "0123456789abcdef-secret";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs("io.github.coreclaw", "org.springframework.web",
			"org.springframework.http");

	@Test
	void theCallbackUrlIsSentButNotLoggedAtDebug() {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/t1/runs"))
			.willReturn(json(200, "{\"code\":0,\"request_id\":\"req-ok\",\"data\":{\"run_slug\":\"r1\"}}")));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build());
		RunOptions options = RunOptions.builder()
			.callbackUrl(URI.create("https://app.example.com/coreclaw/callback/" + SECRET))
			.build();
		assertThat(client.workerTasks().runAsync("t1", options).block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r1"));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/worker-tasks/t1/runs"))
			.withRequestBody(containing("\"callback_url\":\"https://app.example.com/coreclaw/callback/" + SECRET + "\"")));
		List<String> lines = this.logs.events()
			.stream()
			.map((event) -> event.getLoggerName() + " " + event.getFormattedMessage())
			.toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("org.springframework.web.HttpLogging"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("io.github.coreclaw.spring.client"));
		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotContain(SECRET));
	}

}
