/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * What {@link WorkerTaskOperations#create(WorkerTaskDefinition)} saves as a new worker task: the
 * Worker, a title and the input, and optionally a description, a Worker version and a schedule.
 * An optional value left unset is not sent, so CoreClaw's default applies.
 *
 * @since 0.1.0
 */
public final class WorkerTaskDefinition {

	private final String workerId;

	private final String title;

	private final Object input;

	private final @Nullable String description;

	private final @Nullable String version;

	private final @Nullable TaskSchedule schedule;

	private WorkerTaskDefinition(Builder builder) {
		this.workerId = builder.workerId;
		this.title = builder.title;
		this.input = builder.input;
		this.description = builder.description;
		this.version = builder.version;
		this.schedule = builder.schedule;
	}

	/**
	 * Start building a definition with what every task has.
	 * @param workerId the Worker the task runs: its slug or {@code owner~name} path
	 * @param title the task's title
	 * @param input the Worker's input, anything the application's Jackson mapper writes as a JSON
	 * object (a {@code Map}, a record, a {@code JsonNode}); the Worker's fields usually go under
	 * {@code parameters.custom}
	 * @return a new builder
	 * @throws IllegalArgumentException if the Worker id is not a slug, the title is blank or the
	 * input is {@code null}
	 */
	public static Builder builder(String workerId, String title, Object input) {
		return new Builder(workerId, title, input);
	}

	/**
	 * The Worker the task runs.
	 * @return the Worker slug or {@code owner~name} path
	 */
	public String workerId() {
		return this.workerId;
	}

	/**
	 * The task's title.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The Worker's input, as given.
	 * @return the input
	 */
	public Object input() {
		return this.input;
	}

	/**
	 * The task's description, if set.
	 * @return the description or {@code null}
	 */
	public @Nullable String description() {
		return this.description;
	}

	/**
	 * The Worker version the task runs, if set; CoreClaw uses the Worker's current one otherwise.
	 * @return the version or {@code null}
	 */
	public @Nullable String version() {
		return this.version;
	}

	/**
	 * When CoreClaw runs the task by itself, if set.
	 * @return the schedule or {@code null}
	 */
	public @Nullable TaskSchedule schedule() {
		return this.schedule;
	}

	/**
	 * Check a Worker version argument.
	 */
	static String checkVersion(@Nullable String version) {
		if (version == null) {
			throw new IllegalArgumentException("version must not be null");
		}
		if (version.isBlank()) {
			throw new IllegalArgumentException("version must not be blank");
		}
		return version;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof WorkerTaskDefinition that) && this.workerId.equals(that.workerId)
				&& this.title.equals(that.title) && this.input.equals(that.input)
				&& Objects.equals(this.description, that.description) && Objects.equals(this.version, that.version)
				&& Objects.equals(this.schedule, that.schedule));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.workerId, this.title, this.input, this.description, this.version, this.schedule);
	}

	/**
	 * Describe the definition; the input is named by its type only, since a Worker's input may
	 * hold credentials of the scraped site.
	 */
	@Override
	public String toString() {
		return "WorkerTaskDefinition[workerId=" + this.workerId + ", title=" + this.title + ", input="
				+ this.input.getClass().getSimpleName() + ", description=" + this.description + ", version="
				+ this.version + ", schedule=" + this.schedule + "]";
	}

	/**
	 * Builder of a {@link WorkerTaskDefinition}; each setter checks its argument at once.
	 */
	public static final class Builder {

		private final String workerId;

		private final String title;

		private final Object input;

		private @Nullable String description;

		private @Nullable String version;

		private @Nullable TaskSchedule schedule;

		private Builder(@Nullable String workerId, @Nullable String title, @Nullable Object input) {
			this.workerId = Identifiers.checkSlug("workerId", workerId);
			this.title = WorkerTaskUpdate.checkTitle(title);
			if (input == null) {
				throw new IllegalArgumentException("input must not be null");
			}
			this.input = input;
		}

		/**
		 * Set the task's description.
		 * @param description the description, {@code null} to unset
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Set the Worker version the task runs.
		 * @param version the version, for example {@code v1.2.8}; {@code null} for the Worker's
		 * current one
		 * @return this builder
		 * @throws IllegalArgumentException if the version is blank
		 */
		public Builder version(@Nullable String version) {
			this.version = (version != null) ? checkVersion(version) : null;
			return this;
		}

		/**
		 * Set when CoreClaw runs the task by itself.
		 * @param schedule the schedule, {@code null} to unset
		 * @return this builder
		 */
		public Builder schedule(@Nullable TaskSchedule schedule) {
			this.schedule = schedule;
			return this;
		}

		/**
		 * Build the definition.
		 * @return the immutable definition
		 */
		public WorkerTaskDefinition build() {
			return new WorkerTaskDefinition(this);
		}

	}

}
