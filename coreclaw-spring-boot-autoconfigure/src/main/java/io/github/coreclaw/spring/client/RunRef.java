/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import io.github.coreclaw.spring.client.internal.Identifiers;

/**
 * A reference to a run: a concrete run by its {@link RunSlug}, or one of CoreClaw's "last run"
 * shortcuts, {@link #last()} for the account and {@link #lastOf(String)} for one Worker.
 * <p>
 * The shortcuts name whichever run is the latest when the request arrives: a run started in
 * between changes what they mean. Use a {@link RunSlug} when it matters;
 * {@link WorkerRunOperations#awaitCompletion} resolves a shortcut to its run once, first.
 *
 * @since 0.1.0
 */
public sealed interface RunRef permits RunSlug, RunRef.Last, RunRef.LastOfWorker {

	/**
	 * The account's latest run ({@code /api/v2/worker-runs/last/…}).
	 * @return the reference
	 */
	static RunRef last() {
		return Last.INSTANCE;
	}

	/**
	 * The latest run of one Worker ({@code /api/v2/workers/{workerId}/runs/last/…}).
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @return the reference
	 * @throws IllegalArgumentException if the Worker id is blank or has characters an id cannot have
	 */
	static RunRef lastOf(String workerId) {
		return new LastOfWorker(workerId);
	}

	/**
	 * The account's latest run.
	 */
	final class Last implements RunRef {

		private static final Last INSTANCE = new Last();

		private Last() {
		}

		@Override
		public String toString() {
			return "the account's last run";
		}

	}

	/**
	 * The latest run of one Worker.
	 *
	 * @param workerId the Worker's slug or {@code owner~name} path
	 */
	record LastOfWorker(String workerId) implements RunRef {

		/**
		 * Create the reference, checking the Worker id.
		 * @param workerId the Worker's slug or {@code owner~name} path
		 */
		public LastOfWorker {
			Identifiers.checkSlug("workerId", workerId);
		}

		@Override
		public String toString() {
			return "the last run of Worker " + this.workerId;
		}

	}

}
