/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link InvalidEnumPropertyFailureAnalyzer}.
 */
@ExtendWith(OutputOnFailure.class)
class InvalidEnumPropertyFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k");

	@Test
	void unknownAuthSchemeNamesTheChoicesAsTheReadmeSpellsThem() {
		this.contextRunner.withPropertyValues("coreclaw.auth-scheme=foo").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidEnumPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("coreclaw.auth-scheme must be one of bearer, api-key-header, query-token but was \"foo\".");
			assertThat(analysis.getAction()).isEqualTo(
					"Set coreclaw.auth-scheme to one of bearer, api-key-header, query-token, or remove it to use the "
							+ "default.");
		});
	}

	@Test
	void unresolvedPlaceholderIsLeftToItsOwnAnalysis() {
		this.contextRunner.withPropertyValues("coreclaw.auth-scheme=${CORECLAW_TEST_SCHEME_THAT_IS_NOT_SET}")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new InvalidEnumPropertyFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
				FailureAnalysis analysis = new UnresolvedPlaceholderFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).startsWith("coreclaw.auth-scheme is the unresolved placeholder "
						+ "${CORECLAW_TEST_SCHEME_THAT_IS_NOT_SET}");
			});
	}

	@Test
	void otherBindingFailuresAreLeftToOtherAnalyzers() {
		this.contextRunner.withPropertyValues("coreclaw.base-url=https://bad url").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new InvalidEnumPropertyFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
		});
	}

}
