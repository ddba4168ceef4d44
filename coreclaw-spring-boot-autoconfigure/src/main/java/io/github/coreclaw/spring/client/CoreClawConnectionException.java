/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * The request could not be exchanged with CoreClaw: the connection could not be
 * established, or it broke before a response arrived.
 *
 * @since 0.1.0
 */
public class CoreClawConnectionException extends CoreClawException {

	private final boolean requestSent;

	private final boolean runMayExist;

	/**
	 * Create an exception.
	 * @param message what happened
	 * @param requestSent whether the request may have reached CoreClaw
	 * @param runMayExist whether the request may have started a run
	 * @param cause the I/O failure
	 */
	public CoreClawConnectionException(String message, boolean requestSent, boolean runMayExist, Throwable cause) {
		super(message, cause);
		this.requestSent = requestSent;
		this.runMayExist = runMayExist;
	}

	/**
	 * Whether the request may have reached CoreClaw; {@code false} only when no connection
	 * could be established, so the request was certainly never sent.
	 * @return whether the request may have been sent
	 */
	public boolean isRequestSent() {
		return this.requestSent;
	}

	/**
	 * Whether the request may have started a run at CoreClaw, so that sending it again could
	 * start a second one; such a request is never retried.
	 * @return {@code true} for a request that starts a run and may have been sent
	 */
	public boolean isRunMayExist() {
		return this.runMayExist;
	}

}
