/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URIs the client builds itself are exactly the ones its WebClient would build, the template
 * still names each request in observations, and a WebClient that encodes URIs differently builds
 * its own.
 */
class RequestUrisTests {

	private static final Endpoint<Object, Boolean> RESULTS = Endpoint.get("test.results", "/api/v2/worker-runs/{runId}/result")
		.noReply();

	private static final Endpoint<Object, Boolean> TWO_VARIABLES = Endpoint
		.get("test.two", "/api/v2/workers/{workerId}/runs/{runId}")
		.noReply();

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "https://api.example.com/", "https://api.example.com/prefix/v9" })
	void theUriOfACallIsTheOneTheWebClientBuilds(String baseUrl) {
		WebClient webClient = WebClient.builder().baseUrl(baseUrl).build();
		RequestUris uris = new RequestUris(webClient);
		assertThat(uris.isShortcut()).isTrue();
		List<Call<Object, Boolean>> calls = List.of(new Call<>(RESULTS, Map.of("runId", "01KKDXV2G26BT7NH4ZQR2R4NPZ"), query(
				"offset", "2", "limit", "100"), null),
				new Call<>(RESULTS, Map.of("runId", "a b/c?d#e%f"), query("format", "csv", "filter_keys", "title,address é"),
						null),
				new Call<>(TWO_VARIABLES, Map.of("workerId", "owner~name", "runId", "r.1_-~"), Map.of(), null),
				new Call<>(TWO_VARIABLES, Map.of("workerId", "ünï cödé", "runId", "+;=&"), query("q", ""), null));
		for (Call<Object, Boolean> call : calls) {
			URI[] built = new URI[1];
			webClient.get().uri(call.endpoint().pathTemplate(), (builder) -> {
				built[0] = call.uri(builder);
				return built[0];
			});
			assertThat(uris.expand(call)).as(call.path()).hasToString(built[0].toString());
		}
	}

	@Test
	void aWebClientThatEncodesUrisDifferentlyBuildsThemItself() {
		DefaultUriBuilderFactory noEncoding = new DefaultUriBuilderFactory("http://localhost:8080");
		noEncoding.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
		RequestUris uris = new RequestUris(WebClient.builder().uriBuilderFactory(noEncoding).build());
		assertThat(uris.isShortcut()).isFalse();
	}

	@Test
	void observationsNameTheTemplateAndTheRequestGoesToTheExpandedUri() {
		ObservationRegistry registry = ObservationRegistry.create();
		List<ClientRequestObservationContext> observed = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(ClientRequestObservationContext context) {
				observed.add(context);
			}

		});
		List<URI> sent = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			sent.add(request.getURI());
			return runDetail("01KKDXV2G26BT7NH4ZQR2R4NPZ", "running");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-uris").withBaseUrl(URI.create("https://api.example.com")))
			.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.connector(connector)
			.build()) {
			client.workerRuns().getRun(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ")).block(Duration.ofSeconds(5));
		}
		assertThat(sent).containsExactly(URI.create("https://api.example.com/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		assertThat(observed).singleElement().satisfies((context) -> {
			KeyValue uri = new DefaultClientRequestObservationConvention().getLowCardinalityKeyValues(context)
				.stream()
				.filter((keyValue) -> keyValue.getKey().equals("uri"))
				.findFirst()
				.orElseThrow();
			assertThat(uri.getValue()).isEqualTo("/api/v2/worker-runs/{runId}");
		});
	}

	private static Map<String, String> query(String... namesAndValues) {
		Map<String, String> query = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			query.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return query;
	}

}
