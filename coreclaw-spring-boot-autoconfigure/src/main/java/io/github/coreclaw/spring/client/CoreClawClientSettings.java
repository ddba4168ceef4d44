/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;

import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of a {@link CoreClawClient}; the auto-configuration maps the
 * {@code coreclaw.*} properties to it, and code that builds a client by hand starts from
 * {@link #of(String)}.
 *
 * @param baseUrl the root URL of the CoreClaw API
 * @param apiKey the API key
 * @param authScheme how the API key is sent
 * @param connectTimeout how long to wait for a connection
 * @param responseTimeout how long to wait for a response to any call but a synchronous run
 * @param syncResponseTimeout how long to wait for the response to a synchronous run
 * @param defaultCallbackUrl the callback URL of runs whose options set none, if any
 * @param defaultResultLimit the window size of synchronous runs whose options set none
 * @since 0.1.0
 */
public record CoreClawClientSettings(URI baseUrl, String apiKey, AuthScheme authScheme, Duration connectTimeout,
		Duration responseTimeout, Duration syncResponseTimeout, @Nullable URI defaultCallbackUrl,
		int defaultResultLimit) {

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

	/**
	 * Check the settings.
	 * @throws InvalidSettingException naming the setting that is missing or out of range
	 */
	public CoreClawClientSettings {
		if (apiKey == null || apiKey.isBlank()) {
			throw new InvalidSettingException("apiKey", "a CoreClaw API key",
					(apiKey == null) ? "is not set" : "it is blank");
		}
		SettingChecks.absoluteHttp("baseUrl", baseUrl);
		SettingChecks.present("authScheme", authScheme, "a way to send the API key");
		SettingChecks.positive("connectTimeout", connectTimeout);
		SettingChecks.positive("responseTimeout", responseTimeout);
		SettingChecks.positive("syncResponseTimeout", syncResponseTimeout);
		if (defaultCallbackUrl != null) {
			SettingChecks.absoluteHttp("defaultCallbackUrl", defaultCallbackUrl);
			if (Identifiers.containsApiKey(defaultCallbackUrl, apiKey)) {
				throw new InvalidSettingException("defaultCallbackUrl",
						"a URL without the API key, which CoreClaw would send to the callback receiver",
						"it contains the API key");
			}
		}
		SettingChecks.between("defaultResultLimit", defaultResultLimit, RunOptions.MIN_LIMIT, RunOptions.MAX_LIMIT);
	}

	/**
	 * Settings with the given API key and every other setting at its default.
	 * @param apiKey the API key
	 * @return the settings
	 */
	public static CoreClawClientSettings of(String apiKey) {
		return new CoreClawClientSettings(DEFAULT_BASE_URL, apiKey, AuthScheme.BEARER, DEFAULT_CONNECT_TIMEOUT,
				DEFAULT_RESPONSE_TIMEOUT, DEFAULT_SYNC_RESPONSE_TIMEOUT, null, DEFAULT_RESULT_LIMIT);
	}

	/**
	 * Return a copy with another base URL.
	 * @param baseUrl the root URL of the CoreClaw API
	 * @return the new settings
	 */
	public CoreClawClientSettings withBaseUrl(URI baseUrl) {
		return new CoreClawClientSettings(baseUrl, this.apiKey, this.authScheme, this.connectTimeout,
				this.responseTimeout, this.syncResponseTimeout, this.defaultCallbackUrl, this.defaultResultLimit);
	}

	/**
	 * Return a copy with another auth scheme.
	 * @param authScheme how the API key is sent
	 * @return the new settings
	 */
	public CoreClawClientSettings withAuthScheme(AuthScheme authScheme) {
		return new CoreClawClientSettings(this.baseUrl, this.apiKey, authScheme, this.connectTimeout,
				this.responseTimeout, this.syncResponseTimeout, this.defaultCallbackUrl, this.defaultResultLimit);
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
		return new CoreClawClientSettings(this.baseUrl, this.apiKey, this.authScheme, connectTimeout, responseTimeout,
				syncResponseTimeout, this.defaultCallbackUrl, this.defaultResultLimit);
	}

	/**
	 * Return a copy with another default callback URL.
	 * @param defaultCallbackUrl the callback URL of runs whose options set none, or {@code null}
	 * @return the new settings
	 */
	public CoreClawClientSettings withDefaultCallbackUrl(@Nullable URI defaultCallbackUrl) {
		return new CoreClawClientSettings(this.baseUrl, this.apiKey, this.authScheme, this.connectTimeout,
				this.responseTimeout, this.syncResponseTimeout, defaultCallbackUrl, this.defaultResultLimit);
	}

	/**
	 * Return a copy with another default result limit.
	 * @param defaultResultLimit the window size of synchronous runs whose options set none
	 * @return the new settings
	 */
	public CoreClawClientSettings withDefaultResultLimit(int defaultResultLimit) {
		return new CoreClawClientSettings(this.baseUrl, this.apiKey, this.authScheme, this.connectTimeout,
				this.responseTimeout, this.syncResponseTimeout, this.defaultCallbackUrl, defaultResultLimit);
	}

	@Override
	public String toString() {
		return "CoreClawClientSettings[baseUrl=" + this.baseUrl + ", apiKey=******, authScheme=" + this.authScheme
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
				+ ", syncResponseTimeout=" + this.syncResponseTimeout + ", defaultCallbackUrl="
				+ SafeUrls.origin(this.defaultCallbackUrl) + ", defaultResultLimit=" + this.defaultResultLimit + "]";
	}

}
