/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.coreclaw.spring.client.WorkerTaskDefinition;
import io.github.coreclaw.spring.client.WorkerTaskUpdate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the bodies of the task create, update and input update requests, each holding exactly
 * the fields of its OpenAPI schema ({@code CreateRequest}, {@code UpdateRequest},
 * {@code UpdateInputBody}) that are set.
 */
public final class TaskRequests {

	private TaskRequests() {
	}

	/**
	 * The body of a create request.
	 * @param definition the task definition
	 * @param mapper the application's mapper, which writes the input
	 * @return the body
	 * @throws IllegalArgumentException if the definition is {@code null} or its input is not
	 * written as a JSON object
	 */
	public static Create create(@Nullable WorkerTaskDefinition definition, ObjectMapper mapper) {
		if (definition == null) {
			throw new IllegalArgumentException("definition must not be null");
		}
		return new Create(definition.workerId(), definition.title(), inputObject(definition.input(), mapper),
				definition.description(), definition.version(), ScheduleFields.of(definition.schedule()));
	}

	/**
	 * The body of an update request.
	 * @param update the update
	 * @return the body
	 * @throws IllegalArgumentException if the update is {@code null} or changes nothing
	 */
	public static Update update(@Nullable WorkerTaskUpdate update) {
		if (update == null) {
			throw new IllegalArgumentException("update must not be null");
		}
		if (update.isEmpty()) {
			throw new IllegalArgumentException(
					"update must change at least one of title, description and schedule; it changes nothing");
		}
		return new Update(update.title(), update.description(), ScheduleFields.of(update.schedule()));
	}

	/**
	 * The body of an input update request.
	 * @param input the new input
	 * @param version the Worker version, {@code null} to keep the task's
	 * @param mapper the application's mapper, which writes the input
	 * @return the body
	 * @throws IllegalArgumentException if the input is not written as a JSON object
	 */
	public static UpdateInput updateInput(@Nullable Object input, @Nullable String version, ObjectMapper mapper) {
		return new UpdateInput(inputObject(input, mapper), version);
	}

	/**
	 * Write an input with the application's mapper, so that its naming and modules apply, and
	 * check that it is a JSON object, as CoreClaw requires.
	 * @param input the input
	 * @param mapper the application's mapper
	 * @return the input as a JSON object
	 * @throws IllegalArgumentException naming {@code input} if it is {@code null}, cannot be
	 * written or is not written as a JSON object
	 */
	public static JsonNode inputObject(@Nullable Object input, ObjectMapper mapper) {
		if (input == null) {
			throw new IllegalArgumentException("input must not be null");
		}
		JsonNode node;
		try {
			node = mapper.valueToTree(input);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("input of type " + input.getClass().getName()
					+ " could not be written as JSON by the application's mapper: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || !node.isObject()) {
			String written = (node != null) ? node.getNodeType().toString().toLowerCase(Locale.ROOT)
					: "null";
			throw new IllegalArgumentException("input must be written as a JSON object (a Map, a record, a bean or a "
					+ "JsonNode object) but the application's mapper wrote " + input.getClass().getName()
					+ " as a JSON " + written);
		}
		return node;
	}

	/**
	 * Body of the task create request ({@code CreateRequest}).
	 *
	 * @param workerId the Worker slug or path
	 * @param title the title
	 * @param input the input, a JSON object
	 * @param description the description
	 * @param version the Worker version
	 * @param schedule the schedule fields
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Create(@JsonProperty("worker_id") String workerId, @JsonProperty("title") String title,
			@JsonProperty("input") JsonNode input, @JsonProperty("description") @Nullable String description,
			@JsonProperty("version") @Nullable String version, @JsonUnwrapped @Nullable ScheduleFields schedule) {

	}

	/**
	 * Body of the task update request ({@code UpdateRequest}).
	 *
	 * @param title the new title
	 * @param description the new description
	 * @param schedule the new schedule fields
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Update(@JsonProperty("title") @Nullable String title,
			@JsonProperty("description") @Nullable String description,
			@JsonUnwrapped @Nullable ScheduleFields schedule) {

	}

	/**
	 * Body of the task input update request ({@code UpdateInputBody}).
	 *
	 * @param input the new input, a JSON object
	 * @param version the Worker version
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record UpdateInput(@JsonProperty("input") JsonNode input,
			@JsonProperty("version") @Nullable String version) {

	}

}
