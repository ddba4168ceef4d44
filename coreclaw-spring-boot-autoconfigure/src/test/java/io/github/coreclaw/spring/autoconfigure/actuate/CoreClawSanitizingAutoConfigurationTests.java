/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.util.Map;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link CoreClawSanitizingAutoConfiguration}: Actuator's {@code configprops} and
 * {@code env} endpoints never show the API key or the callback secret, even when told to show
 * values.
 */
class CoreClawSanitizingAutoConfigurationTests {

	private static final String KEY = "ck_live_9a8b7c6d5e4f3a2b1c0d";

	private static final String SECRET = "cb-secret-0123456789abcdef";

	private static final String MASK = SanitizableData.SANITIZED_VALUE;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class,
				CoreClawSanitizingAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("CORECLAW_API_KEY", KEY, "CORECLAW_CALLBACK_SECRET", SECRET))))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"coreclaw.base-url=https://eu.coreclaw.example/api", "coreclaw.callback.secret=" + SECRET,
				"coreclaw.default-callback-url=https://app.example.com/hooks/" + SECRET,
				"app.coreclaw-key=" + KEY);

	@Test
	void configpropsShowsOtherValuesButMasksTheKeyTheSecretAndValuesHoldingThem() {
		this.contextRunner.run((context) -> {
			String json = json(context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("coreclaw"));
			assertThat(json).contains("\"baseUrl\":\"https://eu.coreclaw.example/api\"")
				.contains("\"apiKey\":\"" + MASK + "\"")
				.contains("\"secret\":\"" + MASK + "\"")
				.contains("\"defaultCallbackUrl\":\"" + MASK + "\"")
				.doesNotContain(KEY)
				.doesNotContain(SECRET);
		});
	}

	@Test
	void envShowsOtherValuesButMasksTheKeyAndTheSecretUnderEveryNameAndValuesHoldingThem() {
		this.contextRunner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			String json = json(endpoint.environment(null));
			assertThat(json).contains("\"coreclaw.base-url\":{\"value\":\"https://eu.coreclaw.example/api\"")
				.contains("\"CORECLAW_API_KEY\":{\"value\":\"" + MASK + "\"")
				.contains("\"CORECLAW_CALLBACK_SECRET\":{\"value\":\"" + MASK + "\"")
				.contains("\"coreclaw.callback.secret\":{\"value\":\"" + MASK + "\"")
				.contains("\"coreclaw.default-callback-url\":{\"value\":\"" + MASK + "\"")
				.contains("\"app.coreclaw-key\":{\"value\":\"" + MASK + "\"")
				.doesNotContain(KEY)
				.doesNotContain(SECRET);
			assertThat(json(endpoint.environmentEntry("coreclaw.api-key"))).contains("\"value\":\"" + MASK + "\"")
				.doesNotContain(KEY);
			assertThat(json(endpoint.environmentEntry("coreclaw.callback.secret"))).contains("\"value\":\"" + MASK + "\"")
				.doesNotContain(SECRET);
		});
	}

	@Test
	void withoutActuatorThereIsNoSanitizingFunction() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class,
					CoreClawSanitizingAutoConfiguration.class, WebClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
			.withPropertyValues("coreclaw.api-key=" + KEY)
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coreClawClient")
				.doesNotHaveBean(CoreClawSanitizingAutoConfiguration.class));
	}

	@Test
	void isAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(CoreClawSanitizingAutoConfiguration.class.getName());
	}

	private static String json(Object descriptor) {
		return JsonMapper.builder().build().writeValueAsString(descriptor);
	}

}
