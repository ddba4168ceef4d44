/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

/**
 * A run did not finish within the time a caller was willing to wait; the run itself goes on
 * at CoreClaw unless it was aborted ({@code coreclaw.polling.abort-on-timeout}).
 *
 * @since 0.1.0
 */
public class CoreClawRunTimeoutException extends CoreClawException {

	private final RunSlug runSlug;

	private final RunStatus lastStatus;

	private final Duration timeout;

	/**
	 * Create an exception.
	 * @param message the full message, naming the run and its last status
	 * @param runSlug the run that was waited for
	 * @param lastStatus the run's status when the wait ended
	 * @param timeout how long the caller waited
	 */
	public CoreClawRunTimeoutException(String message, RunSlug runSlug, RunStatus lastStatus, Duration timeout) {
		super(message);
		this.runSlug = runSlug;
		this.lastStatus = lastStatus;
		this.timeout = timeout;
	}

	/**
	 * The run that was waited for.
	 * @return the run slug
	 */
	@Override
	public RunSlug getRunSlug() {
		return this.runSlug;
	}

	/**
	 * The run's status when the wait ended.
	 * @return the last status read, {@link RunStatus#UNKNOWN} if none was read
	 */
	public RunStatus getLastStatus() {
		return this.lastStatus;
	}

	/**
	 * How long the caller waited.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
