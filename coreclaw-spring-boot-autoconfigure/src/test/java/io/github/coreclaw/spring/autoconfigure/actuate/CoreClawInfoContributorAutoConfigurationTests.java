/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link CoreClawInfoContributorAutoConfiguration}.
 */
class CoreClawInfoContributorAutoConfigurationTests {

	private static final String KEY = "ck_live_9a8b7c6d5e4f3a2b1c0d";

	private static final String SECRET = "cb-secret-0123456789abcdef";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class,
				CoreClawInfoContributorAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=" + KEY);

	@Test
	void contributesTheSettingsAndTheVersion() {
		this.contextRunner
			.withPropertyValues("coreclaw.base-url=https://eu.coreclaw.example/api",
					"coreclaw.auth-scheme=api-key-header",
					"coreclaw.retry.max-attempts=3", "coreclaw.pool.max-connections=20",
					"coreclaw.polling.initial-interval=1s")
			.run((context) -> {
				Map<String, Object> coreclaw = coreclaw(context.getBean(InfoContributor.class));
				assertThat(coreclaw).containsOnlyKeys("version", "baseUrl", "authScheme", "timeouts", "retry", "pool",
						"polling");
				assertThat((String) coreclaw.get("version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
				assertThat(coreclaw).containsEntry("baseUrl", "https://eu.coreclaw.example/...")
					.containsEntry("authScheme", "api-key-header")
					.containsEntry("timeouts", Map.of("connect", "10s", "response", "30s", "syncResponse", "6m"));
				assertThat(map(coreclaw, "retry")).containsEntry("enabled", true)
					.containsEntry("maxAttempts", 3)
					.containsEntry("initialBackoff", "500ms")
					.containsEntry("maxBackoff", "30s")
					.containsEntry("retryableStatuses", List.of(429, 500))
					.containsEntry("retryableCodes", List.of("13000-13999"));
				assertThat(map(coreclaw, "pool")).containsEntry("maxConnections", 20)
					.containsEntry("pendingAcquireTimeout", "10s");
				assertThat(map(coreclaw, "polling")).containsEntry("initialInterval", "1s")
					.containsEntry("maxInterval", "15s")
					.containsEntry("abortOnTimeout", false);
			});
	}

	@Test
	void neverTheKeyNorTheCallbackSecret() {
		this.contextRunner
			.withPropertyValues("coreclaw.base-url=https://coreclaw.example/?token=" + KEY,
					"coreclaw.callback.secret=" + SECRET, "coreclaw.callback.public-base-url=https://app.example.com",
					"coreclaw.default-callback-url=https://app.example.com/hooks/" + SECRET)
			.run((context) -> {
				Info.Builder builder = new Info.Builder();
				context.getBean(InfoContributor.class).contribute(builder);
				String json = JsonMapper.builder().build().writeValueAsString(builder.build().getDetails());
				assertThat(json).contains("\"baseUrl\":\"https://coreclaw.example/...\"")
					.doesNotContain(KEY)
					.doesNotContain(SECRET)
					.doesNotContain("app.example.com");
			});
	}

	@Test
	void withoutRetriesOnlyTheirAbsenceIsShown() {
		this.contextRunner.withPropertyValues("coreclaw.retry.enabled=false")
			.run((context) -> assertThat(map(coreclaw(context.getBean(InfoContributor.class)), "retry"))
				.isEqualTo(Map.of("enabled", false)));
	}

	@Test
	void managementInfoCoreclawEnabledFalseSwitchesItOff() {
		this.contextRunner.withPropertyValues("management.info.coreclaw.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfoContributor.class));
	}

	@Test
	void theVersionResourceIsInNativeImages() {
		RuntimeHints hints = new RuntimeHints();
		new CoreClawInfoContributorAutoConfiguration.VersionResourceHints().registerHints(hints,
				getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource(CoreClawInfoContributor.VERSION_RESOURCE))
			.accepts(hints);
		assertThat(getClass().getClassLoader().getResource(CoreClawInfoContributor.VERSION_RESOURCE)).isNotNull();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> coreclaw(InfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return (Map<String, Object>) builder.build().getDetails().get("coreclaw");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> details, String key) {
		return (Map<String, Object>) details.get(key);
	}

}
