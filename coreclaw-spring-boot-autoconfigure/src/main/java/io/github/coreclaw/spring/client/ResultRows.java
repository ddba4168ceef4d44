/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts result rows to an application's row type, for the results that hold rows.
 */
final class ResultRows {

	/** The mapper of results built without one (by tests, or by hand). */
	static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder().build();

	private ResultRows() {
	}

	/**
	 * Convert each row to the given type.
	 * @param <T> the row type
	 * @param mapper the mapper to convert with
	 * @param rows the rows, each a map from column key to value
	 * @param rowType the row type
	 * @param source what the rows are the results of, for the message of a failure, for example
	 * {@code run 01KK...}
	 * @return the converted rows, unmodifiable
	 * @throws IllegalArgumentException if the row type is {@code null}
	 * @throws CoreClawException naming the row, the source and the type if a row cannot be converted
	 */
	static <T> List<T> convert(ObjectMapper mapper, List<Map<String, Object>> rows, Class<T> rowType,
			String source) {
		if (rowType == null) {
			throw new IllegalArgumentException("rowType must not be null");
		}
		List<T> result = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			try {
				result.add(mapper.convertValue(rows.get(i), rowType));
			}
			catch (JacksonException ex) {
				throw new CoreClawException("Could not convert result row " + i + " of " + source + " to "
						+ rowType.getName() + ": " + ex.getOriginalMessage(), ex);
			}
		}
		return List.copyOf(result);
	}

}
