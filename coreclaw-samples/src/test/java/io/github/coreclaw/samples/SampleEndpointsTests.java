/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.github.coreclaw.spring.test.CoreClawSimulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's endpoints, served from WebFlux with the reactive beans ({@code --serve}) and from
 * Spring MVC with the blocking beans (the {@code mvc} profile), against the embedded simulator:
 * the same answers, and the same requests at CoreClaw.
 */
class SampleEndpointsTests {

	private static final String RESULTS = "[{\"title\":\"Blue Bottle Coffee\",\"city\":\"Oakland\",\"rating\":4.6},"
			+ "{\"title\":\"Tartine Bakery\",\"city\":\"San Francisco\",\"rating\":4.7},"
			+ "{\"title\":\"Sightglass Coffee\",\"city\":\"San Francisco\",\"rating\":4.5},"
			+ "{\"title\":\"Ritual Coffee Roasters\",\"city\":\"San Francisco\",\"rating\":4.4},"
			+ "{\"title\":\"Philz Coffee\",\"city\":\"Berkeley\",\"rating\":4.6}]";

	@ParameterizedTest
	@EnumSource
	void servesARunAndItsResults(Variant variant) {
		try (ConfigurableApplicationContext context = SampleApplication.start(variant.args, Map.of())) {
			assertThat(context).isInstanceOf(variant.contextType).isInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBeanNamesForType(variant.controller)).hasSize(1);
			assertThat(context.getBeanNamesForType(variant.otherController)).isEmpty();
			assertThat(context.getBeanNamesForType(DemoRunner.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("spring.threads.virtual.enabled", Boolean.class, false))
				.isEqualTo(variant == Variant.MVC);
			CoreClawSimulator simulator = context.getBean(CoreClawSimulator.class);
			WebTestClient web = WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort())
				.build();

			String started = new String(web.post().uri("/runs/demo-task").exchange()
				.expectStatus().isOk()
				.expectBody().returnResult().getResponseBodyContent());
			String slug = JsonPath.read(started, "$.run_slug");
			assertThat(slug).matches("01SIM[A-Z0-9]{21}");
			assertThat(started).isEqualTo("{\"run_slug\":\"" + slug + "\"}");
			web.get().uri("/runs/{runSlug}", slug).exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.runSlug").isEqualTo(slug)
				.jsonPath("$.status").isEqualTo("RUNNING");
			web.get().uri("/runs/{runSlug}/results", slug).exchange()
				.expectStatus().isOk()
				.expectBody().json(RESULTS, JsonCompareMode.STRICT);
			web.get().uri("/runs/{runSlug}/results?limit=2", slug).exchange()
				.expectStatus().isOk()
				.expectBody().json("[{\"title\":\"Blue Bottle Coffee\",\"city\":\"Oakland\",\"rating\":4.6},"
						+ "{\"title\":\"Tartine Bakery\",\"city\":\"San Francisco\",\"rating\":4.7}]",
						JsonCompareMode.STRICT);
			web.post().uri("/runs/no-such-task").exchange()
				.expectStatus().isNotFound()
				.expectBody().jsonPath("$.error").value((String error) -> assertThat(error)
					.startsWith("CoreClaw rejected POST /api/v2/worker-tasks/no-such-task/runs: HTTP 404, code 60001"));
			web.get().uri("/runs/{runSlug}/results?limit=0", slug).exchange()
				.expectStatus().isBadRequest()
				.expectBody().json("{\"error\":\"limit must be between 1 and 1000 but was 0\"}", JsonCompareMode.STRICT);
			web.get().uri("/runs/not~a~slug!").exchange()
				.expectStatus().isBadRequest()
				.expectBody().jsonPath("$.error").value((String error) -> assertThat(error).contains("runSlug"));

			List<String> received = simulator.server().findAll(anyRequestedFor(anyUrl())).stream()
				.map((request) -> request.getMethod() + " " + request.getUrl())
				.toList();
			assertThat(received).containsExactlyInAnyOrder("POST /api/v2/worker-tasks/demo-task/runs",
					"GET /api/v2/worker-runs/" + slug, "GET /api/v2/worker-runs/" + slug + "/result?offset=1&limit=100",
					"GET /api/v2/worker-runs/" + slug + "/result?offset=1&limit=100",
					"POST /api/v2/worker-tasks/no-such-task/runs");
			assertThat(simulator.server().findAll(anyRequestedFor(anyUrl())))
				.extracting((LoggedRequest request) -> request.getHeader("Authorization"))
				.containsOnly("Bearer " + CoreClawSimulator.API_KEY);
			simulator.server().verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
				.withRequestBody(equalToJson("{\"is_async\":true}")));
		}
	}

	enum Variant {

		WEBFLUX(new String[] { SampleApplication.SERVE_FLAG, "--server.port=0", "--sample.demo.enabled=false" },
				ReactiveWebServerApplicationContext.class, RunController.class, MvcRunController.class),

		// The profile alone serves: no --serve needed.
		MVC(new String[] { "--spring.profiles.active=" + SampleApplication.MVC_PROFILE, "--server.port=0",
				"--sample.demo.enabled=false" },
				ServletWebServerApplicationContext.class, MvcRunController.class, RunController.class);

		private final String[] args;

		private final Class<?> contextType;

		private final Class<?> controller;

		private final Class<?> otherController;

		Variant(String[] args, Class<?> contextType, Class<?> controller, Class<?> otherController) {
			this.args = args;
			this.contextType = contextType;
			this.controller = controller;
			this.otherController = otherController;
		}

	}

}
