/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulator's WireMock extensions answer with: the API's envelope ({@code code},
 * {@code message}, a new {@code request_id}, then {@code data}) as a JSON response, and the random
 * ids of requests and runs.
 */
final class SimulatedResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private SimulatedResponses() {
	}

	/**
	 * A success: code 0, with the given data if any, as an HTTP 200 JSON response.
	 * @param data what the envelope's {@code data} holds, or {@code null} for no {@code data}
	 * @return the response
	 */
	static ResponseDefinition success(@Nullable JsonNode data) {
		ObjectNode envelope = envelope(0, "success");
		if (data != null) {
			envelope.set("data", data);
		}
		return respond(200, envelope).build();
	}

	/**
	 * An envelope without data, with a new request id.
	 * @param code the API's code
	 * @param message the API's message
	 * @return the envelope, to add to
	 */
	static ObjectNode envelope(long code, String message) {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("code", code);
		envelope.put("message", message);
		envelope.put("request_id", "req-" + random(12));
		return envelope;
	}

	/**
	 * A JSON response, to add headers to before building it.
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @return the builder of the response
	 */
	static ResponseDefinitionBuilder respond(int status, ObjectNode body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(JSON.writeValueAsString(body));
	}

	/**
	 * The path of a request's URL, without its query.
	 * @param url the request's URL
	 * @return its path
	 */
	static String pathOf(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	/**
	 * A new run slug, as the simulator gives them: {@code 01SIM} and 21 random capitals or digits.
	 * @return the slug
	 */
	static String newRunSlug() {
		return "01SIM" + random(21).toUpperCase(Locale.ROOT);
	}

	private static String random(int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
		}
		return value.toString();
	}

}
