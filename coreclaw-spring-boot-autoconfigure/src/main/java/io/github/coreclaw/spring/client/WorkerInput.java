/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Input of a Worker run in the shape CoreClaw expects: the Worker's own parameters under
 * {@code parameters.custom} and the platform's (such as {@code proxy_region}) under
 * {@code parameters.system}.
 * <p>
 * {@code WorkerInput.builder().custom("keywords", List.of("coffee")).system("proxy_region", "US").build()}
 * is written as {@code {"parameters":{"custom":{"keywords":["coffee"]},"system":{"proxy_region":"US"}}}};
 * {@code custom} is always written, {@code system} only when it has a parameter. Values are written
 * by the application's Jackson mapper, like any other input.
 *
 * @since 0.1.0
 */
public final class WorkerInput {

	private final Map<String, Object> custom;

	private final Map<String, Object> system;

	private WorkerInput(Builder builder) {
		this.custom = Collections.unmodifiableMap(new LinkedHashMap<>(builder.custom));
		this.system = Collections.unmodifiableMap(new LinkedHashMap<>(builder.system));
	}

	/**
	 * Start building an input.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The Worker's own parameters, in the order they were set.
	 * @return the custom parameters
	 */
	public Map<String, Object> custom() {
		return this.custom;
	}

	/**
	 * The platform's parameters, in the order they were set.
	 * @return the system parameters
	 */
	public Map<String, Object> system() {
		return this.system;
	}

	/**
	 * The input as CoreClaw reads it, which is how Jackson writes it.
	 * @return {@code {parameters: {custom: {...}, system: {...}}}}, without {@code system} when it
	 * is empty
	 */
	@JsonValue
	public Map<String, Object> toMap() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("custom", this.custom);
		if (!this.system.isEmpty()) {
			parameters.put("system", this.system);
		}
		return Map.of("parameters", parameters);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof WorkerInput that) && this.custom.equals(that.custom)
				&& this.system.equals(that.system));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.custom, this.system);
	}

	/**
	 * The names of the parameters, not their values: an input may hold credentials of the site
	 * a Worker visits.
	 */
	@Override
	public String toString() {
		return "WorkerInput[custom=" + this.custom.keySet() + ", system=" + this.system.keySet() + "]";
	}

	/**
	 * Builder of a {@link WorkerInput}; setting a parameter again replaces its value.
	 */
	public static final class Builder {

		private final Map<String, Object> custom = new LinkedHashMap<>();

		private final Map<String, Object> system = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Set one of the Worker's own parameters, as its input schema names it.
		 * @param name the parameter's name, for example {@code keywords}
		 * @param value its value, anything the application's mapper can write
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank or the value {@code null}
		 */
		public Builder custom(String name, Object value) {
			put(this.custom, "custom", name, value);
			return this;
		}

		/**
		 * Set several of the Worker's own parameters.
		 * @param parameters the parameters by name
		 * @return this builder
		 * @throws IllegalArgumentException if the map is {@code null}, or a name is blank or a value
		 * {@code null}
		 */
		public Builder custom(Map<String, ?> parameters) {
			if (parameters == null) {
				throw new IllegalArgumentException("parameters must not be null");
			}
			parameters.forEach((name, value) -> put(this.custom, "custom", name, value));
			return this;
		}

		/**
		 * Set one of the platform's parameters, for example {@code proxy_region} (a
		 * {@link ProxyRegion#code()}), {@code cpus}, {@code memory} (MB) or
		 * {@code execute_limit_time_seconds}.
		 * @param name the parameter's name
		 * @param value its value
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank or the value {@code null}
		 */
		public Builder system(String name, Object value) {
			put(this.system, "system", name, value);
			return this;
		}

		private static void put(Map<String, Object> parameters, String kind, @Nullable String name,
				@Nullable Object value) {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("name of a " + kind + " parameter must not be blank but was "
						+ ((name != null) ? "\"" + name + "\"" : "null"));
			}
			if (value == null) {
				throw new IllegalArgumentException("value of the " + kind + " parameter \"" + name
						+ "\" must not be null; leave the parameter out for the Worker's default");
			}
			parameters.put(name, value);
		}

		/**
		 * Build the input.
		 * @return the immutable input
		 */
		public WorkerInput build() {
			return new WorkerInput(this);
		}

	}

}
