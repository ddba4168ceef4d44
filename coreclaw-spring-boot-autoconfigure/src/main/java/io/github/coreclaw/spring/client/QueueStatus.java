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
 * @since 0.1.0
 */
public enum QueueStatus {

	/** Held in the queue until it is activated; only a waiting item can be activated. */
	WAITING,

	/** CoreClaw's other queue state, which it does not describe further. */
	INACTIVE,

	/** A status this client does not know, or no status at all. */
	UNKNOWN;

	/**
	 * The status as CoreClaw writes it, for example in the {@code status} filter of the queue
	 * list.
	 * @return {@code waiting} or {@code inactive}; {@code unknown} for {@link #UNKNOWN}, which
	 * CoreClaw never sends
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Map a status as CoreClaw sends it ({@code "waiting"}, {@code "inactive"}) to a
	 * {@link QueueStatus}, ignoring case and surrounding blanks; never throws.
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
