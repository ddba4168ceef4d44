/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Which runs {@link WorkerRunOperations#list(RunQuery)} lists: those of one Worker, in one
 * status, created between two dates, or any combination; a query without filters lists every
 * run of CoreClaw's current month.
 * <p>
 * Dates are days of CoreClaw's calendar, which is UTC+8 ({@link #CORECLAW_ZONE}): a run
 * created at 2026-03-31T18:00Z was created on 2026-04-01 there. CoreClaw answers only queries
 * within one such calendar month; the client splits a longer range into one query per month.
 * <p>
 * CoreClaw filters runs by Worker, not by worker task: there is no query for the runs of one
 * task. To list the runs of a task's Worker, which include the runs of that task, pass the
 * task's {@link WorkerTask#workerPath() workerPath}:
 * <pre class="code">
 * client.workerTasks().get("my-task")
 *     .flatMapMany((task) -&gt; client.workerRuns().list(RunQuery.builder().workerId(task.workerPath()).build()));
 * </pre>
 * They include the runs of the Worker's other tasks and its direct runs, and a run does not say
 * which task started it: to follow the runs of one task, keep the {@link RunSlug} each run of it
 * returns ({@link WorkerTaskOperations#runAsync(String)}).
 * <p>
 * Every builder method checks its argument at once ({@link IllegalArgumentException} naming
 * it).
 *
 * @since 0.1.0
 */
public final class RunQuery {

	/** CoreClaw's time zone, in which its run list's months and days begin (UTC+8). */
	public static final ZoneOffset CORECLAW_ZONE = ZoneOffset.ofHours(8);

	private static final RunQuery CURRENT_MONTH = builder().build();

	private final @Nullable String workerId;

	private final @Nullable RunStatus status;

	private final @Nullable LocalDate createdFrom;

	private final @Nullable LocalDate createdTo;

	private RunQuery(Builder builder) {
		this.workerId = builder.workerId;
		this.status = builder.status;
		this.createdFrom = builder.createdFrom;
		this.createdTo = builder.createdTo;
	}

	/**
	 * The query without filters: every run created in CoreClaw's current calendar month (UTC+8).
	 * @return the query
	 */
	public static RunQuery currentMonth() {
		return CURRENT_MONTH;
	}

	/**
	 * Start building a query.
	 * @return a new builder, without filters
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The Worker whose runs are listed.
	 * @return the Worker's slug or {@code owner~name} path, {@code null} for every Worker
	 */
	public @Nullable String workerId() {
		return this.workerId;
	}

	/**
	 * The status of the runs listed.
	 * @return the status, {@code null} for every status
	 */
	public @Nullable RunStatus status() {
		return this.status;
	}

	/**
	 * The first day (UTC+8) on which the runs listed were created.
	 * @return the first day, {@code null} for CoreClaw's current month
	 */
	public @Nullable LocalDate createdFrom() {
		return this.createdFrom;
	}

	/**
	 * The last day (UTC+8, included) on which the runs listed were created.
	 * @return the last day, {@code null} for CoreClaw's current month
	 */
	public @Nullable LocalDate createdTo() {
		return this.createdTo;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof RunQuery that)) {
			return false;
		}
		return Objects.equals(this.workerId, that.workerId) && this.status == that.status
				&& Objects.equals(this.createdFrom, that.createdFrom) && Objects.equals(this.createdTo, that.createdTo);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.workerId, this.status, this.createdFrom, this.createdTo);
	}

	@Override
	public String toString() {
		return "RunQuery[workerId=" + this.workerId + ", status=" + this.status + ", createdFrom=" + this.createdFrom
				+ ", createdTo=" + this.createdTo + "]";
	}

	/**
	 * Builder of a {@link RunQuery}.
	 */
	public static final class Builder {

		private @Nullable String workerId;

		private @Nullable RunStatus status;

		private @Nullable LocalDate createdFrom;

		private @Nullable LocalDate createdTo;

		private Builder() {
		}

		/**
		 * List only the runs of this Worker. CoreClaw has no filter by worker task: for the
		 * Worker of a task, pass its {@link WorkerTask#workerPath()}.
		 * @param workerId the Worker's slug or {@code owner~name} path
		 * @return this builder
		 * @throws IllegalArgumentException if the Worker id is blank or has characters an id
		 * cannot have
		 */
		public Builder workerId(String workerId) {
			this.workerId = Identifiers.checkSlug("workerId", workerId);
			return this;
		}

		/**
		 * List only the runs in this status. CoreClaw filters by {@code ready},
		 * {@code running}, {@code succeeded}, {@code failed} and {@code aborting}; it has no
		 * {@code aborted} filter.
		 * @param status the status, one of {@link RunStatus#READY}, {@link RunStatus#RUNNING},
		 * {@link RunStatus#SUCCEEDED}, {@link RunStatus#FAILED} and {@link RunStatus#ABORTING}
		 * @return this builder
		 * @throws IllegalArgumentException if the status is {@code null}, {@link RunStatus#ABORTED}
		 * or {@link RunStatus#UNKNOWN}
		 */
		public Builder status(RunStatus status) {
			if (status == null || status == RunStatus.ABORTED || status == RunStatus.UNKNOWN) {
				throw new IllegalArgumentException(
						"status must be one of READY, RUNNING, SUCCEEDED, FAILED, ABORTING (the statuses CoreClaw "
								+ "filters by) but was " + status);
			}
			this.status = status;
			return this;
		}

		/**
		 * List only the runs created from the first day to the last day, both included, as
		 * days of CoreClaw's calendar (UTC+8). A range over several months is read one month
		 * at a time, the latest month first.
		 * @param from the first day
		 * @param to the last day, the same as or after {@code from}
		 * @return this builder
		 * @throws IllegalArgumentException if a date is {@code null} or {@code from} is after
		 * {@code to}
		 */
		public Builder createdBetween(LocalDate from, LocalDate to) {
			if (from == null) {
				throw new IllegalArgumentException("from must not be null");
			}
			if (to == null) {
				throw new IllegalArgumentException("to must not be null");
			}
			if (from.isAfter(to)) {
				throw new IllegalArgumentException("from must not be after to but was " + from + " > " + to);
			}
			this.createdFrom = from;
			this.createdTo = to;
			return this;
		}

		/**
		 * Build the query.
		 * @return the query
		 */
		public RunQuery build() {
			return new RunQuery(this);
		}

	}

}
