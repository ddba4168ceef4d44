/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the CoreClaw client throws, apart from
 * {@link IllegalArgumentException} for bad arguments.
 *
 * @since 0.1.0
 */
public class CoreClawException extends RuntimeException {

	private int attempts = 1;

	private @Nullable RunSlug runSlug;

	/**
	 * Create an exception.
	 * @param message what happened and, where known, what to do
	 */
	public CoreClawException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what happened and, where known, what to do
	 * @param cause the cause
	 */
	public CoreClawException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * How many attempts the client made before giving up with this exception.
	 * @return the number of attempts, 1 when the request was not retried
	 */
	public int getAttempts() {
		return this.attempts;
	}

	void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	/**
	 * The run this failure concerns, when a run had already been started: for example a failure
	 * while {@code runAndAwait} waited for the run it started. Branch on it to find the run again
	 * instead of starting another one.
	 * @return the run, {@code null} when no run is known to exist
	 */
	public @Nullable RunSlug getRunSlug() {
		return this.runSlug;
	}

	void setRunSlug(RunSlug runSlug) {
		this.runSlug = runSlug;
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		if (this.runSlug != null && !message.contains(this.runSlug.value())) {
			message = message + " [run " + this.runSlug.value() + "]";
		}
		return (this.attempts > 1) ? message + " (after " + this.attempts + " attempts)" : message;
	}

}
