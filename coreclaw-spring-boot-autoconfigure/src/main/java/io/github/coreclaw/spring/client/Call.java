/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriBuilder;

/**
 * One call of an {@link Endpoint}: the values of its path variables, its query and its body.
 *
 * @param <D> the type of the reply's {@code data}
 * @param <R> the type of the result
 * @param endpoint the operation
 * @param variables the values of the path variables, already checked
 * @param query the query parameters, unencoded, in the order they are sent
 * @param body the JSON body, {@code null} for none
 */
record Call<D, R>(Endpoint<D, R> endpoint, Map<String, String> variables, Map<String, String> query,
		@Nullable Object body) {

	/**
	 * A call without query or body.
	 * @param <D> the type of the reply's {@code data}
	 * @param <R> the type of the result
	 * @param endpoint the operation
	 * @param variables the path variables
	 * @return the call
	 */
	static <D, R> Call<D, R> of(Endpoint<D, R> endpoint, Map<String, String> variables) {
		return new Call<>(endpoint, variables, Map.of(), null);
	}

	/**
	 * The value of a path variable.
	 * @param name the variable
	 * @return its value, {@code null} if the path has no such variable
	 */
	@Nullable String variable(String name) {
		return this.variables.get(name);
	}

	/**
	 * The path with its variables and query, for messages and logs.
	 * @return the path, for example {@code /api/v2/worker-runs/r1/result?offset=1&limit=100}
	 */
	String path() {
		String path = this.endpoint.pathTemplate();
		for (Map.Entry<String, String> variable : this.variables.entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		if (this.query.isEmpty()) {
			return path;
		}
		StringBuilder result = new StringBuilder(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : this.query.entrySet()) {
			result.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
			separator = '&';
		}
		return result.toString();
	}

	/**
	 * The method and path, naming the request in messages.
	 * @return for example {@code GET /api/v2/worker-runs/r1}
	 */
	String operation() {
		return this.endpoint.method() + " " + path();
	}

	/**
	 * Complete a builder that holds the path template (which also names the request in Boot's
	 * {@code http.client.requests} metrics) with the query and the variables, encoding both.
	 * @param builder the builder
	 * @return the URI
	 */
	URI uri(UriBuilder builder) {
		if (this.query.isEmpty()) {
			return builder.build(this.variables);
		}
		Map<String, Object> values = new HashMap<>(this.variables);
		for (Map.Entry<String, String> parameter : this.query.entrySet()) {
			builder.queryParam(parameter.getKey(), "{q-" + parameter.getKey() + "}");
			values.put("q-" + parameter.getKey(), parameter.getValue());
		}
		return builder.build(values);
	}

}
