/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * A run status notification CoreClaw posted to the application; the run's state as CoreClaw
 * reports it through {@code getRun} stays authoritative.
 *
 * @param runSlug the run, or {@code null} when CoreClaw sent only the older integer
 * {@code run_id} (use {@link #findRunSlug()} to handle both cases)
 * @param runId the older integer run id, {@code null} when not sent
 * @param status the run's status
 * @param rawStatus the status text as sent
 * @param errorMessage the run's error message, {@code null} if empty
 * @param startedAt when the run started, {@code null} if not set
 * @param finishedAt when the run finished, {@code null} if not set
 * @param runningDuration how long the run ran, {@code null} if not sent
 * @param resultCount the run's number of result rows so far
 * @param resultMessage the run's result summary, {@code null} if empty
 * @since 0.1.0
 */
public record RunCallback(@Nullable RunSlug runSlug, @Nullable Long runId, RunStatus status, String rawStatus,
		@Nullable String errorMessage, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Duration runningDuration, long resultCount, @Nullable String resultMessage) {

	/**
	 * The run slug, or {@code null} when CoreClaw sent only the older integer {@code run_id};
	 * {@link #findRunSlug()} gives the same without a {@code null}.
	 * @return the run slug or {@code null}
	 */
	@Override
	public @Nullable RunSlug runSlug() {
		return this.runSlug;
	}

	/**
	 * The run slug, if CoreClaw sent one: a callback that carries only the older integer
	 * {@code run_id} has none, and names its run by {@link #runId()} instead.
	 * @return the run slug, or empty for a callback with only a {@code run_id}
	 */
	public Optional<RunSlug> findRunSlug() {
		return Optional.ofNullable(this.runSlug);
	}

	/**
	 * The run identifier as text: the run slug, or {@code id:} and the older integer id.
	 * @return the identifier, used to recognise repeated notifications
	 */
	public String runKey() {
		return (this.runSlug != null) ? this.runSlug.value() : "id:" + this.runId;
	}

}
