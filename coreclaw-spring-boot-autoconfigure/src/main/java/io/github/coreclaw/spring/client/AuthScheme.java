/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * How the API key is sent to CoreClaw.
 *
 * @since 0.1.0
 */
public enum AuthScheme {

	/** {@code Authorization: Bearer <key>}, the scheme CoreClaw recommends. */
	BEARER,

	/** {@code api-key: <key>}, the legacy header. */
	API_KEY_HEADER,

	/** {@code ?token=<key>} on every URL; only for proxies that strip headers. */
	QUERY_TOKEN

}
