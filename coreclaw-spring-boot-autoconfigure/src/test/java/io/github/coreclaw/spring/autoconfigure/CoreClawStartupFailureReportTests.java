/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import io.github.coreclaw.spring.OutputOnFailure;
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
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a real application prints when CoreClaw's configuration stops it: the CoreClaw failure
 * analyses are the ones Spring Boot reports, ahead of its own.
 */
@ExtendWith({ OutputOnFailure.class, OutputCaptureExtension.class })
class CoreClawStartupFailureReportTests {

	private static final String API_KEY_PREFIX = "ck_live_7f3a9c2e5b1d4f6a8e0c";

	private static final String CALLBACK_SECRET = "5e8d1c4b7a0f3e6d9c2b5a8f1e4d7c0b";

	@Test
	void unresolvedBaseUrlPlaceholderIsReportedInsteadOfBootsBindingFailure(CapturedOutput output) {
		// Boot's analyzers are listed first, so only the analyzer's own order can put it ahead of them
		start(bootsFailureAnalyzersFirst(), "coreclaw.api-key=k",
				"coreclaw.base-url=${CORECLAW_TEST_URL_THAT_IS_NOT_SET}");
		assertThat(output.getOut()).contains(report(
				"coreclaw.base-url is the unresolved placeholder ${CORECLAW_TEST_URL_THAT_IS_NOT_SET}: the environment "
						+ "variable CORECLAW_TEST_URL_THAT_IS_NOT_SET is not set.",
				"Set the environment variable CORECLAW_TEST_URL_THAT_IS_NOT_SET, or change coreclaw.base-url so that it "
						+ "does not refer to it."))
			.containsOnlyOnce("APPLICATION FAILED TO START")
			.doesNotContain("Failed to bind properties under 'coreclaw.base-url'");
	}

	@Test
	void unresolvedApiKeyPlaceholderIsReportedAndNoSecretIsPrinted(CapturedOutput output) {
		start(getClass().getClassLoader(),
				"coreclaw.api-key=" + API_KEY_PREFIX + "${CORECLAW_TEST_KEY_SUFFIX_THAT_IS_NOT_SET}",
				"coreclaw.callback.secret=" + CALLBACK_SECRET);
		assertThat(output.getOut()).contains("No CoreClaw API key is configured: coreclaw.api-key holds the unresolved "
				+ "placeholder ${CORECLAW_TEST_KEY_SUFFIX_THAT_IS_NOT_SET}, so the CoreClaw client cannot authenticate "
				+ "its requests.");
		assertThat(output.getAll()).doesNotContain(API_KEY_PREFIX)
			.doesNotContain(API_KEY_PREFIX.substring(8, 20))
			.doesNotContain(CALLBACK_SECRET)
			.doesNotContain(CALLBACK_SECRET.substring(0, 12));
	}

	@Test
	void receiverInANonWebApplicationIsReported(CapturedOutput output) {
		start(getClass().getClassLoader(), "coreclaw.api-key=k", "coreclaw.callback.enabled=true",
				"coreclaw.callback.secret=0123456789abcdef-secret");
		assertThat(output).contains("coreclaw.callback.enabled is true, but this application serves no Spring MVC or "
				+ "WebFlux requests").doesNotContain("0123456789abcdef-secret");
	}

	@Test
	void unknownAuthSchemeIsReportedWithTheChoicesAsTheReadmeSpellsThem(CapturedOutput output) {
		// Boot's analyzers are listed first, so only the analyzer's own order can put it ahead of them
		start(bootsFailureAnalyzersFirst(), "coreclaw.api-key=k", "coreclaw.auth-scheme=foo");
		assertThat(output.getOut()).contains(report(
				"coreclaw.auth-scheme must be one of bearer, api-key-header, query-token but was \"foo\".",
				"Set coreclaw.auth-scheme to one of bearer, api-key-header, query-token, or remove it to use the "
						+ "default."))
			.containsOnlyOnce("APPLICATION FAILED TO START")
			.doesNotContain("API_KEY_HEADER");
	}

	private static void start(ClassLoader classLoader, String... properties) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Application.class)
			.resourceLoader(new DefaultResourceLoader(classLoader))
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()
			.close());
	}

	/**
	 * The report Spring Boot prints for a failure analysis.
	 * @param description the analysis' description
	 * @param action the analysis' action
	 * @return the report, as {@code LoggingFailureAnalysisReporter} prints it
	 */
	private static String report(String description, String action) {
		return String.format("%n***************************%nAPPLICATION FAILED TO START%n***************************%n%n"
				+ "Description:%n%n%s%n%nAction:%n%n%s%n", description, action);
	}

	/**
	 * A class loader that lists the {@code spring.factories} files of the class path in reverse,
	 * so that Spring Boot's failure analyzers are loaded before this project's: analyzers of
	 * equal order keep the order they were loaded in.
	 * @return the class loader
	 */
	private static ClassLoader bootsFailureAnalyzersFirst() {
		return new ClassLoader(CoreClawStartupFailureReportTests.class.getClassLoader()) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				List<URL> resources = Collections.list(super.getResources(name));
				if (name.equals(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION)) {
					assertThat(resources).as("spring.factories files").hasSizeGreaterThan(1);
					Collections.reverse(resources);
				}
				return Collections.enumeration(resources);
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class })
	static class Application {

	}

}
