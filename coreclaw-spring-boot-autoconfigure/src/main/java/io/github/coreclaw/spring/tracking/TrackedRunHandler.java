/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

/**
 * Handles tracked runs once they finish (succeeded, failed or aborted): every bean of this type
 * gets each finished tracked run at least once, and never again once a handling has succeeded.
 * <p>
 * A handling succeeds when every handler returned and, where the application has a transaction
 * manager on the tracking {@code DataSource}, the transaction that also marks the run handled
 * committed: a handler that writes to that database then stores each run's rows exactly once. A
 * handler that throws fails the attempt; it is retried with backoff up to
 * {@code coreclaw.tracking.handler-attempts} times, then the run is marked failed-to-handle.
 * Handlers run on a thread that may block, never on an event loop.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TrackedRunHandler {

	/**
	 * Handle a finished tracked run.
	 * @param run the run, with its final state
	 * @throws Exception to fail this attempt, which is then retried after the backoff
	 */
	void handle(TrackedRun run) throws Exception;

}
