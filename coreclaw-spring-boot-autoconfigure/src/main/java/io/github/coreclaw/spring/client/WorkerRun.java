/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * State of one worker run, as CoreClaw's run detail or run list reports it.
 * <p>
 * Built by the client; tests build one with {@link #builder(RunSlug, RunStatus)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor but
 * {@link #finished()}, which follows from the status.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "runSlug", "status", "workerSlug", "workerTitle", "version", "resultCount", "usage",
		"startedAt", "finishedAt", "duration", "errorMessage", "origin" })
public final class WorkerRun {

	private final RunSlug runSlug;

	private final RunStatus status;

	private final @Nullable String workerSlug;

	private final @Nullable String workerTitle;

	private final @Nullable String version;

	private final long resultCount;

	private final @Nullable BigDecimal usage;

	private final @Nullable Instant startedAt;

	private final @Nullable Instant finishedAt;

	private final @Nullable Duration duration;

	private final @Nullable String errorMessage;

	private final @Nullable String origin;

	private WorkerRun(Builder builder) {
		this.runSlug = builder.runSlug;
		this.status = builder.status;
		this.workerSlug = builder.workerSlug;
		this.workerTitle = builder.workerTitle;
		this.version = builder.version;
		this.resultCount = builder.resultCount;
		this.usage = builder.usage;
		this.startedAt = builder.startedAt;
		this.finishedAt = builder.finishedAt;
		this.duration = builder.duration;
		this.errorMessage = builder.errorMessage;
		this.origin = builder.origin;
	}

	/**
	 * Start building a WorkerRun with what it always has.
	 * @param runSlug the run
	 * @param status the run's status
	 * @return a new builder
	 */
	public static Builder builder(RunSlug runSlug, RunStatus status) {
		return new Builder(runSlug, status);
	}

	/**
	 * A builder holding this WorkerRun's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.runSlug, this.status);
		builder.workerSlug = this.workerSlug;
		builder.workerTitle = this.workerTitle;
		builder.version = this.version;
		builder.resultCount = this.resultCount;
		builder.usage = this.usage;
		builder.startedAt = this.startedAt;
		builder.finishedAt = this.finishedAt;
		builder.duration = this.duration;
		builder.errorMessage = this.errorMessage;
		builder.origin = this.origin;
		return builder;
	}

	/**
	 * The run.
	 * @return the run
	 */
	@JsonProperty
	public RunSlug runSlug() {
		return this.runSlug;
	}

	/**
	 * The run's status.
	 * @return the run's status
	 */
	@JsonProperty
	public RunStatus status() {
		return this.status;
	}

	/**
	 * The slug of the Worker that ran.
	 * @return the Worker's slug, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String workerSlug() {
		return this.workerSlug;
	}

	/**
	 * The display name of the Worker.
	 * @return the Worker's title, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String workerTitle() {
		return this.workerTitle;
	}

	/**
	 * The Worker version that ran.
	 * @return the version, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String version() {
		return this.version;
	}

	/**
	 * The number of result rows so far.
	 * @return the number of result rows so far
	 */
	@JsonProperty
	public long resultCount() {
		return this.resultCount;
	}

	/**
	 * The run's usage (billing) figure.
	 * @return the usage, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable BigDecimal usage() {
		return this.usage;
	}

	/**
	 * When the run started.
	 * @return the start, {@code null} if not yet
	 */
	@JsonProperty
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * When the run finished.
	 * @return the end, {@code null} if not yet
	 */
	@JsonProperty
	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	/**
	 * How long the run ran.
	 * @return the duration, {@code null} if not known
	 */
	@JsonProperty
	public @Nullable Duration duration() {
		return this.duration;
	}

	/**
	 * Why the run failed (the run list's {@code err_msg}).
	 * @return the error message, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * How the run was started, for example {@code openapi}.
	 * @return the origin, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String origin() {
		return this.origin;
	}

	/**
	 * Whether the run has finished and will not change any more.
	 * @return whether the status is terminal
	 */
	public boolean finished() {
		return this.status.isTerminal();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof WorkerRun that)) {
			return false;
		}
		return Objects.equals(this.runSlug, that.runSlug)
				&& Objects.equals(this.status, that.status)
				&& Objects.equals(this.workerSlug, that.workerSlug)
				&& Objects.equals(this.workerTitle, that.workerTitle)
				&& Objects.equals(this.version, that.version)
				&& this.resultCount == that.resultCount
				&& Objects.equals(this.usage, that.usage)
				&& Objects.equals(this.startedAt, that.startedAt)
				&& Objects.equals(this.finishedAt, that.finishedAt)
				&& Objects.equals(this.duration, that.duration)
				&& Objects.equals(this.errorMessage, that.errorMessage)
				&& Objects.equals(this.origin, that.origin);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.runSlug, this.status, this.workerSlug, this.workerTitle, this.version, this.resultCount, this.usage, this.startedAt, this.finishedAt, this.duration, this.errorMessage, this.origin);
	}

	@Override
	public String toString() {
		return "WorkerRun[" + "runSlug=" + this.runSlug
				+ ", status=" + this.status
				+ ", workerSlug=" + this.workerSlug
				+ ", workerTitle=" + this.workerTitle
				+ ", version=" + this.version
				+ ", resultCount=" + this.resultCount
				+ ", usage=" + this.usage
				+ ", startedAt=" + this.startedAt
				+ ", finishedAt=" + this.finishedAt
				+ ", duration=" + this.duration
				+ ", errorMessage=" + this.errorMessage
				+ ", origin=" + this.origin + "]";
	}

	/**
	 * Builder of a {@link WorkerRun}.
	 */
	public static final class Builder {

		private final RunSlug runSlug;

		private final RunStatus status;

		private @Nullable String workerSlug;

		private @Nullable String workerTitle;

		private @Nullable String version;

		private long resultCount;

		private @Nullable BigDecimal usage;

		private @Nullable Instant startedAt;

		private @Nullable Instant finishedAt;

		private @Nullable Duration duration;

		private @Nullable String errorMessage;

		private @Nullable String origin;

		private Builder(RunSlug runSlug, RunStatus status) {
			this.runSlug = Objects.requireNonNull(runSlug, "runSlug must not be null");
			this.status = Objects.requireNonNull(status, "status must not be null");
		}

		/**
		 * Set the slug of the Worker that ran.
		 * @param workerSlug the slug of the Worker that ran
		 * @return this builder
		 */
		public Builder workerSlug(@Nullable String workerSlug) {
			this.workerSlug = workerSlug;
			return this;
		}

		/**
		 * Set the display name of the Worker.
		 * @param workerTitle the display name of the Worker
		 * @return this builder
		 */
		public Builder workerTitle(@Nullable String workerTitle) {
			this.workerTitle = workerTitle;
			return this;
		}

		/**
		 * Set the Worker version that ran.
		 * @param version the Worker version that ran
		 * @return this builder
		 */
		public Builder version(@Nullable String version) {
			this.version = version;
			return this;
		}

		/**
		 * Set the number of result rows so far.
		 * @param resultCount the number of result rows so far
		 * @return this builder
		 */
		public Builder resultCount(long resultCount) {
			this.resultCount = resultCount;
			return this;
		}

		/**
		 * Set the run's usage (billing) figure.
		 * @param usage the run's usage (billing) figure
		 * @return this builder
		 */
		public Builder usage(@Nullable BigDecimal usage) {
			this.usage = usage;
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
		 * @param duration how long the run ran
		 * @return this builder
		 */
		public Builder duration(@Nullable Duration duration) {
			this.duration = duration;
			return this;
		}

		/**
		 * Set why the run failed (the run list's {@code err_msg}).
		 * @param errorMessage why the run failed (the run list's {@code err_msg})
		 * @return this builder
		 */
		public Builder errorMessage(@Nullable String errorMessage) {
			this.errorMessage = errorMessage;
			return this;
		}

		/**
		 * Set how the run was started, for example {@code openapi}.
		 * @param origin how the run was started, for example {@code openapi}
		 * @return this builder
		 */
		public Builder origin(@Nullable String origin) {
			this.origin = origin;
			return this;
		}

		/**
		 * Build the WorkerRun.
		 * @return the WorkerRun
		 */
		public WorkerRun build() {
			return new WorkerRun(this);
		}

	}

}
