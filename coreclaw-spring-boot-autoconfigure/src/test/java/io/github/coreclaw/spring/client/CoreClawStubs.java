/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Shared pieces of the WireMock tests of the client.
 */
final class CoreClawStubs {

	static final String API_KEY = "ck_test_7f3b2e9d41a0secret";

	private CoreClawStubs() {
	}

	static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	static CoreClawClientSettings settings(WireMockExtension wireMock) {
		return CoreClawClientSettings.of(API_KEY).withBaseUrl(URI.create(wireMock.baseUrl()));
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	static ResponseDefinitionBuilder envelope(int status, long code, String message) {
		return json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-123\"}");
	}

}
