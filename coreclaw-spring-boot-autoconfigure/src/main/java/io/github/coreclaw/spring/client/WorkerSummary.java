/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One Worker of a list: the account's Workers or CoreClaw's store.
 * <p>
 * Built by the client; tests build one with {@link #builder()}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "slug", "name", "path", "title", "username", "description" })
public final class WorkerSummary {

	private final @Nullable String slug;

	private final @Nullable String name;

	private final @Nullable String path;

	private final @Nullable String title;

	private final @Nullable String username;

	private final @Nullable String description;

	private WorkerSummary(Builder builder) {
		this.slug = builder.slug;
		this.name = builder.name;
		this.path = builder.path;
		this.title = builder.title;
		this.username = builder.username;
		this.description = builder.description;
	}

	/**
	 * Start building a WorkerSummary.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this WorkerSummary's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.slug = this.slug;
		builder.name = this.name;
		builder.path = this.path;
		builder.title = this.title;
		builder.username = this.username;
		builder.description = this.description;
		return builder;
	}

	/**
	 * The Worker's slug, usable as a {@code workerId}.
	 * @return the slug, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String slug() {
		return this.slug;
	}

	/**
	 * The Worker's name.
	 * @return the name, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String name() {
		return this.name;
	}

	/**
	 * The Worker's path, {@code owner~name}, also usable as a {@code workerId}.
	 * @return the path, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String path() {
		return this.path;
	}

	/**
	 * The Worker's display title.
	 * @return the title, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String title() {
		return this.title;
	}

	/**
	 * The user name of the Worker's owner.
	 * @return the owner's user name, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String username() {
		return this.username;
	}

	/**
	 * The Worker's description.
	 * @return the description, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String description() {
		return this.description;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof WorkerSummary that)) {
			return false;
		}
		return Objects.equals(this.slug, that.slug)
				&& Objects.equals(this.name, that.name)
				&& Objects.equals(this.path, that.path)
				&& Objects.equals(this.title, that.title)
				&& Objects.equals(this.username, that.username)
				&& Objects.equals(this.description, that.description);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.slug, this.name, this.path, this.title, this.username, this.description);
	}

	@Override
	public String toString() {
		return "WorkerSummary[" + "slug=" + this.slug
				+ ", name=" + this.name
				+ ", path=" + this.path
				+ ", title=" + this.title
				+ ", username=" + this.username
				+ ", description=" + this.description + "]";
	}

	/**
	 * Builder of a {@link WorkerSummary}.
	 */
	public static final class Builder {

		private @Nullable String slug;

		private @Nullable String name;

		private @Nullable String path;

		private @Nullable String title;

		private @Nullable String username;

		private @Nullable String description;

		private Builder() {
		}

		/**
		 * Set the Worker's slug, usable as a {@code workerId}.
		 * @param slug the Worker's slug, usable as a {@code workerId}
		 * @return this builder
		 */
		public Builder slug(@Nullable String slug) {
			this.slug = slug;
			return this;
		}

		/**
		 * Set the Worker's name.
		 * @param name the Worker's name
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Set the Worker's path, {@code owner~name}, also usable as a {@code workerId}.
		 * @param path the Worker's path, {@code owner~name}, also usable as a {@code workerId}
		 * @return this builder
		 */
		public Builder path(@Nullable String path) {
			this.path = path;
			return this;
		}

		/**
		 * Set the Worker's display title.
		 * @param title the Worker's display title
		 * @return this builder
		 */
		public Builder title(@Nullable String title) {
			this.title = title;
			return this;
		}

		/**
		 * Set the user name of the Worker's owner.
		 * @param username the user name of the Worker's owner
		 * @return this builder
		 */
		public Builder username(@Nullable String username) {
			this.username = username;
			return this;
		}

		/**
		 * Set the Worker's description.
		 * @param description the Worker's description
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Build the WorkerSummary.
		 * @return the WorkerSummary
		 */
		public WorkerSummary build() {
			return new WorkerSummary(this);
		}

	}

}
