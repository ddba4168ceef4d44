/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JacksonException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Replies that cannot be decoded, and redirects, which the client never follows.
 */
@ExtendWith(ClosesClients.class)
class ReplyDecodingTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	static WireMockExtension elsewhere = CoreClawStubs.wireMock();

	@Test
	void dataOfTheWrongShapeKeepsJacksonsErrorAsTheCause() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200,
				"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-9\",\"data\":{\"slug\":\"r1\",\"started_at\":\"yesterday\"}}")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)));
		assertThat(ex.getCause()).isInstanceOf(JacksonException.class);
		assertThat(ex.getMessage()).startsWith("CoreClaw answered GET /api/v2/worker-runs/r1 with HTTP 200, code 0 "
				+ "(request_id req-9) but its data does not have the documented shape (the run detail): ");
		assertThat(ex.getRequestId()).isEqualTo("req-9");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aBodyThatIsNoJsonKeepsJacksonsErrorAsTheCause() {
		wireMock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("<html>hello</html>")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)));
		assertThat(ex.getCause()).isInstanceOf(JacksonException.class);
		assertThat(ex.getCode()).isEqualTo(CoreClawApiException.NO_CODE);
	}

	@Test
	void aRedirectIsAnErrorNamingTheHostAndIsNotFollowed() {
		elsewhere.stubFor(post(anyUrl()).willReturn(json(200, CoreClawStubs.RUN_OK)));
		String location = elsewhere.baseUrl().replace("localhost", "127.0.0.1")
				+ "/api/v2/worker-tasks/t1/runs?token=leaked-query";
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(307).withHeader("Location", location)));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getHttpStatus()).isEqualTo(307);
		assertThat(ex.getMessage()).isEqualTo("CoreClaw answered POST /api/v2/worker-tasks/t1/runs with a redirect "
				+ "(HTTP 307) to host 127.0.0.1. The client never follows redirects, so that the API key is not sent to "
				+ "another address: check coreclaw.base-url (it must be the API's own URL, " + wireMock.baseUrl()
				+ " now).");
		assertThat(ex.getMessage()).doesNotContain("leaked-query");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRedirectWithoutLocationSaysSo() {
		wireMock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(302)));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)));
		assertThat(ex.getMessage()).contains("with a redirect (HTTP 302) to nowhere (no Location header)");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	private static CoreClawClient client() {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(RetryFaultTests.FAST)
			.build());
	}

}
