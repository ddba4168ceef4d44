/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a batch of runs goes ({@link WorkerOperations#runBatch}, {@link WorkerTaskOperations#runBatch}):
 * how many of its runs at once, whether to wait for them, for how long, the options of each run
 * and whether cancelling aborts the runs under way.
 *
 * @since 0.1.0
 */
public final class BatchOptions {

	private static final BatchOptions DEFAULTS = builder().build();

	private final @Nullable Integer maxRunning;

	private final boolean awaitCompletion;

	private final @Nullable Duration timeoutPerRun;

	private final RunOptions runOptions;

	private final boolean abortOnCancel;

	private BatchOptions(Builder builder) {
		this.maxRunning = builder.maxRunning;
		this.awaitCompletion = builder.awaitCompletion;
		this.timeoutPerRun = builder.timeoutPerRun;
		this.runOptions = builder.runOptions;
		this.abortOnCancel = builder.abortOnCancel;
	}

	/**
	 * The defaults: the limit of runs at once from {@code coreclaw.batch.max-running} or learned,
	 * waiting for each run for the polling's default timeout, default run options, no abort on
	 * cancel.
	 * @return the default options
	 */
	public static BatchOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Start building options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The most runs of the batch running at once, {@code null} for the client's
	 * {@code coreclaw.batch.max-running}, or, without it, a limit the batch learns.
	 * @return the limit, or {@code null}
	 */
	public @Nullable Integer maxRunning() {
		return this.maxRunning;
	}

	/**
	 * Whether the batch waits for each run to finish (and judges it) before its outcome, rather
	 * than giving the outcome once the run started.
	 * @return {@code true} by default
	 */
	public boolean awaitCompletion() {
		return this.awaitCompletion;
	}

	/**
	 * How long the batch waits for each run at most, {@code null} for the polling's default
	 * timeout ({@code coreclaw.polling.default-timeout}).
	 * @return the timeout, or {@code null}
	 */
	public @Nullable Duration timeoutPerRun() {
		return this.timeoutPerRun;
	}

	/**
	 * The options each run starts with.
	 * @return the run options
	 */
	public RunOptions runOptions() {
		return this.runOptions;
	}

	/**
	 * Whether cancelling the batch also aborts its runs under way.
	 * @return {@code false} by default
	 */
	public boolean abortOnCancel() {
		return this.abortOnCancel;
	}

	@Override
	public String toString() {
		return "BatchOptions[maxRunning=" + ((this.maxRunning != null) ? this.maxRunning : "learned")
				+ ", awaitCompletion=" + this.awaitCompletion + ", timeoutPerRun=" + this.timeoutPerRun
				+ ", abortOnCancel=" + this.abortOnCancel + "]";
	}

	/**
	 * Builds {@link BatchOptions}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private @Nullable Integer maxRunning;

		private boolean awaitCompletion = true;

		private @Nullable Duration timeoutPerRun;

		private RunOptions runOptions = RunOptions.defaults();

		private boolean abortOnCancel;

		private Builder() {
		}

		/**
		 * Run at most this many of the batch's runs at once (the plan's limit, or less to leave
		 * room for other clients).
		 * @param maxRunning the limit, at least 1
		 * @return this builder
		 * @throws IllegalArgumentException if the limit is below 1
		 */
		public Builder maxRunning(int maxRunning) {
			if (maxRunning < 1) {
				throw new IllegalArgumentException("maxRunning must be at least 1, was " + maxRunning);
			}
			this.maxRunning = maxRunning;
			return this;
		}

		/**
		 * Wait for each run to finish (the default), or give each item's outcome once its run
		 * started.
		 * @param awaitCompletion whether to wait
		 * @return this builder
		 */
		public Builder awaitCompletion(boolean awaitCompletion) {
			this.awaitCompletion = awaitCompletion;
			return this;
		}

		/**
		 * Wait for each run at most this long; its item fails with
		 * {@link CoreClawRunTimeoutException} after it.
		 * @param timeoutPerRun the timeout, positive
		 * @return this builder
		 * @throws IllegalArgumentException if the timeout is null, zero or negative
		 */
		public Builder timeoutPerRun(Duration timeoutPerRun) {
			if (timeoutPerRun == null || timeoutPerRun.isZero() || timeoutPerRun.isNegative()) {
				throw new IllegalArgumentException("timeoutPerRun must be positive, was " + timeoutPerRun);
			}
			this.timeoutPerRun = timeoutPerRun;
			return this;
		}

		/**
		 * Start each run with these options.
		 * @param runOptions the run options
		 * @return this builder
		 * @throws IllegalArgumentException if the options are null
		 */
		public Builder runOptions(RunOptions runOptions) {
			if (runOptions == null) {
				throw new IllegalArgumentException("runOptions must not be null; use RunOptions.defaults()");
			}
			this.runOptions = runOptions;
			return this;
		}

		/**
		 * Abort the batch's runs under way when the batch is cancelled (when its {@code Flux} is
		 * cancelled or its blocking {@code Stream} closed before its end).
		 * @param abortOnCancel whether to abort
		 * @return this builder
		 */
		public Builder abortOnCancel(boolean abortOnCancel) {
			this.abortOnCancel = abortOnCancel;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public BatchOptions build() {
			return new BatchOptions(this);
		}

	}

}
