/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the CoreClaw client connects and with which key; define a bean of this type (or let
 * a Testcontainers {@code @ServiceConnection} do it) to redirect the client.
 *
 * @since 0.1.0
 */
public interface CoreClawConnectionDetails extends ConnectionDetails {

	/**
	 * Root URL of the CoreClaw API.
	 * @return the base URL
	 */
	URI getBaseUrl();

	/**
	 * API key to authenticate with; {@code null} to use {@code coreclaw.api-key}.
	 * @return the API key or {@code null}
	 */
	default @Nullable String getApiKey() {
		return null;
	}

}
