/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample runs a task through the starter against a stubbed CoreClaw.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void runsTheTaskAsynchronouslyAndSynchronously(CapturedOutput output) {
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/news-task/runs"))
			.withRequestBody(matchingJsonPath("$.is_async", equalTo("true")))
			.willReturn(json("{\"code\":0,\"data\":{\"run_slug\":\"01KASYNC\"}}")));
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/news-task/runs"))
			.withRequestBody(matchingJsonPath("$.is_async", equalTo("false")))
			.willReturn(json("{\"code\":0,\"data\":{\"run_slug\":\"01KSYNC\",\"run_status\":\"succeeded\","
					+ "\"results\":{\"count\":2,\"list\":[{\"title\":\"Alpha\"},{\"title\":\"Beta\"}]}}}")));
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--coreclaw.base-url=" + wireMock.baseUrl(), "--coreclaw.api-key=sample-key",
				"--sample.task-id=news-task")) {
			assertThat(output).contains("Started run 01KASYNC of worker task news-task")
				.contains("Run 01KSYNC SUCCEEDED: 2 result rows")
				.contains("  {title=Alpha}")
				.contains("  {title=Beta}");
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/news-task/runs"))
			.withHeader("Authorization", equalTo("Bearer sample-key"))
			.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":10}")));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

}
