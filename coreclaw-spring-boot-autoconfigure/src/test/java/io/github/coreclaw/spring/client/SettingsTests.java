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
 * The settings types check their own values and say which one is wrong, are built and compared
 * by value, and show no secret in {@code toString()}.
 */
class SettingsTests {

	private static final Duration S = Duration.ofSeconds(1);

	@Test
	void clientSettingsNameTheRefusedSetting() {
		assertRefused(() -> CoreClawClientSettings.builder().build(), "apiKey",
				"apiKey must be a CoreClaw API key but is not set");
		assertRefused(() -> CoreClawClientSettings.of(" "), "apiKey", "apiKey must be a CoreClaw API key but it is blank");
		assertRefused(() -> CoreClawClientSettings.builder().apiKey("k").baseUrl(URI.create("/api")).build(), "baseUrl",
				"baseUrl must be an absolute http or https URL with a host but it is relative");
		assertRefused(() -> CoreClawClientSettings.builder().apiKey("k").authScheme(null).build(), "authScheme",
				"authScheme must be a way to send the API key but is not set");
		assertRefused(() -> CoreClawClientSettings.of("k").withTimeouts(Duration.ZERO, S, S), "connectTimeout",
				"connectTimeout must be a positive duration but was 0ms");
		assertRefused(() -> CoreClawClientSettings.builder().apiKey("k").responseTimeout(null).build(),
				"responseTimeout", "responseTimeout must be a positive duration but is not set");
		assertRefused(() -> CoreClawClientSettings.of("k").withTimeouts(S, S, Duration.ofSeconds(-6)),
				"syncResponseTimeout", "syncResponseTimeout must be a positive duration but was -6s");
		assertRefused(() -> CoreClawClientSettings.of("k")
			.withDefaultCallbackUrl(URI.create("ftp://files.example.com/cb/s3cret")), "defaultCallbackUrl",
				"defaultCallbackUrl must be an absolute http or https URL with a host but its scheme is \"ftp\"");
		assertRefused(() -> CoreClawClientSettings.of("k").withDefaultResultLimit(101), "defaultResultLimit",
				"defaultResultLimit must be from 1 to 100 but was 101");
	}

	@Test
	void anApiKeyThatCannotBeSentAsItIsIsRefusedWithoutEchoingIt() {
		String key = "ck_live_7f3a9b";
		assertKeyRefused(key + "\n", "apiKey must be a CoreClaw API key of printable ASCII characters only but it "
				+ "holds a line break (\\n) at its end");
		assertKeyRefused(key + "\r\n", "apiKey must be a CoreClaw API key of printable ASCII characters only but it "
				+ "holds a carriage return (\\r) at character 15");
		assertKeyRefused(" " + key, "apiKey must be a CoreClaw API key of printable ASCII characters only but it "
				+ "holds a space at its start");
		assertKeyRefused("ck_live\t7f3a9b", "apiKey must be a CoreClaw API key of printable ASCII characters only but "
				+ "it holds a tab at character 8");
		assertKeyRefused("ck_live_\u00a07f3a9b", "apiKey must be a CoreClaw API key of printable ASCII characters only "
				+ "but it holds whitespace (\\u00a0) at character 9");
		assertKeyRefused("ck_live_\u00077f3a9b", "apiKey must be a CoreClaw API key of printable ASCII characters only "
				+ "but it holds a control character (\\u0007) at character 9");
		assertKeyRefused("ck_live_\u201c7f3a9b", "apiKey must be a CoreClaw API key of printable ASCII characters only "
				+ "but it holds a character outside printable ASCII (\\u201c) at character 9");
		assertKeyRefused("Bearer " + key, "apiKey must be a CoreClaw API key without the \"Bearer \" prefix but it "
				+ "starts with \"Bearer \", which the client adds itself");
		assertKeyRefused("bearer\t" + key, "apiKey must be a CoreClaw API key without the \"Bearer \" prefix but it "
				+ "starts with \"Bearer \", which the client adds itself");
		assertThat(CoreClawClientSettings.of("Bearer_" + key).apiKey()).isEqualTo("Bearer_" + key);
		assertThat(CoreClawClientSettings.of("k+y/=&1~!").apiKey()).isEqualTo("k+y/=&1~!");
	}

	@Test
	void builderStartsFromTheDefaultsAndToBuilderKeepsEverySetting() {
		CoreClawClientSettings defaults = CoreClawClientSettings.builder().apiKey("k").build();
		assertThat(defaults).isEqualTo(CoreClawClientSettings.of("k")).hasSameHashCodeAs(CoreClawClientSettings.of("k"));
		assertThat(defaults.baseUrl()).isEqualTo(CoreClawClientSettings.DEFAULT_BASE_URL);
		assertThat(defaults.authScheme()).isEqualTo(AuthScheme.BEARER);
		assertThat(defaults.connectTimeout()).isEqualTo(CoreClawClientSettings.DEFAULT_CONNECT_TIMEOUT);
		assertThat(defaults.responseTimeout()).isEqualTo(CoreClawClientSettings.DEFAULT_RESPONSE_TIMEOUT);
		assertThat(defaults.syncResponseTimeout()).isEqualTo(CoreClawClientSettings.DEFAULT_SYNC_RESPONSE_TIMEOUT);
		assertThat(defaults.defaultCallbackUrl()).isNull();
		assertThat(defaults.defaultResultLimit()).isEqualTo(CoreClawClientSettings.DEFAULT_RESULT_LIMIT);
		CoreClawClientSettings custom = CoreClawClientSettings.builder()
			.baseUrl(URI.create("https://gw.example.com/coreclaw"))
			.apiKey("k2")
			.authScheme(AuthScheme.API_KEY_HEADER)
			.connectTimeout(Duration.ofSeconds(1))
			.responseTimeout(Duration.ofSeconds(2))
			.syncResponseTimeout(Duration.ofSeconds(3))
			.defaultCallbackUrl(URI.create("https://app.example.com/cb"))
			.defaultResultLimit(7)
			.build();
		assertThat(custom.toBuilder().build()).isEqualTo(custom).hasSameHashCodeAs(custom);
		assertThat(custom).isNotEqualTo(custom.withDefaultResultLimit(8));
		assertThat(custom).isNotEqualTo(custom.toBuilder().apiKey("k3").build());
		CoreClawRetrySettings retry = CoreClawRetrySettings.builder().runStartRetryableStatuses(Set.of(429)).build();
		assertThat(retry.toBuilder().build()).isEqualTo(retry).hasSameHashCodeAs(retry);
		assertThat(retry).isNotEqualTo(CoreClawRetrySettings.defaults());
		assertThat(CoreClawRetrySettings.builder().build()).isEqualTo(CoreClawRetrySettings.defaults());
		assertThat(CoreClawRetrySettings.defaults().runStartRetryableStatuses()).containsExactlyInAnyOrder(429, 500);
		assertThat(CoreClawRetrySettings.defaults().withRetryable(Set.of(502), List.of()).runStartRetryableStatuses())
			.containsExactlyInAnyOrder(429, 500);
		CoreClawPollingSettings polling = CoreClawPollingSettings.builder().abortOnTimeout(true).build();
		assertThat(polling.toBuilder().build()).isEqualTo(polling).hasSameHashCodeAs(polling);
		assertThat(polling).isNotEqualTo(CoreClawPollingSettings.defaults());
		CoreClawPoolSettings pool = CoreClawPoolSettings.builder().maxIdleTime(Duration.ofSeconds(7)).build();
		assertThat(pool.toBuilder().build()).isEqualTo(pool).hasSameHashCodeAs(pool);
		assertThat(pool).isNotEqualTo(CoreClawPoolSettings.defaults());
	}

	@Test
	void retrySettingsNameTheRefusedSetting() {
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
		assertRefused(() -> CoreClawRetrySettings.builder().runStartRetryableStatuses(Set.of(99)).build(),
				"runStartRetryableStatuses", "runStartRetryableStatuses must be HTTP statuses from 100 to 599 but it holds 99");
		assertRefused(() -> CoreClawRetrySettings.builder().runStartRetryableStatuses(null).build(),
				"runStartRetryableStatuses", "runStartRetryableStatuses must be a set of HTTP statuses but is not set");
	}

	@Test
	void pollingSettingsNameTheRefusedSetting() {
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
	void poolSettingsNameTheRefusedSetting() {
		CoreClawPoolSettings defaults = CoreClawPoolSettings.defaults();
		assertRefused(() -> defaults.withLimits(0, -1, S), "maxConnections", "maxConnections must be at least 1 but was 0");
		assertRefused(() -> defaults.withLimits(1, 0, S), "maxPendingAcquires",
				"maxPendingAcquires must be -1 (no limit) or at least 1 but was 0");
		assertRefused(() -> defaults.withLimits(1, -1, Duration.ZERO), "pendingAcquireTimeout",
				"pendingAcquireTimeout must be a positive duration but was 0ms");
		assertRefused(() -> CoreClawPoolSettings.builder().evictInBackground(Duration.ofSeconds(-1)).build(),
				"evictInBackground", "evictInBackground must be a duration of 0 or more but was -1s");
		assertRefused(() -> CoreClawPoolSettings.builder().maxIdleTime(null).build(), "maxIdleTime",
				"maxIdleTime must be a positive duration but is not set");
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

	@Test
	void toStringShowsOnlyTheOriginOfTheBaseUrl() {
		CoreClawClientSettings settings = CoreClawClientSettings.of("ck_secret_key")
			.withBaseUrl(URI.create("https://gateway.example.com:8443/tenant-7f3a/coreclaw?sig=s1gn"));
		assertThat(settings.toString())
			.startsWith("CoreClawClientSettings[baseUrl=https://gateway.example.com:8443/..., apiKey=******,")
			.doesNotContain("ck_secret_key", "tenant-7f3a", "s1gn");
		assertThat(settings.baseUrl().toString()).contains("tenant-7f3a");
	}

	@Test
	void aBaseUrlWithUserInfoIsRefusedWithoutEchoingIt() {
		String message = "baseUrl must be a URL without user info (the API key goes in its own setting) but it holds "
				+ "user info, which would be printed wherever the URL is";
		URI withCredentials = URI.create("https://gw-user:gw-pass@gateway.example.com/coreclaw");
		assertRefused(() -> CoreClawClientSettings.of("ck_secret_key").withBaseUrl(withCredentials), "baseUrl", message);
		assertRefused(() -> CoreClawClientSettings.builder().apiKey("ck_secret_key").baseUrl(withCredentials).build(),
				"baseUrl", message);
	}

	private static void assertKeyRefused(String key, String message) {
		assertRefused(() -> CoreClawClientSettings.of(key), "apiKey", message);
		assertRefused(() -> CoreClawClientSettings.builder().apiKey(key).build(), "apiKey", message);
		String visible = key.strip();
		assertThat(message).doesNotContain(visible.substring(visible.length() - 6));
	}

	private static void assertRefused(ThrowingCallable creation, String setting, String message) {
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(creation)
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo(setting));
	}

}
