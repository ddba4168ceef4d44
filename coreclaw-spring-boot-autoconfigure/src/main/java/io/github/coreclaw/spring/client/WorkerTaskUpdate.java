/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What {@link WorkerTaskOperations#update(String, WorkerTaskUpdate)} changes on a saved worker
 * task: only what is set is sent, and CoreClaw keeps everything else. The input is changed with
 * {@link WorkerTaskOperations#updateInput(String, Object)}.
 *
 * @since 0.1.0
 */
public final class WorkerTaskUpdate {

	private final @Nullable String title;

	private final @Nullable String description;

	private final @Nullable TaskSchedule schedule;

	private WorkerTaskUpdate(Builder builder) {
		this.title = builder.title;
		this.description = builder.description;
		this.schedule = builder.schedule;
	}

	/**
	 * Start building an update that changes nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The new title, if it changes.
	 * @return the title or {@code null}
	 */
	public @Nullable String title() {
		return this.title;
	}

	/**
	 * The new description, if it changes.
	 * @return the description ({@code ""} clears it) or {@code null}
	 */
	public @Nullable String description() {
		return this.description;
	}

	/**
	 * The new schedule, if it changes.
	 * @return the schedule or {@code null}
	 */
	public @Nullable TaskSchedule schedule() {
		return this.schedule;
	}

	/**
	 * Whether the update changes nothing; such an update is refused before anything is sent.
	 * @return whether nothing is set
	 */
	public boolean isEmpty() {
		return this.title == null && this.description == null && this.schedule == null;
	}

	/**
	 * Check a title argument.
	 */
	static String checkTitle(@Nullable String title) {
		if (title == null) {
			throw new IllegalArgumentException("title must not be null");
		}
		if (title.isBlank()) {
			throw new IllegalArgumentException("title must not be blank");
		}
		return title;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof WorkerTaskUpdate that) && Objects.equals(this.title, that.title)
				&& Objects.equals(this.description, that.description) && Objects.equals(this.schedule, that.schedule));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.title, this.description, this.schedule);
	}

	@Override
	public String toString() {
		return "WorkerTaskUpdate[title=" + this.title + ", description=" + this.description + ", schedule="
				+ this.schedule + "]";
	}

	/**
	 * Builder of a {@link WorkerTaskUpdate}; each setter checks its argument at once.
	 */
	public static final class Builder {

		private @Nullable String title;

		private @Nullable String description;

		private @Nullable TaskSchedule schedule;

		private Builder() {
		}

		/**
		 * Change the title.
		 * @param title the new title, {@code null} to keep the current one
		 * @return this builder
		 * @throws IllegalArgumentException if the title is blank
		 */
		public Builder title(@Nullable String title) {
			this.title = (title != null) ? checkTitle(title) : null;
			return this;
		}

		/**
		 * Change the description.
		 * @param description the new description, {@code ""} to clear it, {@code null} to keep the
		 * current one
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Change when CoreClaw runs the task by itself; {@link TaskSchedule#disabled()} turns the
		 * schedule off.
		 * @param schedule the new schedule, {@code null} to keep the current one
		 * @return this builder
		 */
		public Builder schedule(@Nullable TaskSchedule schedule) {
			this.schedule = schedule;
			return this;
		}

		/**
		 * Build the update.
		 * @return the immutable update
		 */
		public WorkerTaskUpdate build() {
			return new WorkerTaskUpdate(this);
		}

	}

}
