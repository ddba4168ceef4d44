/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * A thread waiting in a blocking CoreClaw operation was interrupted, so the call was cancelled
 * and the thread's interrupt flag is set again; a request already sent may still take effect at
 * CoreClaw (a run may have started).
 *
 * @since 0.1.0
 */
public class CoreClawInterruptedException extends CoreClawException {

	/**
	 * Create an exception.
	 * @param message what was interrupted
	 * @param cause the {@link InterruptedException}
	 */
	public CoreClawInterruptedException(String message, InterruptedException cause) {
		super(message, cause);
	}

}
