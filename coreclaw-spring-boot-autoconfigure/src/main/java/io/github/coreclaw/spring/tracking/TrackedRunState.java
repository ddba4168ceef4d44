/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

/**
 * State of a tracked run in the tracking table.
 *
 * @since 0.1.0
 */
public enum TrackedRunState {

	/** Recorded and not handled yet: running, finished but not read yet, or waiting for another attempt. */
	OPEN,

	/** Handled: every handler returned and the handling committed; never handed out again. */
	HANDLED,

	/** Every attempt of the handlers failed; handed out again only after {@link TrackedRuns#reopen}. */
	FAILED_TO_HANDLE

}
