/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.coreclaw.spring.client.AuthScheme;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the CoreClaw client, bound from {@code coreclaw.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(CoreClawProperties.PREFIX)
public class CoreClawProperties {

	/** Prefix of every CoreClaw property. */
	public static final String PREFIX = "coreclaw";

	/**
	 * API key that authenticates every request, created in the CoreClaw console under Settings, API and Integrations.
	 */
	private @Nullable String apiKey;

	/**
	 * Root URL of the CoreClaw API.
	 */
	private URI baseUrl = CoreClawClientSettings.DEFAULT_BASE_URL;

	/**
	 * How the API key is sent: as a bearer token, in the legacy api-key header, or as a token query parameter.
	 */
	private AuthScheme authScheme = AuthScheme.BEARER;

	/**
	 * Maximum time to wait for a connection to CoreClaw.
	 */
	private Duration connectTimeout = CoreClawClientSettings.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Maximum time to wait for the response to any call except a synchronous run.
	 */
	private Duration responseTimeout = CoreClawClientSettings.DEFAULT_RESPONSE_TIMEOUT;

	/**
	 * Maximum time to wait for the response to a synchronous run, which CoreClaw holds for up to five minutes.
	 */
	private Duration syncResponseTimeout = CoreClawClientSettings.DEFAULT_SYNC_RESPONSE_TIMEOUT;

	/**
	 * Callback URL that CoreClaw notifies of status changes of runs whose options set none.
	 */
	private @Nullable URI defaultCallbackUrl;

	/**
	 * Number of result rows a synchronous run returns when its options set no limit, from 1 to 100.
	 */
	private int defaultResultLimit = CoreClawClientSettings.DEFAULT_RESULT_LIMIT;

	/**
	 * Whether a plain http base URL to a host other than loopback is allowed, which sends the API key in clear.
	 */
	private boolean allowInsecureHttp;

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public AuthScheme getAuthScheme() {
		return this.authScheme;
	}

	public void setAuthScheme(AuthScheme authScheme) {
		this.authScheme = authScheme;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getSyncResponseTimeout() {
		return this.syncResponseTimeout;
	}

	public void setSyncResponseTimeout(Duration syncResponseTimeout) {
		this.syncResponseTimeout = syncResponseTimeout;
	}

	public @Nullable URI getDefaultCallbackUrl() {
		return this.defaultCallbackUrl;
	}

	public void setDefaultCallbackUrl(@Nullable URI defaultCallbackUrl) {
		this.defaultCallbackUrl = defaultCallbackUrl;
	}

	public int getDefaultResultLimit() {
		return this.defaultResultLimit;
	}

	public void setDefaultResultLimit(int defaultResultLimit) {
		this.defaultResultLimit = defaultResultLimit;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

}
