/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Which worker tasks {@link WorkerTaskOperations#list(TaskQuery)} lists: those of one Worker,
 * those whose title or slug holds a keyword, or all of them.
 *
 * @since 0.1.0
 */
public final class TaskQuery {

	private static final TaskQuery ALL = new TaskQuery(null, null);

	private final @Nullable String workerId;

	private final @Nullable String keyword;

	private TaskQuery(@Nullable String workerId, @Nullable String keyword) {
		this.workerId = workerId;
		this.keyword = keyword;
	}

	/**
	 * The query that lists every task of the account.
	 * @return the query without filters
	 */
	public static TaskQuery all() {
		return ALL;
	}

	/**
	 * Start building a query.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The Worker whose tasks are listed ({@code worker_id}), if set.
	 * @return the Worker slug or {@code owner~name} path, or {@code null}
	 */
	public @Nullable String workerId() {
		return this.workerId;
	}

	/**
	 * The text the title or slug of a listed task holds ({@code keyword}), if set.
	 * @return the keyword or {@code null}
	 */
	public @Nullable String keyword() {
		return this.keyword;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof TaskQuery that) && Objects.equals(this.workerId, that.workerId)
				&& Objects.equals(this.keyword, that.keyword));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.workerId, this.keyword);
	}

	@Override
	public String toString() {
		return "TaskQuery[workerId=" + this.workerId + ", keyword=" + this.keyword + "]";
	}

	/**
	 * Builder of a {@link TaskQuery}; each setter checks its argument at once.
	 */
	public static final class Builder {

		private @Nullable String workerId;

		private @Nullable String keyword;

		private Builder() {
		}

		/**
		 * List only the tasks of this Worker.
		 * @param workerId the Worker slug or {@code owner~name} path, {@code null} to unset
		 * @return this builder
		 * @throws IllegalArgumentException if the value is not a slug
		 */
		public Builder workerId(@Nullable String workerId) {
			this.workerId = (workerId != null) ? Identifiers.checkSlug("workerId", workerId) : null;
			return this;
		}

		/**
		 * List only the tasks whose title or slug holds this text.
		 * @param keyword the text, {@code null} to unset
		 * @return this builder
		 * @throws IllegalArgumentException if the text is blank
		 */
		public Builder keyword(@Nullable String keyword) {
			if (keyword != null && keyword.isBlank()) {
				throw new IllegalArgumentException("keyword must not be blank; pass null to list every task");
			}
			this.keyword = keyword;
			return this;
		}

		/**
		 * Build the query.
		 * @return the immutable query
		 */
		public TaskQuery build() {
			return (this.workerId == null && this.keyword == null) ? ALL : new TaskQuery(this.workerId, this.keyword);
		}

	}

}
