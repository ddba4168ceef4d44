/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Outcome of a synchronous run: the run's status and the first window of its result rows.
 * <p>
 * CoreClaw waits at most five minutes for a synchronous run; a run that took longer comes
 * back unfinished ({@link #finished()} is {@code false}) and keeps running at CoreClaw.
 *
 * @since 0.1.0
 */
public final class SyncRunResult {

	private final RunSlug runSlug;

	private final RunStatus status;

	private final @Nullable String errorMessage;

	private final @Nullable String resultMessage;

	private final @Nullable Instant startedAt;

	private final @Nullable Instant finishedAt;

	private final @Nullable Duration runningDuration;

	private final long total;

	private final List<ResultHeader> headers;

	private final List<Map<String, Object>> rows;

	private final ObjectMapper rowMapper;

	/**
	 * Create a result; the client does this, and tests that stub {@link WorkerTaskOperations} may.
	 * @param runSlug the run
	 * @param status the run's status
	 * @param errorMessage the run's error message, {@code null} if none
	 * @param resultMessage the run's result summary, {@code null} if none
	 * @param startedAt when the run started, {@code null} if not known
	 * @param finishedAt when the run finished, {@code null} if not finished or not known
	 * @param runningDuration how long the run ran, {@code null} if not known
	 * @param total the total number of result rows of the run
	 * @param headers the columns of the result rows
	 * @param rows the window of result rows
	 * @param rowMapper the mapper {@link #rows(Class)} converts rows with
	 */
	public SyncRunResult(RunSlug runSlug, RunStatus status, @Nullable String errorMessage,
			@Nullable String resultMessage, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			@Nullable Duration runningDuration, long total, List<ResultHeader> headers, List<Map<String, Object>> rows,
			ObjectMapper rowMapper) {
		this.runSlug = runSlug;
		this.status = status;
		this.errorMessage = errorMessage;
		this.resultMessage = resultMessage;
		this.startedAt = startedAt;
		this.finishedAt = finishedAt;
		this.runningDuration = runningDuration;
		this.total = total;
		this.headers = List.copyOf(headers);
		this.rows = List.copyOf(rows);
		this.rowMapper = rowMapper;
	}

	/**
	 * The run this result belongs to.
	 * @return the run slug
	 */
	public RunSlug runSlug() {
		return this.runSlug;
	}

	/**
	 * Status of the run when CoreClaw answered.
	 * @return the status, {@link RunStatus#UNKNOWN} if CoreClaw sent none
	 */
	public RunStatus status() {
		return this.status;
	}

	/**
	 * Why the run failed, as CoreClaw put it.
	 * @return the error message, {@code null} if CoreClaw sent none or an empty one
	 */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Summary of the run's outcome, as CoreClaw put it.
	 * @return the result message, {@code null} if CoreClaw sent none or an empty one
	 */
	public @Nullable String resultMessage() {
		return this.resultMessage;
	}

	/**
	 * When the run started.
	 * @return the start time, {@code null} if not known
	 */
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * When the run finished.
	 * @return the end time, {@code null} if the run has not finished or it is not known
	 */
	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	/**
	 * How long the run ran.
	 * @return the running duration, {@code null} if not known
	 */
	public @Nullable Duration runningDuration() {
		return this.runningDuration;
	}

	/**
	 * Total number of result rows of the run, which can exceed the rows returned here.
	 * @return the total, 0 if CoreClaw sent no results
	 */
	public long total() {
		return this.total;
	}

	/**
	 * Columns of the result rows.
	 * @return the headers, empty if CoreClaw sent none
	 */
	public List<ResultHeader> headers() {
		return this.headers;
	}

	/**
	 * The window of result rows CoreClaw returned, each a map from column key to value.
	 * @return the rows, empty if CoreClaw sent none
	 */
	public List<Map<String, Object>> rows() {
		return this.rows;
	}

	/**
	 * The window of result rows, each converted to the given type with the application's
	 * Jackson mapper.
	 * @param <T> the row type
	 * @param rowType the row type, for example a record whose components match the column keys
	 * @return the converted rows
	 * @throws CoreClawException if a row cannot be converted
	 */
	public <T> List<T> rows(Class<T> rowType) {
		if (rowType == null) {
			throw new IllegalArgumentException("rowType must not be null");
		}
		List<T> result = new ArrayList<>(this.rows.size());
		for (int i = 0; i < this.rows.size(); i++) {
			try {
				result.add(this.rowMapper.convertValue(this.rows.get(i), rowType));
			}
			catch (JacksonException ex) {
				throw new CoreClawException("Could not convert result row " + i + " of run " + this.runSlug + " to "
						+ rowType.getName() + ": " + ex.getOriginalMessage(), ex);
			}
		}
		return List.copyOf(result);
	}

	/**
	 * Whether the run had finished when CoreClaw answered; if not, it goes on at CoreClaw
	 * and its outcome must be read later by its run slug.
	 * @return whether the status is terminal
	 */
	public boolean finished() {
		return this.status.isTerminal();
	}

	@Override
	public String toString() {
		return "SyncRunResult[runSlug=" + this.runSlug + ", status=" + this.status + ", total=" + this.total
				+ ", rows=" + this.rows.size() + "]";
	}

}
