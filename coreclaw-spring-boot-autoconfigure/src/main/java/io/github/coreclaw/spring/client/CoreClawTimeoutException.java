/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

/**
 * No complete response arrived from CoreClaw within the configured time; for a request
 * that starts a run, the run may nevertheless have been created.
 *
 * @since 0.1.0
 */
public class CoreClawTimeoutException extends CoreClawException {

	private final Duration timeout;

	private final boolean requestSent;

	private final boolean runMayExist;

	/**
	 * Create an exception.
	 * @param message the full message, naming the timeout that fired
	 * @param timeout the timeout that fired
	 * @param runMayExist whether the request may have started a run
	 */
	public CoreClawTimeoutException(String message, Duration timeout, boolean runMayExist) {
		this(message, timeout, true, runMayExist);
	}

	/**
	 * Create an exception.
	 * @param message the full message, naming the timeout that fired
	 * @param timeout the timeout that fired
	 * @param requestSent whether the request had been written when the timeout fired
	 * @param runMayExist whether the request may have started a run
	 */
	public CoreClawTimeoutException(String message, Duration timeout, boolean requestSent, boolean runMayExist) {
		super(message);
		this.timeout = timeout;
		this.requestSent = requestSent;
		this.runMayExist = runMayExist;
	}

	/**
	 * Whether the request had been written when the timeout fired; {@code false} means CoreClaw
	 * never saw it (no connection became available in time).
	 * @return whether the request was sent
	 */
	public boolean isRequestSent() {
		return this.requestSent;
	}

	/**
	 * The timeout that fired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Whether the request may have started a run at CoreClaw, so that sending it again could
	 * start a second one.
	 * @return {@code true} for requests that start runs
	 */
	public boolean isRunMayExist() {
		return this.runMayExist;
	}

}
