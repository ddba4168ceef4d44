/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The auto-configured client never follows a redirect, whatever Boot's HTTP client settings say,
 * because the API key would go along to wherever it points.
 */
class CoreClawRedirectAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension coreClaw = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				JacksonAutoConfiguration.class));

	@Test
	void redirectsAreNotFollowedEvenWhenBootIsToldToFollowThem() {
		elsewhere.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":0,\"data\":{\"run_slug\":\"r-elsewhere\"}}")));
		coreClaw.stubFor(post(anyUrl()).willReturn(
				aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/api/v2/worker-tasks/t1/runs")));
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=ck_redirect_test_key", "coreclaw.base-url=" + coreClaw.baseUrl(),
					"spring.http.clients.redirects=follow", "spring.http.reactiveclient.redirects=follow")
			.run((context) -> {
				CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
						() -> context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5)));
				assertThat(ex.getHttpStatus()).isEqualTo(302);
				assertThat(ex.getMessage()).contains("with a redirect (HTTP 302) to host localhost");
			});
		coreClaw.verify(1, anyRequestedFor(anyUrl()));
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

}
