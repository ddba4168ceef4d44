/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A run that has finished, with the first page of its results.
 * <p>
 * Built by the client; tests build one with {@link #builder(WorkerRun, ResultPage)}.
 * <p>
 * Jackson writes it as a JSON object of the run and its first page.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "run", "firstPage" })
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
	@JsonProperty
	public WorkerRun run() {
		return this.run;
	}

	/**
	 * The first page of its results.
	 * @return the first page of its results
	 */
	@JsonProperty
	public ResultPage firstPage() {
		return this.firstPage;
	}

	/**
	 * The rows of the first page, each converted to the given type with the application's
	 * Jackson mapper, as {@link SyncRunResult#rows(Class)} does.
	 * @param <T> the row type
	 * @param rowType the row type, for example a record whose components match the column keys
	 * @return the converted rows
	 * @throws IllegalArgumentException if the row type is {@code null}
	 * @throws CoreClawException naming the run if a row cannot be converted
	 * @since 0.1.0
	 */
	public <T> List<T> rows(Class<T> rowType) {
		return this.firstPage.rows(rowType, "run " + this.run.runSlug());
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
