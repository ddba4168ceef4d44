/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * CoreClaw's reply was larger than the WebClient's codecs may buffer
 * ({@code spring.http.codecs.max-in-memory-size}); the reply was read no further.
 *
 * @since 0.1.0
 */
public class CoreClawResponseTooLargeException extends CoreClawException {

	private static final long serialVersionUID = 1L;

	private final int httpStatus;

	private final boolean actionMayHaveHappened;

	private final boolean runMayExist;

	/**
	 * Create an exception.
	 * @param message the message
	 * @param httpStatus the HTTP status of the reply
	 * @param actionMayHaveHappened whether CoreClaw carried out what the request asked (a 2xx reply
	 * to anything but a read)
	 * @param runMayExist whether the request started a run (a 2xx reply to a run request)
	 * @param cause the codecs' failure
	 */
	public CoreClawResponseTooLargeException(String message, int httpStatus, boolean actionMayHaveHappened,
			boolean runMayExist, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.actionMayHaveHappened = actionMayHaveHappened;
		this.runMayExist = runMayExist;
	}

	/**
	 * The HTTP status of the reply that was too large.
	 * @return the status
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Whether CoreClaw carried out what the request asked for, although its reply could not be
	 * read: {@code true} for a 2xx reply to anything but a read.
	 * @return whether the action may have happened
	 */
	public boolean isActionMayHaveHappened() {
		return this.actionMayHaveHappened;
	}

	/**
	 * Whether the request created a run (CoreClaw answered a run request with 2xx): repeating
	 * it would start a second one.
	 * @return whether a run exists
	 */
	public boolean isRunMayExist() {
		return this.runMayExist;
	}

}
