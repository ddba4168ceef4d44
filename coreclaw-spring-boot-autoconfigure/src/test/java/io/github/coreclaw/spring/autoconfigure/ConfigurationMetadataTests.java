/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata lists every {@code coreclaw.*} property with a
 * one-sentence description, and the documented defaults, and the Actuator switches of the
 * {@code coreclaw} health indicator and info contributor.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedWithItsDefault() throws IOException {
		Map<String, JsonNode> properties = new HashMap<>();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("coreclaw.")) {
				names.add(name);
				properties.put(name, property);
			}
		}
		assertThat(names).containsExactlyInAnyOrder("coreclaw.enabled", "coreclaw.api-key", "coreclaw.base-url",
				"coreclaw.auth-scheme", "coreclaw.connect-timeout", "coreclaw.response-timeout",
				"coreclaw.sync-response-timeout", "coreclaw.default-callback-url", "coreclaw.default-result-limit",
				"coreclaw.allow-insecure-http", "coreclaw.retry.enabled", "coreclaw.retry.max-attempts",
				"coreclaw.retry.initial-backoff", "coreclaw.retry.multiplier", "coreclaw.retry.max-backoff",
				"coreclaw.retry.jitter", "coreclaw.retry.respect-retry-after", "coreclaw.retry.max-retry-after",
				"coreclaw.retry.retryable-statuses", "coreclaw.retry.run-start-retryable-statuses",
				"coreclaw.retry.retryable-codes", "coreclaw.polling.initial-interval",
				"coreclaw.polling.max-interval", "coreclaw.polling.multiplier", "coreclaw.polling.jitter",
				"coreclaw.polling.aborting-grace", "coreclaw.polling.abort-on-timeout", "coreclaw.polling.default-timeout",
				"coreclaw.callback.enabled",
				"coreclaw.callback.path", "coreclaw.callback.secret", "coreclaw.callback.token-validity",
				"coreclaw.callback.dedupe-window",
				"coreclaw.callback.dedupe-max-keys",
				"coreclaw.callback.public-base-url", "coreclaw.pool.max-connections", "coreclaw.pool.max-pending-acquires",
				"coreclaw.pool.pending-acquire-timeout", "coreclaw.pool.max-idle-time", "coreclaw.pool.max-life-time",
				"coreclaw.pool.evict-in-background", "coreclaw.health.cache-ttl", "coreclaw.health.timeout",
				"coreclaw.batch.max-running",

				"coreclaw.tracking.enabled", "coreclaw.tracking.initialize-schema", "coreclaw.tracking.reconcile-interval",
				"coreclaw.tracking.lease", "coreclaw.tracking.handler-attempts", "coreclaw.tracking.handler-backoff",
				"coreclaw.tracking.broadcast");
		properties.forEach((name, property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().endsWith(".").doesNotStartWith("The ").doesNotStartWith("A ");
			assertThat(description.substring(0, description.length() - 1)).as(name).doesNotContain(". ");
		});
		assertThat(properties.get("coreclaw.base-url").get("defaultValue").asString()).isEqualTo("https://openapi.coreclaw.com");
		assertThat(properties.get("coreclaw.auth-scheme").get("defaultValue").asString()).isEqualTo("bearer");
		assertThat(properties.get("coreclaw.connect-timeout").get("defaultValue").asString()).isEqualTo("10s");
		assertThat(properties.get("coreclaw.response-timeout").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("coreclaw.sync-response-timeout").get("defaultValue").asString()).isEqualTo("6m");
		assertThat(properties.get("coreclaw.default-result-limit").get("defaultValue").asInt()).isEqualTo(20);
		assertThat(properties.get("coreclaw.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("coreclaw.batch.max-running").get("type").asString()).isEqualTo("java.lang.Integer");
		assertThat(properties.get("coreclaw.batch.max-running").has("defaultValue")).isFalse();
		assertThat(properties.get("coreclaw.allow-insecure-http").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("coreclaw.retry.max-attempts").get("defaultValue").asInt()).isEqualTo(4);
		assertThat(properties.get("coreclaw.retry.initial-backoff").get("defaultValue").asString()).isEqualTo("500ms");
		assertThat(properties.get("coreclaw.retry.max-backoff").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("coreclaw.retry.max-retry-after").get("defaultValue").asString()).isEqualTo("60s");
		assertThat(properties.get("coreclaw.retry.jitter").get("defaultValue").asDouble()).isEqualTo(0.5);
		assertThat(properties.get("coreclaw.retry.multiplier").get("defaultValue").asDouble()).isEqualTo(2.0);
		assertThat(properties.get("coreclaw.polling.initial-interval").get("defaultValue").asString()).isEqualTo("2s");
		assertThat(properties.get("coreclaw.polling.max-interval").get("defaultValue").asString()).isEqualTo("15s");
		assertThat(properties.get("coreclaw.polling.aborting-grace").get("defaultValue").asString()).isEqualTo("60s");
		assertThat(properties.get("coreclaw.polling.abort-on-timeout").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("coreclaw.polling.default-timeout").get("defaultValue").asString()).isEqualTo("30m");
		assertThat(properties.get("coreclaw.callback.enabled").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("coreclaw.callback.path").get("defaultValue").asString())
			.isEqualTo("/coreclaw/callback/{secret}");
		assertThat(properties.get("coreclaw.pool.max-connections").get("defaultValue").asInt()).isEqualTo(100);
		assertThat(properties.get("coreclaw.pool.max-pending-acquires").get("defaultValue").asInt()).isEqualTo(-1);
		assertThat(properties.get("coreclaw.pool.pending-acquire-timeout").get("defaultValue").asString()).isEqualTo("10s");
		assertThat(properties.get("coreclaw.callback.dedupe-window").get("defaultValue").asString()).isEqualTo("10m");
		assertThat(properties.get("coreclaw.callback.token-validity").get("defaultValue").asString()).isEqualTo("7d");
		assertThat(properties.get("coreclaw.callback.dedupe-max-keys").get("defaultValue").asInt()).isEqualTo(100_000);
		assertThat(properties.get("coreclaw.retry.retryable-statuses").get("defaultValue").toString()).isEqualTo("[429,500]");
		assertThat(properties.get("coreclaw.retry.run-start-retryable-statuses").get("defaultValue").toString())
			.isEqualTo("[429,500]");
		assertThat(properties.get("coreclaw.health.cache-ttl").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("coreclaw.health.timeout").get("defaultValue").asString()).isEqualTo("10s");
		assertThat(properties.get("coreclaw.retry.retryable-codes").get("defaultValue").toString())
			.isEqualTo("[\"13000-13999\"]");
		assertThat(properties.get("coreclaw.tracking.enabled").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("coreclaw.tracking.initialize-schema").get("defaultValue").asString())
			.isEqualTo("embedded");
		assertThat(properties.get("coreclaw.tracking.reconcile-interval").get("defaultValue").asString()).isEqualTo("1m");
		assertThat(properties.get("coreclaw.tracking.lease").get("defaultValue").asString()).isEqualTo("5m");
		assertThat(properties.get("coreclaw.tracking.handler-attempts").get("defaultValue").asInt()).isEqualTo(5);
		assertThat(properties.get("coreclaw.tracking.handler-backoff").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("coreclaw.tracking.broadcast").get("defaultValue").asString()).isEqualTo("none");
	}

	@Test
	void actuatorSwitchesOfTheHealthIndicatorAndInfoContributorAreDescribed() throws IOException {
		Map<String, JsonNode> management = new HashMap<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("management.")) {
				management.put(name, property);
			}
		}
		assertThat(management).containsOnlyKeys("management.health.coreclaw.enabled", "management.info.coreclaw.enabled");
		assertThat(management.get("management.health.coreclaw.enabled").get("description").asString())
			.isEqualTo("Whether to enable the CoreClaw health indicator, which follows "
					+ "management.health.defaults.enabled when unset.");
		assertThat(management.get("management.info.coreclaw.enabled").get("description").asString())
			.isEqualTo("Whether to enable the CoreClaw info contributor, which follows "
					+ "management.info.defaults.enabled when unset.");
		management.forEach((name, property) -> {
			assertThat(property.get("type").asString()).as(name).isEqualTo("java.lang.Boolean");
			assertThat(property.get("defaultValue").asBoolean()).as(name).isTrue();
		});
	}

	private JsonNode metadata() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return new JsonMapper().readTree(in);
		}
	}

}
