/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Details of one CoreClaw Worker: who publishes it, its version, its readme and its parameters.
 * <p>
 * Built by the client; tests build one with {@link #builder()}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "name", "username", "version", "readme", "parameters" })
public final class Worker {

	private final @Nullable String name;

	private final @Nullable String username;

	private final @Nullable String version;

	private final @Nullable String readme;

	private final Map<String, Object> parameters;

	private Worker(Builder builder) {
		this.name = builder.name;
		this.username = builder.username;
		this.version = builder.version;
		this.readme = builder.readme;
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
	}

	/**
	 * Start building a Worker.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this Worker's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.name = this.name;
		builder.username = this.username;
		builder.version = this.version;
		builder.readme = this.readme;
		builder.parameters = this.parameters;
		return builder;
	}

	/**
	 * The Worker's name, for example {@code google-maps-scraper}.
	 * @return the name, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String name() {
		return this.name;
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
	 * The Worker's current version.
	 * @return the version, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String version() {
		return this.version;
	}

	/**
	 * The Worker's readme, in Markdown.
	 * @return the readme, {@code null} if CoreClaw sent none
	 */
	@JsonProperty
	public @Nullable String readme() {
		return this.readme;
	}

	/**
	 * The Worker's parameters ({@code custom} and {@code system}) as CoreClaw describes them.
	 * @return the parameters, empty if CoreClaw sent none
	 */
	@JsonProperty
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Worker that)) {
			return false;
		}
		return Objects.equals(this.name, that.name)
				&& Objects.equals(this.username, that.username)
				&& Objects.equals(this.version, that.version)
				&& Objects.equals(this.readme, that.readme)
				&& Objects.equals(this.parameters, that.parameters);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.username, this.version, this.readme, this.parameters);
	}

	@Override
	public String toString() {
		return "Worker[" + "name=" + this.name
				+ ", username=" + this.username
				+ ", version=" + this.version
				+ ", readme=" + ((this.readme != null) ? this.readme.length() + " chars" : null)
				+ ", parameters=" + this.parameters + "]";
	}

	/**
	 * Builder of a {@link Worker}.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String username;

		private @Nullable String version;

		private @Nullable String readme;

		private Map<String, Object> parameters = Map.of();

		private Builder() {
		}

		/**
		 * Set the Worker's name, for example {@code google-maps-scraper}.
		 * @param name the Worker's name, for example {@code google-maps-scraper}
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
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
		 * Set the Worker's current version.
		 * @param version the Worker's current version
		 * @return this builder
		 */
		public Builder version(@Nullable String version) {
			this.version = version;
			return this;
		}

		/**
		 * Set the Worker's readme, in Markdown.
		 * @param readme the Worker's readme, in Markdown
		 * @return this builder
		 */
		public Builder readme(@Nullable String readme) {
			this.readme = readme;
			return this;
		}

		/**
		 * Set the Worker's parameters ({@code custom} and {@code system}) as CoreClaw describes them.
		 * @param parameters the Worker's parameters ({@code custom} and {@code system}) as CoreClaw describes them
		 * @return this builder
		 */
		public Builder parameters(Map<String, Object> parameters) {
			this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
			return this;
		}

		/**
		 * Build the Worker.
		 * @return the Worker
		 */
		public Worker build() {
			return new Worker(this);
		}

	}

}
