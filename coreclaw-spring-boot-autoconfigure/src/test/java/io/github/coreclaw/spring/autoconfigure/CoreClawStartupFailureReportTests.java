/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a real application prints when CoreClaw's configuration stops it: the CoreClaw failure
 * analyses are the ones Spring Boot reports, ahead of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoreClawStartupFailureReportTests {

	@Test
	void unresolvedBaseUrlPlaceholderIsReportedInsteadOfBootsBindingFailure(CapturedOutput output) {
		start("coreclaw.api-key=k", "coreclaw.base-url=${CORECLAW_TEST_URL_THAT_IS_NOT_SET}");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("coreclaw.base-url is the unresolved placeholder ${CORECLAW_TEST_URL_THAT_IS_NOT_SET}: the "
					+ "environment variable CORECLAW_TEST_URL_THAT_IS_NOT_SET is not set.")
			.contains("Set the environment variable CORECLAW_TEST_URL_THAT_IS_NOT_SET, or change coreclaw.base-url so "
					+ "that it does not refer to it.");
	}

	@Test
	void unresolvedApiKeyPlaceholderIsReportedAndNoSecretIsPrinted(CapturedOutput output) {
		start("coreclaw.api-key=${CORECLAW_TEST_KEY_THAT_IS_NOT_SET}");
		assertThat(output).contains("coreclaw.api-key is the unresolved placeholder ${CORECLAW_TEST_KEY_THAT_IS_NOT_SET}");
	}

	@Test
	void receiverInANonWebApplicationIsReported(CapturedOutput output) {
		start("coreclaw.api-key=k", "coreclaw.callback.enabled=true",
				"coreclaw.callback.secret=0123456789abcdef-secret");
		assertThat(output).contains("coreclaw.callback.enabled is true, but this application serves no Spring MVC or "
				+ "WebFlux requests").doesNotContain("0123456789abcdef-secret");
	}

	private static void start(String... properties) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()
			.close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class })
	static class Application {

	}

}
