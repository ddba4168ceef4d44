/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.Collections;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a Worker input schema reply.
 *
 * @param inputSchema the JSON-schema-like description of the Worker's input
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InputSchemaData(@JsonProperty("input_schema") @Nullable Map<String, Object> inputSchema) {

	/**
	 * The schema of a reply's {@code data}.
	 * @param data the {@code data}, may be {@code null}
	 * @return the schema, unmodifiable, or {@code null} if the reply held none
	 */
	public static @Nullable Map<String, Object> toSchema(@Nullable InputSchemaData data) {
		return (data != null && data.inputSchema() != null) ? Collections.unmodifiableMap(data.inputSchema()) : null;
	}

}
