/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.CoreClawPoolSettings;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link CoreClawProperties} and {@link CoreClawConnectionDetails} to
 * {@link CoreClawClientSettings}, stopping startup with the name of the property to fix when
 * a value is missing or wrong.
 */
final class CoreClawClientSettingsMapper {

	private CoreClawClientSettingsMapper() {
	}

	static CoreClawClientSettings map(CoreClawProperties properties, CoreClawConnectionDetails connectionDetails) {
		String apiKey = (connectionDetails.getApiKey() != null) ? connectionDetails.getApiKey()
				: properties.getApiKey();
		if (apiKey == null || apiKey.isBlank()) {
			throw new InvalidCoreClawConfigurationException("coreclaw.api-key",
					"No CoreClaw API key is configured: coreclaw.api-key is not set, so the CoreClaw client cannot "
							+ "authenticate its requests.",
					"Set coreclaw.api-key (in application.yml, or through the CORECLAW_API_KEY environment variable) "
							+ "to an API key from the CoreClaw console (Settings > API & Integrations). To start "
							+ "without the CoreClaw client, set coreclaw.enabled=false.");
		}
		URI baseUrl = checkBaseUrl(connectionDetails.getBaseUrl(), properties.isAllowInsecureHttp());
		Duration connectTimeout = checkPositive("coreclaw.connect-timeout", properties.getConnectTimeout());
		Duration responseTimeout = checkPositive("coreclaw.response-timeout", properties.getResponseTimeout());
		Duration syncResponseTimeout = checkPositive("coreclaw.sync-response-timeout",
				properties.getSyncResponseTimeout());
		int limit = properties.getDefaultResultLimit();
		if (limit < RunOptions.MIN_LIMIT || limit > RunOptions.MAX_LIMIT) {
			throw new InvalidCoreClawConfigurationException("coreclaw.default-result-limit",
					"coreclaw.default-result-limit is " + limit + ", but CoreClaw returns between "
							+ RunOptions.MIN_LIMIT + " and " + RunOptions.MAX_LIMIT + " result rows per run.",
					"Set coreclaw.default-result-limit to a number from " + RunOptions.MIN_LIMIT + " to "
							+ RunOptions.MAX_LIMIT + ", or remove it to use " + CoreClawClientSettings.DEFAULT_RESULT_LIMIT
							+ ".");
		}
		URI callbackUrl = checkCallbackUrl(properties.getDefaultCallbackUrl(), apiKey);
		return new CoreClawClientSettings(baseUrl, apiKey, properties.getAuthScheme(), connectTimeout, responseTimeout,
				syncResponseTimeout, callbackUrl, limit);
	}

	static CoreClawRetrySettings mapRetry(CoreClawProperties.Retry retry) {
		int maxAttempts = retry.getMaxAttempts();
		if (maxAttempts < 1) {
			throw invalid("coreclaw.retry.max-attempts", maxAttempts + ", but at least 1 attempt is needed",
					"a number of attempts such as 4 (1 means no retry)");
		}
		checkWaits("coreclaw.retry.", "initial-backoff", retry.getInitialBackoff(), "max-backoff", retry.getMaxBackoff(),
				retry.getMultiplier(), retry.getJitter());
		Duration maxRetryAfter = checkNotNegative("coreclaw.retry.max-retry-after", retry.getMaxRetryAfter(), "60s");
		Set<Integer> statuses = new LinkedHashSet<>();
		for (Integer status : retry.getRetryableStatuses()) {
			if (status == null || status < 100 || status > 599) {
				throw invalid("coreclaw.retry.retryable-statuses", "holding " + status + ", which is no HTTP status",
						"a list of HTTP statuses such as 429,500");
			}
			statuses.add(status);
		}
		List<CoreClawRetrySettings.CodeRange> codes = new ArrayList<>();
		for (String code : retry.getRetryableCodes()) {
			try {
				codes.add(CoreClawRetrySettings.CodeRange.parse(code));
			}
			catch (IllegalArgumentException ex) {
				throw invalid("coreclaw.retry.retryable-codes", "holding " + ex.getMessage(),
						"a list of codes and ranges such as 13000-13999,30003");
			}
		}
		return new CoreClawRetrySettings(maxAttempts, retry.getInitialBackoff(), retry.getMultiplier(),
				retry.getMaxBackoff(), retry.getJitter(), retry.isRespectRetryAfter(), maxRetryAfter, statuses, codes);
	}

	static CoreClawPoolSettings mapPool(CoreClawProperties.Pool pool) {
		if (pool.getMaxConnections() < 1) {
			throw invalid("coreclaw.pool.max-connections", pool.getMaxConnections() + ", but at least 1 is needed",
					"a number of connections such as 100");
		}
		if (pool.getMaxPendingAcquires() < -1 || pool.getMaxPendingAcquires() == 0) {
			throw invalid("coreclaw.pool.max-pending-acquires", Integer.toString(pool.getMaxPendingAcquires()),
					"-1 (no limit) or a number of waiting requests of at least 1");
		}
		Duration evict = checkNotNegative("coreclaw.pool.evict-in-background", pool.getEvictInBackground(),
				"30s, or 0 for never");
		return new CoreClawPoolSettings(pool.getMaxConnections(), pool.getMaxPendingAcquires(),
				checkPositive("coreclaw.pool.pending-acquire-timeout", pool.getPendingAcquireTimeout()),
				checkPositive("coreclaw.pool.max-idle-time", pool.getMaxIdleTime()),
				checkPositive("coreclaw.pool.max-life-time", pool.getMaxLifeTime()), evict);
	}

	static CoreClawPollingSettings mapPolling(CoreClawProperties.Polling polling) {
		checkWaits("coreclaw.polling.", "initial-interval", polling.getInitialInterval(), "max-interval",
				polling.getMaxInterval(), polling.getMultiplier(), polling.getJitter());
		Duration grace = checkNotNegative("coreclaw.polling.aborting-grace", polling.getAbortingGrace(), "60s");
		return new CoreClawPollingSettings(polling.getInitialInterval(), polling.getMaxInterval(),
				polling.getMultiplier(), polling.getJitter(), grace, polling.isAbortOnTimeout(), Duration.ofMinutes(30));
	}

	/**
	 * Check the callback receiver's settings when it is enabled.
	 * @return the secret
	 */
	static String checkCallback(CoreClawProperties.Callback callback) {
		String secret = callback.getSecret();
		if (secret == null || secret.isBlank()) {
			throw new InvalidCoreClawConfigurationException("coreclaw.callback.secret",
					"coreclaw.callback.enabled is true but coreclaw.callback.secret is not set: without it anyone "
							+ "could post run callbacks to the application.",
					"Set coreclaw.callback.secret to a random value of at least 16 letters and digits (for example "
							+ "the output of 'openssl rand -hex 24'), or set coreclaw.callback.enabled=false.");
		}
		if (secret.length() < 16 || !Identifiers.isSlug(secret)) {
			throw invalid("coreclaw.callback.secret",
					"too short or has characters that do not belong in a URL path segment",
					"a random value of at least 16 letters, digits, '_', '~', '.' or '-' (for example the output "
							+ "of 'openssl rand -hex 24')");
		}
		String path = callback.getPath();
		if (path == null || !path.startsWith("/") || !path.contains("{secret}")) {
			throw invalid("coreclaw.callback.path", "'" + path + "', which is not a path holding {secret}",
					"a path such as /coreclaw/callback/{secret}");
		}
		checkPositive("coreclaw.callback.dedupe-window", callback.getDedupeWindow());
		return secret;
	}

	/**
	 * The URL CoreClaw can post callbacks to, or {@code null} if the receiver is off or has no
	 * public base URL.
	 */
	static @Nullable URI callbackReceiverUrl(CoreClawProperties.Callback callback) {
		if (!callback.isEnabled()) {
			return null;
		}
		String secret = checkCallback(callback);
		URI base = callback.getPublicBaseUrl();
		if (base == null) {
			return null;
		}
		if (!Identifiers.isAbsoluteHttp(base)) {
			throw invalid("coreclaw.callback.public-base-url", "'" + base + "', which is not an absolute http or https URL",
					"the URL at which CoreClaw reaches this application, such as https://app.example.com");
		}
		String text = base.toString();
		String root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		return URI.create(root + callback.getPath().replace("{secret}", secret));
	}

	/**
	 * Check waits that start at an initial duration and grow by a multiplier, with jitter, up
	 * to a maximum: the shape retry backoff and run polling share.
	 */
	private static void checkWaits(String prefix, String initialKey, @Nullable Duration initial, String maxKey,
			@Nullable Duration max, double multiplier, double jitter) {
		Duration first = checkPositive(prefix + initialKey, initial);
		Duration longest = checkPositive(prefix + maxKey, max);
		if (longest.compareTo(first) < 0) {
			throw invalid(prefix + maxKey, Durations.format(longest) + ", shorter than " + prefix + initialKey + " ("
					+ Durations.format(first) + ")", "a duration at least as long as " + prefix + initialKey);
		}
		if (!(multiplier >= 1.0)) {
			throw invalid(prefix + "multiplier", multiplier + ", but waits must not shrink",
					"a factor of 1.0 or more, such as 2.0");
		}
		if (!(jitter >= 0.0 && jitter < 1.0)) {
			throw invalid(prefix + "jitter", jitter + ", outside 0 to below 1",
					"a randomization factor from 0 (none) to below 1, such as 0.2");
		}
	}

	private static Duration checkNotNegative(String property, @Nullable Duration value, String example) {
		if (value == null || value.isNegative()) {
			throw invalid(property, String.valueOf(value) + ", which is negative", "a duration such as " + example);
		}
		return value;
	}

	private static InvalidCoreClawConfigurationException invalid(String property, String problem, String expected) {
		return new InvalidCoreClawConfigurationException(property, property + " is " + problem + ".",
				"Set " + property + " to " + expected + ", or remove it to use the default.");
	}

	private static URI checkBaseUrl(@Nullable URI baseUrl, boolean allowInsecureHttp) {
		if (baseUrl == null || !Identifiers.isAbsoluteHttp(baseUrl)) {
			throw new InvalidCoreClawConfigurationException("coreclaw.base-url",
					"coreclaw.base-url is '" + baseUrl + "', which is not an absolute http or https URL with a host.",
					"Set coreclaw.base-url to the root URL of the CoreClaw API, such as "
							+ CoreClawClientSettings.DEFAULT_BASE_URL + ", or remove it to use that default.");
		}
		if (baseUrl.getScheme().equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(baseUrl.getHost())) {
			throw new InvalidCoreClawConfigurationException("coreclaw.base-url", "coreclaw.base-url is '" + baseUrl
					+ "': plain http to a host other than loopback would send the CoreClaw API key in clear.",
					"Use an https URL in coreclaw.base-url, or set coreclaw.allow-insecure-http=true if this "
							+ "connection is protected in another way.");
		}
		return baseUrl;
	}

	private static @Nullable URI checkCallbackUrl(@Nullable URI callbackUrl, String apiKey) {
		if (callbackUrl == null) {
			return null;
		}
		if (!Identifiers.isAbsoluteHttp(callbackUrl)) {
			// The URL itself is not echoed: it may hold a secret.
			throw new InvalidCoreClawConfigurationException("coreclaw.default-callback-url",
					"coreclaw.default-callback-url is not an absolute http or https URL with a host.",
					"Set coreclaw.default-callback-url to the absolute URL of your callback receiver, or remove it.");
		}
		if (Identifiers.containsApiKey(callbackUrl, apiKey)) {
			throw new InvalidCoreClawConfigurationException("coreclaw.default-callback-url",
					"coreclaw.default-callback-url contains the CoreClaw API key, which CoreClaw would send to the "
							+ "callback receiver.",
					"Remove the API key from coreclaw.default-callback-url; authenticate callbacks with a secret "
							+ "path or parameter of your own.");
		}
		return callbackUrl;
	}

	private static Duration checkPositive(String property, @Nullable Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidCoreClawConfigurationException(property,
					property + " is " + ((value != null) ? Durations.format(value) : "not set")
							+ ", but it must be a positive duration.",
					"Set " + property + " to a positive duration such as 30s, or remove it to use the default.");
		}
		return value;
	}

	/**
	 * Whether a host is loopback, judged from its text alone: no name is looked up.
	 */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		boolean ipv6 = name.startsWith("[") && name.endsWith("]");
		if (!ipv6 && !isIpv4Literal(name)) {
			return false;
		}
		try {
			return InetAddress.getByName(name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean isIpv4Literal(String name) {
		int dots = 0;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '.') {
				dots++;
			}
			else if (c < '0' || c > '9') {
				return false;
			}
		}
		return dots == 3;
	}

}
