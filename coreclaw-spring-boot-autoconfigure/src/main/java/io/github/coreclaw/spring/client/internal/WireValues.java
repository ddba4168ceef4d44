/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How CoreClaw writes values on the wire: 0 for an unset timestamp, "" for an unset text, decimal
 * numbers as text.
 */
public final class WireValues {

	private WireValues() {
	}

	/**
	 * A Unix-seconds timestamp, where 0 (or less) means not set.
	 * @param epochSeconds the timestamp, may be {@code null}
	 * @return the instant, or {@code null} if not set
	 */
	public static @Nullable Instant instant(@Nullable Long epochSeconds) {
		return (epochSeconds != null && epochSeconds > 0) ? Instant.ofEpochSecond(epochSeconds) : null;
	}

	/**
	 * A text, where "" means not set.
	 * @param value the text, may be {@code null}
	 * @return the text, or {@code null} if empty
	 */
	public static @Nullable String text(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A decimal number sent as text, such as a balance or a usage figure.
	 * @param value the text, may be {@code null}
	 * @return the number, {@code null} if the text is missing, blank or not a number
	 */
	public static @Nullable BigDecimal decimal(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
