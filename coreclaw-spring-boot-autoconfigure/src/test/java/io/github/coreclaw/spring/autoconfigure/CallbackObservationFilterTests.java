/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observation filter the callback receiver registers, on the shapes of requests a real
 * server does not produce in the integration tests: a context path, a secret written with
 * percent-encoded characters, a secret in an observation that is not a server request's.
 */
class CallbackObservationFilterTests {

	private static final String SECRET = "0123456789abcdef-secret";

	@Test
	void servletRequestUnderAContextPathWithAPercentEncodedSecretShowsThePattern() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST",
				"/app/coreclaw/callback/%30123456789abcdef-secre%74");
		request.setContextPath("/app");
		Observation.Context context = new org.springframework.http.server.observation.ServerRequestObservationContext(
				request, new MockHttpServletResponse());
		context.addHighCardinalityKeyValue(KeyValue.of("http.url", request.getRequestURI()));
		context.addLowCardinalityKeyValue(KeyValue.of("uri", "UNKNOWN"));
		context.setContextualName("http post");
		assertThat(keyValues(filter(properties("/coreclaw/callback/{secret}"), true).map(context)))
			.containsExactly(Map.entry("http.url", "/app/coreclaw/callback/{secret}"), Map.entry("uri", "UNKNOWN"));
	}

	@Test
	void reactiveRequestUnderACustomPathShowsThePatternAndOtherPathsAreLeftAlone() {
		CoreClawProperties properties = properties("/hooks/{secret}/coreclaw");
		Observation.Context callback = reactiveContext("/hooks/" + SECRET.toUpperCase() + "/coreclaw");
		assertThat(keyValues(filter(properties, false).map(callback)))
			.containsEntry("http.url", "/hooks/{secret}/coreclaw");
		Observation.Context other = reactiveContext("/hooks/else/where");
		assertThat(keyValues(filter(properties, false).map(other))).containsEntry("http.url", "/hooks/else/where");
	}

	@Test
	void theSecretIsReplacedInTheKeyValuesAndNameOfAnyObservation() {
		Observation.Context context = new Observation.Context();
		context.addLowCardinalityKeyValue(KeyValue.of("target", "https://app.example.com/coreclaw/callback/" + SECRET));
		context.addHighCardinalityKeyValue(KeyValue.of("exception.message", "no " + SECRET + " here"));
		context.addHighCardinalityKeyValue(KeyValue.of("other", "unrelated"));
		context.setContextualName("call " + SECRET);
		Observation.Context mapped = filter(properties("/coreclaw/callback/{secret}"), true).map(context);
		assertThat(keyValues(mapped)).containsExactly(Map.entry("exception.message", "no {secret} here"),
				Map.entry("other", "unrelated"), Map.entry("target", "https://app.example.com/coreclaw/callback/{secret}"));
		assertThat(mapped.getContextualName()).isEqualTo("call {secret}");
	}

	@Test
	void aCallbackPathThatIsNoPatternLeavesItsExplanationToTheClientButTheSecretIsStillReplaced() {
		Observation.Context context = reactiveContext("/coreclaw/callback/" + SECRET);
		assertThat(keyValues(filter(properties("/coreclaw/{secret"), false).map(context)))
			.containsEntry("http.url", "/coreclaw/callback/{secret}");
	}

	private static Observation.Context reactiveContext(String path) {
		MockServerHttpRequest request = MockServerHttpRequest.post(path).build();
		Observation.Context context = new ServerRequestObservationContext(request, new MockServerHttpResponse(),
				new HashMap<>());
		context.addHighCardinalityKeyValue(KeyValue.of("http.url", path));
		return context;
	}

	private static ObservationFilter filter(CoreClawProperties properties, boolean servlet) {
		return servlet ? WebMvcCallbackRouterConfiguration.coreClawCallbackObservationFilter(properties)
				: WebFluxCallbackRouterConfiguration.coreClawCallbackObservationFilter(properties);
	}

	private static CoreClawProperties properties(String path) {
		CoreClawProperties properties = new CoreClawProperties();
		properties.getCallback().setPath(path);
		properties.getCallback().setSecret(SECRET);
		return properties;
	}

	private static Map<String, String> keyValues(Observation.Context context) {
		Map<String, String> keyValues = new TreeMap<>();
		for (KeyValue keyValue : context.getAllKeyValues()) {
			keyValues.put(keyValue.getKey(), keyValue.getValue());
		}
		return keyValues;
	}

}
