/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * A run status notification CoreClaw posted to the application; the run's state as CoreClaw
 * reports it through {@code getRun} stays authoritative.
 * <p>
 * Immutable; build one with {@link #builder()}, for example to publish a
 * {@link CoreClawRunCallbackEvent} in a test:
 * <pre class="code">
 * RunCallback callback = RunCallback.builder()
 *     .runSlug(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"))
 *     .status(RunStatus.SUCCEEDED)
 *     .resultCount(5)
 *     .build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class RunCallback {

	private final @Nullable RunSlug runSlug;

	private final @Nullable Long runId;

	private final RunStatus status;

	private final String rawStatus;

	private final @Nullable String errorMessage;

	private final @Nullable Instant startedAt;

	private final @Nullable Instant finishedAt;

	private final @Nullable Duration runningDuration;

	private final long resultCount;

	private final @Nullable String resultMessage;

	private RunCallback(Builder builder, String rawStatus) {
		this.runSlug = builder.runSlug;
		this.runId = builder.runId;
		this.status = RunStatus.from(rawStatus);
		this.rawStatus = rawStatus;
		this.errorMessage = builder.errorMessage;
		this.startedAt = builder.startedAt;
		this.finishedAt = builder.finishedAt;
		this.runningDuration = builder.runningDuration;
		this.resultCount = builder.resultCount;
		this.resultMessage = builder.resultMessage;
	}

	/**
	 * Start building a callback.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The run slug, or {@code null} when CoreClaw sent only the older integer {@code run_id};
	 * {@link #findRunSlug()} gives the same without a {@code null}.
	 * @return the run slug or {@code null}
	 */
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
	 * The older integer run id.
	 * @return the run id, {@code null} when not sent
	 */
	public @Nullable Long runId() {
		return this.runId;
	}

	/**
	 * The run's status.
	 * @return the status, {@link RunStatus#UNKNOWN} for a status this client does not know
	 */
	public RunStatus status() {
		return this.status;
	}

	/**
	 * The status text as sent.
	 * @return the status text, for example {@code succeeded}
	 */
	public String rawStatus() {
		return this.rawStatus;
	}

	/**
	 * The run's error message.
	 * @return the message, {@code null} if empty
	 */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * When the run started.
	 * @return the start, {@code null} if not set
	 */
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	/**
	 * When the run finished.
	 * @return the end, {@code null} if not set
	 */
	public @Nullable Instant finishedAt() {
		return this.finishedAt;
	}

	/**
	 * How long the run ran.
	 * @return the duration, {@code null} if not sent
	 */
	public @Nullable Duration runningDuration() {
		return this.runningDuration;
	}

	/**
	 * The run's number of result rows so far.
	 * @return the count, 0 if not sent
	 */
	public long resultCount() {
		return this.resultCount;
	}

	/**
	 * The run's result summary.
	 * @return the summary, {@code null} if empty
	 */
	public @Nullable String resultMessage() {
		return this.resultMessage;
	}

	/**
	 * The run identifier as text: the run slug, or {@code id:} and the older integer id.
	 * @return the identifier, used to recognise repeated notifications
	 */
	public String runKey() {
		return (this.runSlug != null) ? this.runSlug.value() : "id:" + this.runId;
	}

	/**
	 * Return a builder that starts from this callback.
	 * @return a new builder holding this callback's values
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.runSlug = this.runSlug;
		builder.runId = this.runId;
		builder.rawStatus = this.rawStatus;
		builder.errorMessage = this.errorMessage;
		builder.startedAt = this.startedAt;
		builder.finishedAt = this.finishedAt;
		builder.runningDuration = this.runningDuration;
		builder.resultCount = this.resultCount;
		builder.resultMessage = this.resultMessage;
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof RunCallback that) && Objects.equals(this.runSlug, that.runSlug)
				&& Objects.equals(this.runId, that.runId) && this.rawStatus.equals(that.rawStatus)
				&& Objects.equals(this.errorMessage, that.errorMessage) && Objects.equals(this.startedAt, that.startedAt)
				&& Objects.equals(this.finishedAt, that.finishedAt)
				&& Objects.equals(this.runningDuration, that.runningDuration) && this.resultCount == that.resultCount
				&& Objects.equals(this.resultMessage, that.resultMessage));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.runSlug, this.runId, this.rawStatus, this.errorMessage, this.startedAt,
				this.finishedAt, this.runningDuration, this.resultCount, this.resultMessage);
	}

	@Override
	public String toString() {
		return "RunCallback[runSlug=" + this.runSlug + ", runId=" + this.runId + ", status=" + this.status
				+ ", rawStatus=" + this.rawStatus + ", errorMessage=" + this.errorMessage + ", startedAt="
				+ this.startedAt + ", finishedAt=" + this.finishedAt + ", runningDuration=" + this.runningDuration
				+ ", resultCount=" + this.resultCount + ", resultMessage=" + this.resultMessage + "]";
	}

	/**
	 * Builder of {@link RunCallback}; each setter checks its argument at once, and
	 * {@link #build()} that a run and a status are set.
	 */
	public static final class Builder {

		private @Nullable RunSlug runSlug;

		private @Nullable Long runId;

		private @Nullable String rawStatus;

		private @Nullable String errorMessage;

		private @Nullable Instant startedAt;

		private @Nullable Instant finishedAt;

		private @Nullable Duration runningDuration;

		private long resultCount;

		private @Nullable String resultMessage;

		private Builder() {
		}

		/**
		 * Set the run slug.
		 * @param runSlug the run, or {@code null} for a callback that names its run only by
		 * {@link #runId(Long)}
		 * @return this builder
		 */
		public Builder runSlug(@Nullable RunSlug runSlug) {
			this.runSlug = runSlug;
			return this;
		}

		/**
		 * Set the older integer run id.
		 * @param runId the run id, or {@code null} to unset
		 * @return this builder
		 */
		public Builder runId(@Nullable Long runId) {
			this.runId = runId;
			return this;
		}

		/**
		 * Set the status; the status text becomes its lower-case name, as CoreClaw sends it.
		 * @param status the status
		 * @return this builder
		 * @throws IllegalArgumentException if the status is {@code null}
		 */
		public Builder status(RunStatus status) {
			if (status == null) {
				throw new IllegalArgumentException("status must not be null");
			}
			this.rawStatus = status.name().toLowerCase(Locale.ROOT);
			return this;
		}

		/**
		 * Set the status text as CoreClaw sent it; {@link RunCallback#status()} is read from it.
		 * @param rawStatus the status text, for example {@code succeeded}
		 * @return this builder
		 * @throws IllegalArgumentException if the text is {@code null} or empty
		 */
		public Builder rawStatus(String rawStatus) {
			if (rawStatus == null || rawStatus.isEmpty()) {
				throw new IllegalArgumentException("rawStatus must not be " + ((rawStatus == null) ? "null" : "empty"));
			}
			this.rawStatus = rawStatus;
			return this;
		}

		/**
		 * Set the run's error message.
		 * @param errorMessage the message; {@code null} or empty for none
		 * @return this builder
		 */
		public Builder errorMessage(@Nullable String errorMessage) {
			this.errorMessage = emptyToNull(errorMessage);
			return this;
		}

		/**
		 * Set when the run started.
		 * @param startedAt the start, or {@code null} if not set
		 * @return this builder
		 */
		public Builder startedAt(@Nullable Instant startedAt) {
			this.startedAt = startedAt;
			return this;
		}

		/**
		 * Set when the run finished.
		 * @param finishedAt the end, or {@code null} if not set
		 * @return this builder
		 */
		public Builder finishedAt(@Nullable Instant finishedAt) {
			this.finishedAt = finishedAt;
			return this;
		}

		/**
		 * Set how long the run ran.
		 * @param runningDuration zero or more, or {@code null} if not sent
		 * @return this builder
		 * @throws IllegalArgumentException if the duration is negative
		 */
		public Builder runningDuration(@Nullable Duration runningDuration) {
			if (runningDuration != null && runningDuration.isNegative()) {
				throw new IllegalArgumentException("runningDuration must be 0 or more but was " + runningDuration);
			}
			this.runningDuration = runningDuration;
			return this;
		}

		/**
		 * Set the run's number of result rows so far.
		 * @param resultCount zero or more
		 * @return this builder
		 * @throws IllegalArgumentException if the count is negative
		 */
		public Builder resultCount(long resultCount) {
			if (resultCount < 0) {
				throw new IllegalArgumentException("resultCount must be 0 or more but was " + resultCount);
			}
			this.resultCount = resultCount;
			return this;
		}

		/**
		 * Set the run's result summary.
		 * @param resultMessage the summary; {@code null} or empty for none
		 * @return this builder
		 */
		public Builder resultMessage(@Nullable String resultMessage) {
			this.resultMessage = emptyToNull(resultMessage);
			return this;
		}

		/**
		 * Build the callback.
		 * @return the immutable callback
		 * @throws IllegalStateException if neither {@code runSlug} nor {@code runId} is set, or
		 * the status is not set
		 */
		public RunCallback build() {
			if (this.runSlug == null && this.runId == null) {
				throw new IllegalStateException("runSlug or runId must be set");
			}
			if (this.rawStatus == null) {
				throw new IllegalStateException("status or rawStatus must be set");
			}
			return new RunCallback(this, this.rawStatus);
		}

		private static @Nullable String emptyToNull(@Nullable String value) {
			return (value == null || value.isEmpty()) ? null : value;
		}

	}

}
