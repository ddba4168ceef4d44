/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * What became of one item of a batch of runs ({@link WorkerOperations#runBatch},
 * {@link WorkerTaskOperations#runBatch}).
 *
 * @param index the item's position in the batch, from 0
 * @param runSlug the item's run, {@code null} when it was never started
 * @param run the run's final state, {@code null} when the batch did not wait for it or the wait
 * failed
 * @param verdict the verdict on the run ({@link RunVerdict}), {@code null} when the batch did not
 * wait for it or the wait failed
 * @param failure why the item failed: its start was refused for good, the run ended
 * {@code failed} or {@code aborted}, or the wait for it failed or timed out; {@code null} otherwise
 * @since 0.1.0
 */
public record BatchOutcome(int index, @Nullable RunSlug runSlug, @Nullable WorkerRun run,
		@Nullable RunVerdict verdict, @Nullable Throwable failure) {

	/**
	 * Whether the item did not fail: its run was started and, when the batch waited for it,
	 * succeeded (whatever its verdict).
	 * @return {@code true} if there is no failure
	 */
	public boolean succeeded() {
		return this.failure == null;
	}

}
