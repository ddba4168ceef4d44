/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;

import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * The client's rules for the values it checks, and the way it writes them in its messages, for
 * code outside this package (the auto-configuration, the callback receiver, Actuator
 * endpoints) that checks or reports the same values and should say so in the same words.
 *
 * @since 0.1.0
 */
public final class CoreClawValues {

	private CoreClawValues() {
	}

	/**
	 * Format a duration as configuration writes it, in the largest whole unit among days,
	 * hours, minutes, seconds and milliseconds.
	 * @param duration the duration
	 * @return the text, for example {@code 500ms}, {@code 30s} or {@code 6m}
	 * @since 0.1.0
	 */
	public static String formatDuration(Duration duration) {
		return Durations.format(duration);
	}

	/**
	 * Say why a URL is not an absolute {@code http} or {@code https} URL with a host, without
	 * echoing the URL (it may hold a secret).
	 * @param url the URL to check
	 * @return {@code null} if it is one, otherwise the reason, such as {@code it is relative}
	 * @since 0.1.0
	 */
	public static @Nullable String absoluteHttpProblem(URI url) {
		return Identifiers.absoluteHttpProblem(url);
	}

	/**
	 * Whether a value is a CoreClaw slug: one or more of {@code [A-Za-z0-9_~.-]}, and neither
	 * {@code .} nor {@code ..}, so that it can stand as one path segment.
	 * @param value the value
	 * @return whether it is
	 * @since 0.1.0
	 */
	public static boolean isSlug(String value) {
		return Identifiers.isSlug(value);
	}

	/**
	 * A URL as it may be printed: its {@code scheme://host[:port]}, followed by {@code /...} when
	 * it has more (a path, a query, user info), which may hold a secret.
	 * @param url the URL, may be {@code null}
	 * @return the printable form
	 * @since 0.1.0
	 */
	public static String origin(@Nullable URI url) {
		return SafeUrls.origin(url);
	}

}
