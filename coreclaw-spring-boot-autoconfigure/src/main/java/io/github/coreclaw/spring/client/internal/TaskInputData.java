/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.coreclaw.spring.client.TaskInput;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the task input reply.
 *
 * @param input the saved input, a JSON object
 * @param version the Worker version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskInputData(@Nullable Map<String, Object> input, @Nullable String version) {

	/**
	 * Convert to the public type.
	 * @param data the reply's data, may be {@code null}
	 * @return the task input, {@code null} if the reply has no input
	 */
	public static @Nullable TaskInput toTaskInput(@Nullable TaskInputData data) {
		if (data == null || data.input() == null) {
			return null;
		}
		return new TaskInput(data.input(), WireValues.text(data.version()));
	}

}
