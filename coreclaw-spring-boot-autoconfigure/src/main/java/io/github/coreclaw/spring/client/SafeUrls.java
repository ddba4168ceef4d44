/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Shows callback URLs in {@code toString()} without their path, query or fragment, which may
 * hold a secret (a receiver's secret path segment, a token parameter).
 */
final class SafeUrls {

	private SafeUrls() {
	}

	/**
	 * The URL cut to {@code scheme://host[:port]}, followed by {@code /...} when anything was cut.
	 * @param url the URL, may be {@code null}
	 * @return the shortened URL, or {@code null} as text
	 */
	static String origin(@Nullable URI url) {
		String origin = schemeHostPort(url);
		if (origin == null) {
			return (url == null) ? "null" : "...";
		}
		String rawPath = url.getRawPath();
		boolean cut = (rawPath != null && !rawPath.isEmpty() && !rawPath.equals("/")) || url.getRawQuery() != null
				|| url.getRawFragment() != null || url.getRawUserInfo() != null;
		return cut ? origin + "/..." : origin;
	}

	/**
	 * The URL's {@code scheme://host[:port]} alone.
	 * @param url the URL, may be {@code null}
	 * @return the origin, {@code null} when the URL has no scheme or host
	 */
	static @Nullable String schemeHostPort(@Nullable URI url) {
		if (url == null || url.getScheme() == null || url.getHost() == null) {
			return null;
		}
		StringBuilder origin = new StringBuilder(url.getScheme()).append("://").append(url.getHost());
		if (url.getPort() != -1) {
			origin.append(':').append(url.getPort());
		}
		return origin.toString();
	}


}
