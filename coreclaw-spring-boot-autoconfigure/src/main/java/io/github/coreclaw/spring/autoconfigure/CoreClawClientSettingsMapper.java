/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.github.coreclaw.spring.client.CallbackTokens;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.CoreClawPoolSettings;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.CoreClawValues;
import io.github.coreclaw.spring.client.InvalidSettingException;
import io.github.coreclaw.spring.client.RunSlug;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Maps {@link CoreClawProperties} and {@link CoreClawConnectionDetails} to the client's settings
 * types, stopping startup with the name of the property to fix when a value is missing or
 * wrong.
 * <p>
 * The settings types check their own values; this class only names the property behind a refused
 * value, and checks what only configuration has: placeholders nothing defines, plain http, and
 * the callback receiver's properties.
 */
final class CoreClawClientSettingsMapper {

	private static final String SECRET_VALUE = "a random value of at least "
			+ CoreClawCallbackReceiver.MIN_SECRET_LENGTH
			+ " letters and digits (for example the output of 'openssl rand -hex 24')";

	private CoreClawClientSettingsMapper() {
	}

	static CoreClawClientSettings map(CoreClawProperties properties, CoreClawConnectionDetails connectionDetails) {
		String apiKey = (connectionDetails.getApiKey() != null) ? connectionDetails.getApiKey()
				: properties.getApiKey();
		UnresolvedPlaceholder keyPlaceholder = UnresolvedPlaceholder.find(apiKey);
		if (keyPlaceholder != null) {
			throw new InvalidCoreClawConfigurationException("coreclaw.api-key",
					"No CoreClaw API key is configured: " + keyPlaceholder.describe("coreclaw.api-key")
							+ ", so the CoreClaw client cannot authenticate its requests.",
					"Set " + keyPlaceholder.source() + " to an API key from the CoreClaw console (Settings > API "
							+ "& Integrations), or write the key into coreclaw.api-key. To start without the "
							+ "CoreClaw client, set coreclaw.enabled=false.");
		}
		URI baseUrl = connectionDetails.getBaseUrl();
		checkResolved("coreclaw.base-url", UnresolvedPlaceholder.find(baseUrl),
				"the root URL of the CoreClaw API, such as " + CoreClawClientSettings.DEFAULT_BASE_URL,
				"or remove coreclaw.base-url to use that default");
		checkResolved("coreclaw.default-callback-url", UnresolvedPlaceholder.find(properties.getDefaultCallbackUrl()),
				null, "or remove coreclaw.default-callback-url");
		CoreClawClientSettings settings;
		try {
			settings = CoreClawClientSettings.builder()
				.baseUrl(baseUrl)
				.apiKey((apiKey != null) ? apiKey : "")
				.authScheme(properties.getAuthScheme())
				.connectTimeout(properties.getConnectTimeout())
				.responseTimeout(properties.getResponseTimeout())
				.syncResponseTimeout(properties.getSyncResponseTimeout())
				.defaultCallbackUrl(properties.getDefaultCallbackUrl())
				.defaultResultLimit(properties.getDefaultResultLimit())
				.build();
		}
		catch (InvalidSettingException ex) {
			if (ex.getSetting().equals("apiKey")) {
				throw invalidApiKey(apiKey, ex);
			}
			throw InvalidCoreClawConfigurationException.forSetting("coreclaw.", CoreClawClientSettings.class, ex);
		}
		checkSecure("coreclaw.base-url", settings.baseUrl(), properties.isAllowInsecureHttp(), "the CoreClaw API key");
		return settings;
	}

	/**
	 * The failure of a missing key, or of one that cannot be sent as it is; neither quotes the
	 * key, only what is wrong with it.
	 */
	private static InvalidCoreClawConfigurationException invalidApiKey(@Nullable String apiKey,
			InvalidSettingException ex) {
		if (apiKey == null || apiKey.isBlank()) {
			return new InvalidCoreClawConfigurationException("coreclaw.api-key",
					"No CoreClaw API key is configured: coreclaw.api-key is not set, so the CoreClaw client "
							+ "cannot authenticate its requests.",
					"Set coreclaw.api-key (in application.yml, or through the CORECLAW_API_KEY environment "
							+ "variable) to an API key from the CoreClaw console (Settings > API & Integrations). "
							+ "To start without the CoreClaw client, set coreclaw.enabled=false.");
		}
		return new InvalidCoreClawConfigurationException("coreclaw.api-key",
				"coreclaw.api-key must be " + ex.getRequirement() + " but " + ex.getProblem()
						+ ": the CoreClaw client could not send it as it is.",
				"Set coreclaw.api-key to the key exactly as the CoreClaw console (Settings > API & Integrations) "
						+ "shows it: without a \"Bearer \" prefix (the client adds it), spaces or line breaks (check "
						+ "the end of a key read from a file or an environment variable).");
	}

	static CoreClawRetrySettings mapRetry(CoreClawProperties.Retry retry) {
		List<CoreClawRetrySettings.CodeRange> codes = new ArrayList<>();
		for (String code : retry.getRetryableCodes()) {
			try {
				codes.add(CoreClawRetrySettings.CodeRange.parse(code));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidCoreClawConfigurationException.invalid("coreclaw.retry.retryable-codes",
						"a list of codes and ranges such as 13000-13999,30003", ex.getMessage());
			}
		}
		return settings("coreclaw.retry.", CoreClawRetrySettings.class,
				() -> CoreClawRetrySettings.builder()
					.maxAttempts(retry.getMaxAttempts())
					.initialBackoff(retry.getInitialBackoff())
					.multiplier(retry.getMultiplier())
					.maxBackoff(retry.getMaxBackoff())
					.jitter(retry.getJitter())
					.respectRetryAfter(retry.isRespectRetryAfter())
					.maxRetryAfter(retry.getMaxRetryAfter())
					.retryableStatuses(new LinkedHashSet<>(retry.getRetryableStatuses()))
					.runStartRetryableStatuses(new LinkedHashSet<>(retry.getRunStartRetryableStatuses()))
					.retryableCodes(codes)
					.build());
	}

	static CoreClawPoolSettings mapPool(CoreClawProperties.Pool pool) {
		return settings("coreclaw.pool.", CoreClawPoolSettings.class,
				() -> CoreClawPoolSettings.builder()
					.maxConnections(pool.getMaxConnections())
					.maxPendingAcquires(pool.getMaxPendingAcquires())
					.pendingAcquireTimeout(pool.getPendingAcquireTimeout())
					.maxIdleTime(pool.getMaxIdleTime())
					.maxLifeTime(pool.getMaxLifeTime())
					.evictInBackground(pool.getEvictInBackground())
					.build());
	}

	static CoreClawPollingSettings mapPolling(CoreClawProperties.Polling polling) {
		return settings("coreclaw.polling.", CoreClawPollingSettings.class,
				() -> CoreClawPollingSettings.builder()
					.initialInterval(polling.getInitialInterval())
					.maxInterval(polling.getMaxInterval())
					.multiplier(polling.getMultiplier())
					.jitter(polling.getJitter())
					.abortingGrace(polling.getAbortingGrace())
					.abortOnTimeout(polling.isAbortOnTimeout())
					.defaultTimeout(polling.getDefaultTimeout())
					.build());
	}

	/**
	 * Create the receiver of CoreClaw's callbacks from the enabled receiver's settings.
	 */
	static CoreClawCallbackReceiver mapReceiver(CoreClawProperties.Callback callback,
			ApplicationEventPublisher publisher, Consumer<RunSlug> runChanged) {
		CallbackTokens tokens = mapCallbackTokens(callback);
		return settings("coreclaw.callback.", CoreClawCallbackReceiver.class,
				() -> new CoreClawCallbackReceiver(tokens, callback.getDedupeWindow(), callback.getDedupeMaxKeys(),
						publisher, runChanged));
	}

	/**
	 * The tokens of the callback receiver: minted for each run that asks for it, accepted by
	 * the receiver.
	 */
	static CallbackTokens mapCallbackTokens(CoreClawProperties.Callback callback) {
		String secret = checkCallback(callback);
		return settings("coreclaw.callback.", CallbackTokens.class,
				() -> new CallbackTokens(secret, callback.getTokenValidity()));
	}

	/**
	 * Check the callback receiver's secret and path when it is enabled.
	 * @return the secret
	 */
	static String checkCallback(CoreClawProperties.Callback callback) {
		String secret = callback.getSecret();
		checkResolved("coreclaw.callback.secret", UnresolvedPlaceholder.find(secret), SECRET_VALUE,
				"or set coreclaw.callback.enabled=false");
		if (secret == null || secret.isBlank()) {
			throw new InvalidCoreClawConfigurationException("coreclaw.callback.secret",
					"coreclaw.callback.enabled is true but coreclaw.callback.secret is not set: without it anyone "
							+ "could post run callbacks to the application.",
					"Set coreclaw.callback.secret to " + SECRET_VALUE + ", or set coreclaw.callback.enabled=false.");
		}
		settings("coreclaw.callback.", CoreClawCallbackReceiver.class, () -> CoreClawCallbackReceiver.checkSecret(secret));
		String path = callback.getPath();
		if (path == null || !path.startsWith("/") || !path.contains("{secret}")) {
			throw InvalidCoreClawConfigurationException.invalid("coreclaw.callback.path",
					"a path that starts with / and holds {secret}, such as /coreclaw/callback/{secret}",
					"was '" + path + "'");
		}
		return secret;
	}

	/**
	 * The URL CoreClaw can post callbacks to, holding {@code {secret}} where each run's token
	 * goes, or {@code null} if the receiver is off or has no public base URL.
	 */
	static @Nullable String callbackReceiverUrl(CoreClawProperties.Callback callback, boolean allowInsecureHttp) {
		if (!callback.isEnabled()) {
			return null;
		}
		checkCallback(callback);
		URI base = callback.getPublicBaseUrl();
		if (base == null) {
			return null;
		}
		checkResolved("coreclaw.callback.public-base-url", UnresolvedPlaceholder.find(base), null,
				"or remove coreclaw.callback.public-base-url");
		String problem = CoreClawValues.absoluteHttpProblem(base);
		if (problem != null) {
			throw InvalidCoreClawConfigurationException.invalid("coreclaw.callback.public-base-url",
					"the URL at which CoreClaw reaches this application, such as https://app.example.com", problem);
		}
		checkSecure("coreclaw.callback.public-base-url", base, allowInsecureHttp, "the callback tokens");
		String text = base.toString();
		String root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		return root + callback.getPath();
	}

	/**
	 * Create settings, naming the property behind any value they refuse.
	 */
	private static <T> T settings(String prefix, Class<?> settingsType, Supplier<T> creator) {
		try {
			return creator.get();
		}
		catch (InvalidSettingException ex) {
			throw InvalidCoreClawConfigurationException.forSetting(prefix, settingsType, ex);
		}
	}

	private static void checkResolved(String property, @Nullable UnresolvedPlaceholder placeholder,
			@Nullable String value, String alternative) {
		if (placeholder != null) {
			throw InvalidCoreClawConfigurationException.unresolved(property, placeholder, value, alternative);
		}
	}

	/**
	 * Refuse plain http to a host other than loopback, unless allowed.
	 */
	private static void checkSecure(String property, URI url, boolean allowInsecureHttp, String secret) {
		if (url.getScheme().equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
			throw new InvalidCoreClawConfigurationException(property, property + " is '" + url
					+ "': plain http to a host other than loopback would send " + secret + " in clear.",
					"Use an https URL in " + property + ", or set coreclaw.allow-insecure-http=true if this "
							+ "connection is protected in another way.");
		}
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
