/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Outcome of a synchronous run: the run's status and the first window of its result rows.
 * <p>
 * CoreClaw waits at most five minutes for a synchronous run; a run that took longer comes
 * back unfinished ({@link #finished()} is {@code false}) and keeps running at CoreClaw.
 * <p>
 * Built by the client; tests build one with {@link #builder(RunSlug, RunStatus)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor but
 * {@link #finished()}, which follows from the others.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "runSlug", "status", "errorMessage", "resultMessage", "startedAt", "finishedAt",
		"runningDuration", "total", "headers", "rows", "reportedFinished" })
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

	private final @Nullable Boolean reportedFinished;

	private final ObjectMapper rowMapper;

	private SyncRunResult(Builder builder) {
		this.runSlug = builder.runSlug;
		this.status = builder.status;
		this.errorMessage = builder.errorMessage;
		this.resultMessage = builder.resultMessage;
		this.startedAt = builder.startedAt;
		this.finishedAt = builder.finishedAt;
		this.runningDuration = builder.runningDuration;
		this.total = builder.total;
		this.headers = builder.headers;
		this.rows = builder.rows;
		this.reportedFinished = builder.reportedFinished;
		this.rowMapper = builder.rowMapper;
	}

	/**
	 * Start building a SyncRunResult with what it always has.
	 * @param runSlug the run
	 * @param status the run's status when CoreClaw answered
	 * @return a new builder
	 */
	public static Builder builder(RunSlug runSlug, RunStatus status) {
		return new Builder(runSlug, status);
	}

	/**
	 * A builder holding this SyncRunResult's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.runSlug, this.status);
		builder.errorMessage = this.errorMessage;
		builder.resultMessage = this.resultMessage;
		builder.startedAt = this.startedAt;
		builder.finishedAt = this.finishedAt;
		builder.runningDuration = this.runningDuration;
		builder.total = this.total;
		builder.headers = this.headers;
		builder.rows = this.rows;
		builder.reportedFinished = this.reportedFinished;
		builder.rowMapper = this.rowMapper;
		return builder;
	}

	/**
	 * The run.
	 * @return the run slug
	 */
	@JsonProperty
	public RunSlug runSlug() {
		return this.runSlug;
	}

	/**
	 * The run's status when CoreClaw answered.
	 * @return the status, {@link RunStatus#UNKNOWN} if CoreClaw sent none
	 */
	@JsonProperty
	public RunStatus status() {
		return this.status;
	}

	/**
	 * Why the run failed, as CoreClaw put it.
	 * @return the error message, {@code null} if CoreClaw sent none or an empty one
	 */
	@JsonProperty
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * The summary of the run's outcome, as CoreClaw put it.
	 * @return the result message, {@code null} if CoreClaw sent none or an empty one
	 */
	@JsonProperty
	public @Nullable String resultMessage() {
		return this.resultMessage;
	}

	/**
	 * When the run started.
	 * @return the start time, {@code null} if not known
	 */
	@JsonProperty
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * When the run finished.
	 * @return the end time, {@code null} if the run has not finished or it is not known
	 */
	@JsonProperty
	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	/**
	 * How long the run ran.
	 * @return the running duration, {@code null} if not known
	 */
	@JsonProperty
	public @Nullable Duration runningDuration() {
		return this.runningDuration;
	}

	/**
	 * The total number of result rows of the run, which can exceed the rows returned here.
	 * @return the total, 0 if CoreClaw sent no results
	 */
	@JsonProperty
	public long total() {
		return this.total;
	}

	/**
	 * The columns of the result rows.
	 * @return the headers, empty if CoreClaw sent none
	 */
	@JsonProperty
	public List<ResultHeader> headers() {
		return this.headers;
	}

	/**
	 * The window of result rows CoreClaw returned, each a map from column key to value.
	 * @return the rows, empty if CoreClaw sent none
	 */
	@JsonProperty
	public List<Map<String, Object>> rows() {
		return this.rows;
	}

	/**
	 * Whether CoreClaw reported the run finished when it answered (a rerun's {@code is_finished}).
	 * @return the flag, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable Boolean reportedFinished() {
		return this.reportedFinished;
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
		return ResultRows.convert(this.rowMapper, this.rows, rowType, "run " + this.runSlug);
	}

	/**
	 * Whether the run had finished when CoreClaw answered; if not, it goes on at CoreClaw
	 * and its outcome must be read later by its run slug. A rerun's {@code is_finished} is
	 * honoured when CoreClaw sent it; otherwise the status decides.
	 * @return whether the run had finished
	 */
	public boolean finished() {
		return (this.reportedFinished != null) ? this.reportedFinished : this.status.isTerminal();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof SyncRunResult that)) {
			return false;
		}
		return Objects.equals(this.runSlug, that.runSlug)
				&& Objects.equals(this.status, that.status)
				&& Objects.equals(this.errorMessage, that.errorMessage)
				&& Objects.equals(this.resultMessage, that.resultMessage)
				&& Objects.equals(this.startedAt, that.startedAt)
				&& Objects.equals(this.finishedAt, that.finishedAt)
				&& Objects.equals(this.runningDuration, that.runningDuration)
				&& this.total == that.total
				&& Objects.equals(this.headers, that.headers)
				&& Objects.equals(this.rows, that.rows)
				&& Objects.equals(this.reportedFinished, that.reportedFinished);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.runSlug, this.status, this.errorMessage, this.resultMessage, this.startedAt, this.finishedAt, this.runningDuration, this.total, this.headers, this.rows, this.reportedFinished);
	}

	@Override
	public String toString() {
		return "SyncRunResult[" + "runSlug=" + this.runSlug
				+ ", status=" + this.status
				+ ", errorMessage=" + this.errorMessage
				+ ", resultMessage=" + this.resultMessage
				+ ", startedAt=" + this.startedAt
				+ ", finishedAt=" + this.finishedAt
				+ ", runningDuration=" + this.runningDuration
				+ ", total=" + this.total
				+ ", rows=" + this.rows.size()
				+ ", reportedFinished=" + this.reportedFinished + "]";
	}

	/**
	 * Builder of a {@link SyncRunResult}.
	 */
	public static final class Builder {

		private final RunSlug runSlug;

		private final RunStatus status;

		private @Nullable String errorMessage;

		private @Nullable String resultMessage;

		private @Nullable Instant startedAt;

		private @Nullable Instant finishedAt;

		private @Nullable Duration runningDuration;

		private long total;

		private List<ResultHeader> headers = List.of();

		private List<Map<String, Object>> rows = List.of();

		private @Nullable Boolean reportedFinished;

		private ObjectMapper rowMapper = ResultRows.DEFAULT_MAPPER;

		private Builder(RunSlug runSlug, RunStatus status) {
			this.runSlug = Objects.requireNonNull(runSlug, "runSlug must not be null");
			this.status = Objects.requireNonNull(status, "status must not be null");
		}

		/**
		 * Set why the run failed, as CoreClaw put it.
		 * @param errorMessage why the run failed, as CoreClaw put it
		 * @return this builder
		 */
		public Builder errorMessage(@Nullable String errorMessage) {
			this.errorMessage = errorMessage;
			return this;
		}

		/**
		 * Set the summary of the run's outcome, as CoreClaw put it.
		 * @param resultMessage the summary of the run's outcome, as CoreClaw put it
		 * @return this builder
		 */
		public Builder resultMessage(@Nullable String resultMessage) {
			this.resultMessage = resultMessage;
			return this;
		}

		/**
		 * Set when the run started.
		 * @param startedAt when the run started
		 * @return this builder
		 */
		public Builder startedAt(@Nullable Instant startedAt) {
			this.startedAt = startedAt;
			return this;
		}

		/**
		 * Set when the run finished.
		 * @param finishedAt when the run finished
		 * @return this builder
		 */
		public Builder finishedAt(@Nullable Instant finishedAt) {
			this.finishedAt = finishedAt;
			return this;
		}

		/**
		 * Set how long the run ran.
		 * @param runningDuration how long the run ran
		 * @return this builder
		 */
		public Builder runningDuration(@Nullable Duration runningDuration) {
			this.runningDuration = runningDuration;
			return this;
		}

		/**
		 * Set the total number of result rows of the run, which can exceed the rows returned here.
		 * @param total the total number of result rows of the run, which can exceed the rows returned here
		 * @return this builder
		 */
		public Builder total(long total) {
			this.total = total;
			return this;
		}

		/**
		 * Set the columns of the result rows.
		 * @param headers the columns of the result rows
		 * @return this builder
		 */
		public Builder headers(List<ResultHeader> headers) {
			this.headers = List.copyOf(headers);
			return this;
		}

		/**
		 * Set the window of result rows CoreClaw returned, each a map from column key to value.
		 * @param rows the window of result rows CoreClaw returned, each a map from column key to value
		 * @return this builder
		 */
		public Builder rows(List<Map<String, Object>> rows) {
			this.rows = List.copyOf(rows);
			return this;
		}

		/**
		 * Set whether CoreClaw reported the run finished when it answered (a rerun's {@code is_finished}).
		 * @param reportedFinished whether CoreClaw reported the run finished when it answered (a rerun's {@code is_finished})
		 * @return this builder
		 */
		public Builder reportedFinished(@Nullable Boolean reportedFinished) {
			this.reportedFinished = reportedFinished;
			return this;
		}

		/**
		 * Set the mapper {@link #rows(Class)} converts rows with (by default a plain JsonMapper).
		 * @param rowMapper the mapper {@link #rows(Class)} converts rows with (by default a plain JsonMapper)
		 * @return this builder
		 */
		public Builder rowMapper(ObjectMapper rowMapper) {
			this.rowMapper = rowMapper;
			return this;
		}

		/**
		 * Build the SyncRunResult.
		 * @return the SyncRunResult
		 */
		public SyncRunResult build() {
			return new SyncRunResult(this);
		}

	}

}
