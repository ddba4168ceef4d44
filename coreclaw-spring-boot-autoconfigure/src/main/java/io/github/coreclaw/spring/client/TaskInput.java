/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The saved input of a worker task and the Worker version it runs with.
 *
 * @param input the input, as CoreClaw stores it (the Worker's fields usually under
 * {@code parameters.custom}); unmodifiable
 * @param version the Worker version, {@code null} if CoreClaw sent none
 * @since 0.1.0
 */
public record TaskInput(Map<String, Object> input, @Nullable String version) {

	/**
	 * Create a task input, keeping an unmodifiable copy of the input.
	 * @param input the input
	 * @param version the Worker version, may be {@code null}
	 * @throws IllegalArgumentException if the input is {@code null}
	 */
	public TaskInput {
		if (input == null) {
			throw new IllegalArgumentException("input must not be null");
		}
		// JSON null values are kept, which Map.copyOf would refuse.
		input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
	}

	/**
	 * Describe the input by its top-level keys only, since a Worker's input may hold credentials
	 * of the scraped site.
	 */
	@Override
	public String toString() {
		return "TaskInput[input=" + this.input.keySet() + ", version=" + this.version + "]";
	}

}
