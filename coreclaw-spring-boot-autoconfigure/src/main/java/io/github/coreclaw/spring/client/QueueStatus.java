/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Status of an item of CoreClaw's run queue.
 *
 * @since 0.2.0
 */
public enum QueueStatus {

	/** Held in the queue; it starts only once activated. */
	WAITING,

	/** Not active in the queue (CoreClaw's {@code inactive}). */
	INACTIVE,

	/** A status this client does not know, or no status at all. */
	UNKNOWN;

	/**
	 * Map a status as CoreClaw sends it ({@code "waiting"}, {@code "inactive"}) to a
	 * {@link QueueStatus}; never throws.
	 * @param value the status text, may be {@code null}
	 * @return the status, {@link #UNKNOWN} for {@code null} or an unknown value
	 */
	public static QueueStatus from(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "waiting" -> WAITING;
			case "inactive" -> INACTIVE;
			default -> UNKNOWN;
		};
	}

}
