/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Shared pieces of the WireMock tests: a stub server on a random port and CoreClaw replies.
 */
public final class CoreClawStubs {

	public static final String API_KEY = "ck_test_7f3b2e9d41a0secret";

	public static final String RUN_OK = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-ok\",\"data\":{\"run_slug\":\"r-ok\"}}";

	private CoreClawStubs() {
	}

	public static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	public static CoreClawClientSettings settings(WireMockExtension wireMock) {
		return CoreClawClientSettings.of(API_KEY).withBaseUrl(URI.create(wireMock.baseUrl()));
	}

	public static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/**
	 * Stub every POST to answer with the given responses in turn, the last one from then on.
	 */
	public static void stubSequence(WireMockExtension wireMock, ResponseDefinitionBuilder... responses) {
		String state = Scenario.STARTED;
		for (int i = 0; i < responses.length; i++) {
			String next = (i == responses.length - 1) ? state : "step-" + (i + 1);
			wireMock.stubFor(post(anyUrl()).inScenario("sequence")
				.whenScenarioStateIs(state)
				.willReturn(responses[i])
				.willSetStateTo(next));
			state = next;
		}
	}

	/**
	 * Stub a run's detail to answer {@code running} once, then {@code succeeded} from then on.
	 */
	public static void stubRunningThenSucceeded(WireMockExtension wireMock, String run) {
		String detail = "/api/v2/worker-runs/" + run;
		wireMock.stubFor(get(urlEqualTo(detail)).inScenario("run")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"" + run + "\",\"status\":\"running\"}}"))
			.willSetStateTo("done"));
		wireMock.stubFor(get(urlEqualTo(detail)).inScenario("run")
			.whenScenarioStateIs("done")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"" + run + "\",\"status\":\"succeeded\"}}")));
	}

	/**
	 * A loopback URL on which nothing listens (a port that was free a moment ago), for
	 * refused connections.
	 */
	public static URI closedPortUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ResponseDefinitionBuilder envelope(int status, long code, String message) {
		return json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-123\"}");
	}

}
