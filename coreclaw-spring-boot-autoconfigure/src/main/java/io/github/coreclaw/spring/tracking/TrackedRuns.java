/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

import java.util.List;

import io.github.coreclaw.spring.client.RunSlug;

/**
 * What the tracking table holds: the runs failed-to-handle, how many runs are in each state, and
 * a way to hand a failed-to-handle run out again.
 * <p>
 * Every method blocks on JDBC: call it from a thread that may block, never from an event loop.
 *
 * @since 0.1.0
 */
public class TrackedRuns {

	private static final int MAX_LISTED = 1000;

	private final JdbcTrackedRunStore store;

	/**
	 * Create the view of a tracking table.
	 * @param store the tracking table
	 */
	public TrackedRuns(JdbcTrackedRunStore store) {
		this.store = store;
	}

	/**
	 * The runs whose every handling attempt failed, oldest first, at most 1000.
	 * @return the runs
	 */
	public List<TrackedRunRecord> failedToHandle() {
		return this.store.find(TrackedRunState.FAILED_TO_HANDLE, MAX_LISTED);
	}

	/**
	 * Count the tracked runs in a state.
	 * @param state the state
	 * @return how many there are
	 */
	public long count(TrackedRunState state) {
		if (state == null) {
			throw new IllegalArgumentException("state must not be null");
		}
		return this.store.count(state);
	}

	/**
	 * Hand a failed-to-handle run out again: its attempts start over at once.
	 * @param run the run
	 * @return whether the run was failed-to-handle and is open again
	 */
	public boolean reopen(RunSlug run) {
		if (run == null) {
			throw new IllegalArgumentException("run must not be null");
		}
		return this.store.reopen(run);
	}

}
