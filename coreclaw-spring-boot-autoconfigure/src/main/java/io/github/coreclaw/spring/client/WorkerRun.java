/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * State of one worker run, as CoreClaw's run detail reports it.
 *
 * @param runSlug the run
 * @param status the run's status
 * @param workerSlug the slug of the Worker that ran
 * @param workerTitle the display name of the Worker
 * @param version the Worker version that ran
 * @param resultCount the number of result rows so far
 * @param usage the run's usage (billing) figure, {@code null} if CoreClaw sent none
 * @param startedAt when the run started, {@code null} if not yet
 * @param finishedAt when the run finished, {@code null} if not yet
 * @param duration how long the run ran, {@code null} if not known
 * @param errorMessage why the run failed, {@code null} if CoreClaw sent none
 * @param origin how the run was started, for example {@code openapi}
 * @since 0.1.0
 */
public record WorkerRun(RunSlug runSlug, RunStatus status, @Nullable String workerSlug, @Nullable String workerTitle,
		@Nullable String version, long resultCount, @Nullable BigDecimal usage, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Duration duration, @Nullable String errorMessage,
		@Nullable String origin) {

	/**
	 * Whether the run has finished and will not change any more.
	 * @return whether the status is terminal
	 */
	public boolean finished() {
		return this.status.isTerminal();
	}

}
