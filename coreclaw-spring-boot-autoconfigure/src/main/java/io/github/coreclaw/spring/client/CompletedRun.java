/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A run that has finished, with the first page of its results.
 * <p>
 * Built by the client; tests build one with {@link #builder(WorkerRun, ResultPage)}.
 *
 * @since 0.1.0
 */
public final class CompletedRun {

	private final WorkerRun run;

	private final ResultPage firstPage;

	private CompletedRun(Builder builder) {
		this.run = builder.run;
		this.firstPage = builder.firstPage;
	}

	/**
	 * Start building a CompletedRun with what it always has.
	 * @param run the run's final state
	 * @param firstPage the first page of its results
	 * @return a new builder
	 */
	public static Builder builder(WorkerRun run, ResultPage firstPage) {
		return new Builder(run, firstPage);
	}

	/**
	 * A builder holding this CompletedRun's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.run, this.firstPage);
		return builder;
	}

	/**
	 * The run's final state.
	 * @return the run's final state
	 */
	public WorkerRun run() {
		return this.run;
	}

	/**
	 * The first page of its results.
	 * @return the first page of its results
	 */
	public ResultPage firstPage() {
		return this.firstPage;
	}

	/**
	 * A completed run of the given state and first page.
	 * @param run the run's final state
	 * @param firstPage the first page of its results
	 * @return the completed run
	 */
	public static CompletedRun of(WorkerRun run, ResultPage firstPage) {
		return builder(run, firstPage).build();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof CompletedRun that)) {
			return false;
		}
		return Objects.equals(this.run, that.run)
				&& Objects.equals(this.firstPage, that.firstPage);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.run, this.firstPage);
	}

	@Override
	public String toString() {
		return "CompletedRun[" + "run=" + this.run
				+ ", firstPage=" + this.firstPage + "]";
	}

	/**
	 * Builder of a {@link CompletedRun}.
	 */
	public static final class Builder {

		private final WorkerRun run;

		private final ResultPage firstPage;

		private Builder(WorkerRun run, ResultPage firstPage) {
			this.run = Objects.requireNonNull(run, "run must not be null");
			this.firstPage = Objects.requireNonNull(firstPage, "firstPage must not be null");
		}

		/**
		 * Build the CompletedRun.
		 * @return the CompletedRun
		 */
		public CompletedRun build() {
			return new CompletedRun(this);
		}

	}

}
