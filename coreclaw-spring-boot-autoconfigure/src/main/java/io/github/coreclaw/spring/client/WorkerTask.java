/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A saved worker task, as CoreClaw's task list or task detail reports it.
 * <p>
 * CoreClaw's replies differ by version: some send the input, run count and timestamps, others the
 * description and the schedule's time; what a reply does not send is {@code null} (or 0, or
 * {@code false}). The input is named by its top-level keys only in {@link #toString()}, since a
 * Worker's input may hold credentials of the scraped site.
 * <p>
 * Built by the client; tests build one with {@link #builder(String)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor, the input
 * included.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "slug", "title", "description", "workerSlug", "workerPath", "workerTitle", "version", "input",
		"runTimes", "scheduleEnabled", "schedule", "id", "createdAt", "updatedAt" })
public final class WorkerTask {

	private final String slug;

	private final @Nullable String title;

	private final @Nullable String description;

	private final @Nullable String workerSlug;

	private final @Nullable String workerPath;

	private final @Nullable String workerTitle;

	private final @Nullable String version;

	private final @Nullable Map<String, Object> input;

	private final long runTimes;

	private final boolean scheduleEnabled;

	private final @Nullable TaskSchedule schedule;

	private final @Nullable Long id;

	private final @Nullable Instant createdAt;

	private final @Nullable Instant updatedAt;

	private WorkerTask(Builder builder) {
		this.slug = builder.slug;
		this.title = builder.title;
		this.description = builder.description;
		this.workerSlug = builder.workerSlug;
		this.workerPath = builder.workerPath;
		this.workerTitle = builder.workerTitle;
		this.version = builder.version;
		this.input = builder.input;
		this.runTimes = builder.runTimes;
		this.scheduleEnabled = builder.scheduleEnabled;
		this.schedule = builder.schedule;
		this.id = builder.id;
		this.createdAt = builder.createdAt;
		this.updatedAt = builder.updatedAt;
	}

	/**
	 * Start building a WorkerTask with what it always has.
	 * @param slug the task's slug, which names it in the API
	 * @return a new builder
	 */
	public static Builder builder(String slug) {
		return new Builder(slug);
	}

	/**
	 * A builder holding this WorkerTask's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.slug);
		builder.title = this.title;
		builder.description = this.description;
		builder.workerSlug = this.workerSlug;
		builder.workerPath = this.workerPath;
		builder.workerTitle = this.workerTitle;
		builder.version = this.version;
		builder.input = this.input;
		builder.runTimes = this.runTimes;
		builder.scheduleEnabled = this.scheduleEnabled;
		builder.schedule = this.schedule;
		builder.id = this.id;
		builder.createdAt = this.createdAt;
		builder.updatedAt = this.updatedAt;
		return builder;
	}

	/**
	 * The task's slug, which names it in the API.
	 * @return the task's slug, which names it in the API
	 */
	@JsonProperty
	public String slug() {
		return this.slug;
	}

	/**
	 * The task's title.
	 * @return the title, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String title() {
		return this.title;
	}

	/**
	 * The task's description.
	 * @return the description, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String description() {
		return this.description;
	}

	/**
	 * The slug of the Worker the task runs.
	 * @return the Worker's slug, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String workerSlug() {
		return this.workerSlug;
	}

	/**
	 * The {@code owner~name} path of the Worker the task runs.
	 * @return the Worker's path, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String workerPath() {
		return this.workerPath;
	}

	/**
	 * The display name of the Worker the task runs.
	 * @return the Worker's title, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String workerTitle() {
		return this.workerTitle;
	}

	/**
	 * The Worker version the task runs.
	 * @return the version, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String version() {
		return this.version;
	}

	/**
	 * The task's saved input.
	 * @return the input, unmodifiable; {@code null} if CoreClaw sent none (read it with
	 * {@link WorkerTaskOperations#getInput(String)})
	 */
	@JsonProperty
	public @Nullable Map<String, Object> input() {
		return this.input;
	}

	/**
	 * How many times the task has run.
	 * @return the number of runs, 0 if CoreClaw sent none
	 */
	@JsonProperty
	public long runTimes() {
		return this.runTimes;
	}

	/**
	 * Whether CoreClaw runs the task by itself on a schedule.
	 * @return whether the schedule is on, {@code false} if CoreClaw did not say
	 */
	@JsonProperty
	public boolean scheduleEnabled() {
		return this.scheduleEnabled;
	}

	/**
	 * When CoreClaw runs the task by itself.
	 * @return the schedule, {@code null} unless CoreClaw sent all of it (replies that send only
	 * {@code schedule_enabled} and {@code schedule_type} leave it {@code null})
	 */
	@JsonProperty
	public @Nullable TaskSchedule schedule() {
		return this.schedule;
	}

	/**
	 * CoreClaw's internal numeric id of the task (the API names tasks by slug).
	 * @return the id, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable Long id() {
		return this.id;
	}

	/**
	 * When the task was created.
	 * @return the creation time, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * When the task was last changed.
	 * @return the time of the last change, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable Instant updatedAt() {
		return this.updatedAt;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof WorkerTask that)) {
			return false;
		}
		return Objects.equals(this.slug, that.slug)
				&& Objects.equals(this.title, that.title)
				&& Objects.equals(this.description, that.description)
				&& Objects.equals(this.workerSlug, that.workerSlug)
				&& Objects.equals(this.workerPath, that.workerPath)
				&& Objects.equals(this.workerTitle, that.workerTitle)
				&& Objects.equals(this.version, that.version)
				&& Objects.equals(this.input, that.input)
				&& this.runTimes == that.runTimes
				&& this.scheduleEnabled == that.scheduleEnabled
				&& Objects.equals(this.schedule, that.schedule)
				&& Objects.equals(this.id, that.id)
				&& Objects.equals(this.createdAt, that.createdAt)
				&& Objects.equals(this.updatedAt, that.updatedAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.slug, this.title, this.description, this.workerSlug, this.workerPath, this.workerTitle,
				this.version, this.input, this.runTimes, this.scheduleEnabled, this.schedule, this.id, this.createdAt,
				this.updatedAt);
	}

	@Override
	public String toString() {
		return "WorkerTask[" + "slug=" + this.slug
				+ ", title=" + this.title
				+ ", description=" + this.description
				+ ", workerSlug=" + this.workerSlug
				+ ", workerPath=" + this.workerPath
				+ ", workerTitle=" + this.workerTitle
				+ ", version=" + this.version
				+ ", input=" + ((this.input != null) ? this.input.keySet() : null)
				+ ", runTimes=" + this.runTimes
				+ ", scheduleEnabled=" + this.scheduleEnabled
				+ ", schedule=" + this.schedule
				+ ", id=" + this.id
				+ ", createdAt=" + this.createdAt
				+ ", updatedAt=" + this.updatedAt + "]";
	}

	/**
	 * Builder of a {@link WorkerTask}.
	 */
	public static final class Builder {

		private final String slug;

		private @Nullable String title;

		private @Nullable String description;

		private @Nullable String workerSlug;

		private @Nullable String workerPath;

		private @Nullable String workerTitle;

		private @Nullable String version;

		private @Nullable Map<String, Object> input;

		private long runTimes;

		private boolean scheduleEnabled;

		private @Nullable TaskSchedule schedule;

		private @Nullable Long id;

		private @Nullable Instant createdAt;

		private @Nullable Instant updatedAt;

		private Builder(String slug) {
			this.slug = Objects.requireNonNull(slug, "slug must not be null");
		}

		/**
		 * Set the task's title.
		 * @param title the task's title
		 * @return this builder
		 */
		public Builder title(@Nullable String title) {
			this.title = title;
			return this;
		}

		/**
		 * Set the task's description.
		 * @param description the task's description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Set the slug of the Worker the task runs.
		 * @param workerSlug the slug of the Worker the task runs
		 * @return this builder
		 */
		public Builder workerSlug(@Nullable String workerSlug) {
			this.workerSlug = workerSlug;
			return this;
		}

		/**
		 * Set the {@code owner~name} path of the Worker the task runs.
		 * @param workerPath the {@code owner~name} path of the Worker the task runs
		 * @return this builder
		 */
		public Builder workerPath(@Nullable String workerPath) {
			this.workerPath = workerPath;
			return this;
		}

		/**
		 * Set the display name of the Worker the task runs.
		 * @param workerTitle the display name of the Worker the task runs
		 * @return this builder
		 */
		public Builder workerTitle(@Nullable String workerTitle) {
			this.workerTitle = workerTitle;
			return this;
		}

		/**
		 * Set the Worker version the task runs.
		 * @param version the Worker version the task runs
		 * @return this builder
		 */
		public Builder version(@Nullable String version) {
			this.version = version;
			return this;
		}

		/**
		 * Set the task's saved input.
		 * @param input the task's saved input
		 * @return this builder
		 */
		public Builder input(@Nullable Map<String, Object> input) {
			this.input = (input != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(input)) : null;
			return this;
		}

		/**
		 * Set how many times the task has run.
		 * @param runTimes how many times the task has run
		 * @return this builder
		 */
		public Builder runTimes(long runTimes) {
			this.runTimes = runTimes;
			return this;
		}

		/**
		 * Set whether CoreClaw runs the task by itself on a schedule.
		 * @param scheduleEnabled whether CoreClaw runs the task by itself on a schedule
		 * @return this builder
		 */
		public Builder scheduleEnabled(boolean scheduleEnabled) {
			this.scheduleEnabled = scheduleEnabled;
			return this;
		}

		/**
		 * Set when CoreClaw runs the task by itself.
		 * @param schedule when CoreClaw runs the task by itself
		 * @return this builder
		 */
		public Builder schedule(@Nullable TaskSchedule schedule) {
			this.schedule = schedule;
			return this;
		}

		/**
		 * Set CoreClaw's internal numeric id of the task (the API names tasks by slug).
		 * @param id CoreClaw's internal numeric id of the task (the API names tasks by slug)
		 * @return this builder
		 */
		public Builder id(@Nullable Long id) {
			this.id = id;
			return this;
		}

		/**
		 * Set when the task was created.
		 * @param createdAt when the task was created
		 * @return this builder
		 */
		public Builder createdAt(@Nullable Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		/**
		 * Set when the task was last changed.
		 * @param updatedAt when the task was last changed
		 * @return this builder
		 */
		public Builder updatedAt(@Nullable Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		/**
		 * Build the WorkerTask.
		 * @return the WorkerTask
		 */
		public WorkerTask build() {
			return new WorkerTask(this);
		}

	}

}
