/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Status of a CoreClaw worker run.
 *
 * @since 0.1.0
 */
public enum RunStatus {

	/** Accepted but not started. */
	READY(false),

	/** Executing. */
	RUNNING(false),

	/** Finished successfully (a run with zero results can still succeed). */
	SUCCEEDED(true),

	/** Finished with a failure. */
	FAILED(true),

	/** Cancellation requested and in progress. */
	ABORTING(false),

	/** Cancelled. */
	ABORTED(true),

	/** A status this client does not know, or no status at all. */
	UNKNOWN(false);

	private final boolean terminal;

	RunStatus(boolean terminal) {
		this.terminal = terminal;
	}

	/**
	 * Whether a run in this status has finished and will not change any more.
	 * @return {@code true} for {@link #SUCCEEDED}, {@link #FAILED} and {@link #ABORTED}
	 */
	public boolean isTerminal() {
		return this.terminal;
	}

	/**
	 * Map a status as CoreClaw sends it ({@code "succeeded"}, or the legacy numbers
	 * {@code 1}&ndash;{@code 5}) to a {@link RunStatus}; never throws.
	 * @param value the status text, may be {@code null}
	 * @return the status, {@link #UNKNOWN} for {@code null} or an unknown value
	 */
	public static RunStatus from(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "ready", "1" -> READY;
			case "running", "2" -> RUNNING;
			case "succeeded", "3" -> SUCCEEDED;
			case "failed", "4" -> FAILED;
			case "aborting", "5" -> ABORTING;
			case "aborted" -> ABORTED;
			default -> UNKNOWN;
		};
	}

}
