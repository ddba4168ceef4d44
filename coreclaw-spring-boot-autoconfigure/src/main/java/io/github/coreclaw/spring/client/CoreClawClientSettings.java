/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of a {@link CoreClawClient}; the auto-configuration maps the
 * {@code coreclaw.*} properties to it, and code that builds a client by hand starts from
 * {@link #of(String)} or {@link #builder()}.
 * <p>
 * Settings are checked when they are built: a missing or out-of-range value throws an
 * {@link InvalidSettingException} naming it. {@link #toString()} shows neither the API key nor
 * more of a URL than its origin.
 *
 * @since 0.1.0
 */
public final class CoreClawClientSettings {

	/** The public CoreClaw API. */
	public static final URI DEFAULT_BASE_URL = URI.create("https://openapi.coreclaw.com");

	/** Default of {@link #connectTimeout()}. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default of {@link #responseTimeout()}. */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	/** Default of {@link #syncResponseTimeout()}: longer than CoreClaw's five-minute wait. */
	public static final Duration DEFAULT_SYNC_RESPONSE_TIMEOUT = Duration.ofMinutes(6);

	/** Default of {@link #defaultResultLimit()}, CoreClaw's own default. */
	public static final int DEFAULT_RESULT_LIMIT = 20;

	private final URI baseUrl;

	private final String apiKey;

	private final AuthScheme authScheme;

	private final Duration connectTimeout;

	private final Duration responseTimeout;

	private final Duration syncResponseTimeout;

	private final @Nullable URI defaultCallbackUrl;

	private final int defaultResultLimit;

	private CoreClawClientSettings(Builder builder) {
		this.apiKey = SettingChecks.apiKey("apiKey", builder.apiKey);
		this.baseUrl = SettingChecks.withoutUserInfo("baseUrl", SettingChecks.absoluteHttp("baseUrl", builder.baseUrl));
		this.authScheme = SettingChecks.present("authScheme", builder.authScheme, "a way to send the API key");
		this.connectTimeout = SettingChecks.positive("connectTimeout", builder.connectTimeout);
		this.responseTimeout = SettingChecks.positive("responseTimeout", builder.responseTimeout);
		this.syncResponseTimeout = SettingChecks.positive("syncResponseTimeout", builder.syncResponseTimeout);
		URI callbackUrl = builder.defaultCallbackUrl;
		if (callbackUrl != null) {
			SettingChecks.absoluteHttp("defaultCallbackUrl", callbackUrl);
			if (Identifiers.containsApiKey(callbackUrl, this.apiKey)) {
				throw new InvalidSettingException("defaultCallbackUrl",
						"a URL without the API key, which CoreClaw would send to the callback receiver",
						"it contains the API key");
			}
		}
		this.defaultCallbackUrl = callbackUrl;
		this.defaultResultLimit = SettingChecks.between("defaultResultLimit", builder.defaultResultLimit,
				RunOptions.MIN_LIMIT, RunOptions.MAX_LIMIT);
	}

	/**
	 * Settings with the given API key and every other setting at its default.
	 * @param apiKey the API key
	 * @return the settings
	 * @throws InvalidSettingException if the key is missing or could not be sent as it is
	 */
	public static CoreClawClientSettings of(String apiKey) {
		return builder().apiKey(apiKey).build();
	}

	/**
	 * Start building settings: every setting but the API key, which has none, starts at its
	 * default.
	 * @return a new builder
	 * @since 0.2.0
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these settings, to derive others.
	 * @return a new builder
	 * @since 0.2.0
	 */
	public Builder toBuilder() {
		return new Builder().baseUrl(this.baseUrl)
			.apiKey(this.apiKey)
			.authScheme(this.authScheme)
			.connectTimeout(this.connectTimeout)
			.responseTimeout(this.responseTimeout)
			.syncResponseTimeout(this.syncResponseTimeout)
			.defaultCallbackUrl(this.defaultCallbackUrl)
			.defaultResultLimit(this.defaultResultLimit);
	}

	/**
	 * The root URL of the CoreClaw API.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The API key.
	 * @return the key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * How the API key is sent.
	 * @return the auth scheme
	 */
	public AuthScheme authScheme() {
		return this.authScheme;
	}

	/**
	 * How long to wait for a connection.
	 * @return the connect timeout
	 */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * How long to wait for a response to any call but a synchronous run.
	 * @return the response timeout
	 */
	public Duration responseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * How long to wait for the response to a synchronous run.
	 * @return the response timeout of synchronous runs
	 */
	public Duration syncResponseTimeout() {
		return this.syncResponseTimeout;
	}

	/**
	 * The callback URL of runs whose options set none, if any.
	 * @return the URL or {@code null}
	 */
	public @Nullable URI defaultCallbackUrl() {
		return this.defaultCallbackUrl;
	}

	/**
	 * The window size of synchronous runs whose options set none.
	 * @return the limit
	 */
	public int defaultResultLimit() {
		return this.defaultResultLimit;
	}

	/**
	 * Return a copy with another base URL.
	 * @param baseUrl the root URL of the CoreClaw API
	 * @return the new settings
	 */
	public CoreClawClientSettings withBaseUrl(URI baseUrl) {
		return toBuilder().baseUrl(baseUrl).build();
	}

	/**
	 * Return a copy with another auth scheme.
	 * @param authScheme how the API key is sent
	 * @return the new settings
	 */
	public CoreClawClientSettings withAuthScheme(AuthScheme authScheme) {
		return toBuilder().authScheme(authScheme).build();
	}

	/**
	 * Return a copy with other timeouts.
	 * @param connectTimeout how long to wait for a connection
	 * @param responseTimeout how long to wait for a response to any call but a synchronous run
	 * @param syncResponseTimeout how long to wait for the response to a synchronous run
	 * @return the new settings
	 */
	public CoreClawClientSettings withTimeouts(Duration connectTimeout, Duration responseTimeout,
			Duration syncResponseTimeout) {
		return toBuilder().connectTimeout(connectTimeout)
			.responseTimeout(responseTimeout)
			.syncResponseTimeout(syncResponseTimeout)
			.build();
	}

	/**
	 * Return a copy with another default callback URL.
	 * @param defaultCallbackUrl the callback URL of runs whose options set none, or {@code null}
	 * @return the new settings
	 */
	public CoreClawClientSettings withDefaultCallbackUrl(@Nullable URI defaultCallbackUrl) {
		return toBuilder().defaultCallbackUrl(defaultCallbackUrl).build();
	}

	/**
	 * Return a copy with another default result limit.
	 * @param defaultResultLimit the window size of synchronous runs whose options set none
	 * @return the new settings
	 */
	public CoreClawClientSettings withDefaultResultLimit(int defaultResultLimit) {
		return toBuilder().defaultResultLimit(defaultResultLimit).build();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof CoreClawClientSettings that) && this.baseUrl.equals(that.baseUrl)
				&& this.apiKey.equals(that.apiKey) && this.authScheme == that.authScheme
				&& this.connectTimeout.equals(that.connectTimeout) && this.responseTimeout.equals(that.responseTimeout)
				&& this.syncResponseTimeout.equals(that.syncResponseTimeout)
				&& Objects.equals(this.defaultCallbackUrl, that.defaultCallbackUrl)
				&& this.defaultResultLimit == that.defaultResultLimit);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.baseUrl, this.apiKey, this.authScheme, this.connectTimeout, this.responseTimeout,
				this.syncResponseTimeout, this.defaultCallbackUrl, this.defaultResultLimit);
	}

	/**
	 * The settings without the API key and with only the origin of each URL, which may hold a
	 * secret in its user information, path or query.
	 */
	@Override
	public String toString() {
		return "CoreClawClientSettings[baseUrl=" + SafeUrls.origin(this.baseUrl) + ", apiKey=******, authScheme="
				+ this.authScheme + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
				+ this.responseTimeout + ", syncResponseTimeout=" + this.syncResponseTimeout + ", defaultCallbackUrl="
				+ SafeUrls.origin(this.defaultCallbackUrl) + ", defaultResultLimit=" + this.defaultResultLimit + "]";
	}

	/**
	 * Builder of {@link CoreClawClientSettings}; {@link #build()} checks the values.
	 *
	 * @since 0.2.0
	 */
	public static final class Builder {

		private @Nullable URI baseUrl = DEFAULT_BASE_URL;

		private @Nullable String apiKey;

		private @Nullable AuthScheme authScheme = AuthScheme.BEARER;

		private @Nullable Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private @Nullable Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

		private @Nullable Duration syncResponseTimeout = DEFAULT_SYNC_RESPONSE_TIMEOUT;

		private @Nullable URI defaultCallbackUrl;

		private int defaultResultLimit = DEFAULT_RESULT_LIMIT;

		private Builder() {
		}

		/**
		 * Set the root URL of the CoreClaw API; {@link #DEFAULT_BASE_URL} by default.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(@Nullable URI baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Set the API key, which has no default: exactly as the CoreClaw console shows it,
		 * without a {@code Bearer } prefix, whitespace or control characters.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Set how the API key is sent; {@link AuthScheme#BEARER} by default.
		 * @param authScheme the auth scheme
		 * @return this builder
		 */
		public Builder authScheme(@Nullable AuthScheme authScheme) {
			this.authScheme = authScheme;
			return this;
		}

		/**
		 * Set how long to wait for a connection; {@link #DEFAULT_CONNECT_TIMEOUT} by default.
		 * @param connectTimeout the connect timeout
		 * @return this builder
		 */
		public Builder connectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Set how long to wait for a response to any call but a synchronous run;
		 * {@link #DEFAULT_RESPONSE_TIMEOUT} by default.
		 * @param responseTimeout the response timeout
		 * @return this builder
		 */
		public Builder responseTimeout(@Nullable Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * Set how long to wait for the response to a synchronous run;
		 * {@link #DEFAULT_SYNC_RESPONSE_TIMEOUT} by default.
		 * @param syncResponseTimeout the response timeout of synchronous runs
		 * @return this builder
		 */
		public Builder syncResponseTimeout(@Nullable Duration syncResponseTimeout) {
			this.syncResponseTimeout = syncResponseTimeout;
			return this;
		}

		/**
		 * Set the callback URL of runs whose options set none; none by default.
		 * @param defaultCallbackUrl the URL, {@code null} for none
		 * @return this builder
		 */
		public Builder defaultCallbackUrl(@Nullable URI defaultCallbackUrl) {
			this.defaultCallbackUrl = defaultCallbackUrl;
			return this;
		}

		/**
		 * Set the window size of synchronous runs whose options set none;
		 * {@link #DEFAULT_RESULT_LIMIT} by default.
		 * @param defaultResultLimit the limit, from 1 to 100
		 * @return this builder
		 */
		public Builder defaultResultLimit(int defaultResultLimit) {
			this.defaultResultLimit = defaultResultLimit;
			return this;
		}

		/**
		 * Check the values and build the settings.
		 * @return the settings
		 * @throws InvalidSettingException naming the setting that is missing or out of range
		 */
		public CoreClawClientSettings build() {
			return new CoreClawClientSettings(this);
		}

	}

}
