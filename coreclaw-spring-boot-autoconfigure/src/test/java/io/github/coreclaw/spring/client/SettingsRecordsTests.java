/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings records check their own components and say which one is wrong, and show no
 * secret in {@code toString()}.
 */
class SettingsRecordsTests {

	private static final URI BASE = CoreClawClientSettings.DEFAULT_BASE_URL;

	private static final Duration S = Duration.ofSeconds(1);

	@Test
	void clientSettingsNameTheRefusedComponent() {
		assertRefused(() -> new CoreClawClientSettings(BASE, " ", AuthScheme.BEARER, S, S, S, null, 20), "apiKey",
				"apiKey must be a CoreClaw API key but it is blank");
		assertRefused(() -> new CoreClawClientSettings(URI.create("/api"), "k", AuthScheme.BEARER, S, S, S, null, 20),
				"baseUrl", "baseUrl must be an absolute http or https URL with a host but it is relative");
		assertRefused(() -> new CoreClawClientSettings(BASE, "k", null, S, S, S, null, 20), "authScheme",
				"authScheme must be a way to send the API key but is not set");
		assertRefused(() -> new CoreClawClientSettings(BASE, "k", AuthScheme.BEARER, Duration.ZERO, S, S, null, 20),
				"connectTimeout", "connectTimeout must be a positive duration but was 0ms");
		assertRefused(() -> new CoreClawClientSettings(BASE, "k", AuthScheme.BEARER, S, null, S, null, 20),
				"responseTimeout", "responseTimeout must be a positive duration but is not set");
		assertRefused(() -> new CoreClawClientSettings(BASE, "k", AuthScheme.BEARER, S, S, Duration.ofSeconds(-6), null,
				20), "syncResponseTimeout", "syncResponseTimeout must be a positive duration but was -6s");
		assertRefused(() -> new CoreClawClientSettings(BASE, "k", AuthScheme.BEARER, S, S, S,
				URI.create("ftp://files.example.com/cb/s3cret"), 20), "defaultCallbackUrl",
				"defaultCallbackUrl must be an absolute http or https URL with a host but its scheme is \"ftp\"");
		assertRefused(() -> CoreClawClientSettings.of("k").withDefaultResultLimit(101), "defaultResultLimit",
				"defaultResultLimit must be from 1 to 100 but was 101");
	}

	@Test
	void retrySettingsNameTheRefusedComponent() {
		CoreClawRetrySettings defaults = CoreClawRetrySettings.defaults();
		assertRefused(() -> defaults.withBackoff(0, S, 2.0, S, 0.5), "maxAttempts",
				"maxAttempts must be at least 1 but was 0");
		assertRefused(() -> defaults.withBackoff(4, Duration.ofNanos(10), 2.0, S, 0.5), "initialBackoff",
				"initialBackoff must be a duration of at least 1ms but was 0ms");
		assertRefused(() -> defaults.withBackoff(4, S, 2.0, Duration.ofMillis(999), 0.5), "maxBackoff",
				"maxBackoff must be a duration of at least initialBackoff (1s) but was 999ms");
		assertRefused(() -> defaults.withBackoff(4, S, 0.5, S, 0.5), "multiplier",
				"multiplier must be a factor of 1.0 or more but was 0.5");
		assertRefused(() -> defaults.withBackoff(4, S, 2.0, S, Double.NaN), "jitter",
				"jitter must be a randomization factor from 0 (none) to below 1 but was NaN");
		assertRefused(() -> defaults.withRetryAfter(true, Duration.ofSeconds(-1)), "maxRetryAfter",
				"maxRetryAfter must be a duration of 0 or more but was -1s");
		assertRefused(() -> defaults.withRetryable(Set.of(429, 600), List.of()), "retryableStatuses",
				"retryableStatuses must be HTTP statuses from 100 to 599 but it holds 600");
		assertRefused(() -> defaults.withRetryable(Set.of(429), Arrays.asList((CoreClawRetrySettings.CodeRange) null)),
				"retryableCodes", "retryableCodes must be a list of code ranges but it holds null");
	}

	@Test
	void pollingSettingsNameTheRefusedComponent() {
		CoreClawPollingSettings defaults = CoreClawPollingSettings.defaults();
		assertRefused(() -> defaults.withIntervals(S, Duration.ofMillis(500), 2.0, 0.2), "maxInterval",
				"maxInterval must be a duration of at least initialInterval (1s) but was 500ms");
		assertRefused(() -> defaults.withAborting(Duration.ofMillis(-1), false), "abortingGrace",
				"abortingGrace must be a duration of 0 or more but was -1ms");
		assertRefused(() -> defaults.withDefaultTimeout(Duration.ZERO), "defaultTimeout",
				"defaultTimeout must be a positive duration but was 0ms");
		assertThat(defaults.withDefaultTimeout(Duration.ofHours(2)).defaultTimeout()).isEqualTo(Duration.ofHours(2));
		assertThat(defaults.withDefaultTimeout(Duration.ofHours(2)).withIntervals(S, S, 1.0, 0.0).defaultTimeout())
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void poolSettingsNameTheRefusedComponent() {
		CoreClawPoolSettings defaults = CoreClawPoolSettings.defaults();
		assertRefused(() -> defaults.withLimits(0, -1, S), "maxConnections", "maxConnections must be at least 1 but was 0");
		assertRefused(() -> defaults.withLimits(1, 0, S), "maxPendingAcquires",
				"maxPendingAcquires must be -1 (no limit) or at least 1 but was 0");
		assertRefused(() -> defaults.withLimits(1, -1, Duration.ZERO), "pendingAcquireTimeout",
				"pendingAcquireTimeout must be a positive duration but was 0ms");
		assertRefused(() -> new CoreClawPoolSettings(1, -1, S, S, S, Duration.ofSeconds(-1)), "evictInBackground",
				"evictInBackground must be a duration of 0 or more but was -1s");
	}

	@Test
	void toStringShowsOnlyTheOriginOfTheDefaultCallbackUrl() {
		CoreClawClientSettings settings = CoreClawClientSettings.of("ck_secret_key")
			.withDefaultCallbackUrl(URI.create("https://user:pw@app.example.com:8443/coreclaw/callback/s3cret?token=t0k#f"));
		assertThat(settings.toString()).isEqualTo("CoreClawClientSettings[baseUrl=https://openapi.coreclaw.com, "
				+ "apiKey=******, authScheme=BEARER, connectTimeout=PT10S, responseTimeout=PT30S, syncResponseTimeout=PT6M, "
				+ "defaultCallbackUrl=https://app.example.com:8443/..., defaultResultLimit=20]");
		assertThat(CoreClawClientSettings.of("ck_secret_key")
			.withDefaultCallbackUrl(URI.create("https://app.example.com"))
			.toString()).contains("defaultCallbackUrl=https://app.example.com,");
		assertThat(CoreClawClientSettings.of("ck_secret_key").toString()).contains("defaultCallbackUrl=null,");
	}

	private static void assertRefused(ThrowingCallable creation, String setting, String message) {
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(creation)
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo(setting));
	}

}
