/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.ResultHeader;
import io.github.coreclaw.spring.client.ResultPage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * A window of result rows, the same shape as the run results endpoint's {@code data}.
 *
 * @param count the total number of rows of the run
 * @param headers the columns
 * @param list the rows of the window
 * @param pageIndex the page index of the window
 * @param pageSize the page size of the window
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultsData(@Nullable Long count, @Nullable List<Header> headers,
		@Nullable List<Map<String, Object>> list, @JsonProperty("page_index") @Nullable Integer pageIndex,
		@JsonProperty("page_size") @Nullable Integer pageSize) {

	/** A window without rows. */
	public static final ResultsData EMPTY = new ResultsData(0L, null, null, null, null);

	/**
	 * Create a window from its fields.
	 * @param count the total number of rows of the run
	 * @param headers the columns
	 * @param list the rows of the window
	 * @param pageIndex the page index of the window
	 * @param pageSize the page size of the window
	 */
	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public ResultsData {
	}

	/**
	 * Accept a bare number where a window is expected, as run detail replies send it.
	 * @param count the number of rows
	 * @return a window with that count and no rows
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ResultsData ofCount(long count) {
		return new ResultsData(count, null, null, null, null);
	}

	public List<Map<String, Object>> rows() {
		if (this.list == null) {
			return List.of();
		}
		List<Map<String, Object>> rows = new ArrayList<>(this.list.size());
		for (Map<String, Object> row : this.list) {
			if (row != null) {
				rows.add(Collections.unmodifiableMap(row));
			}
		}
		return rows;
	}

	public List<ResultHeader> headerList() {
		if (this.headers == null) {
			return List.of();
		}
		List<ResultHeader> result = new ArrayList<>(this.headers.size());
		for (Header header : this.headers) {
			if (header != null && header.key() != null) {
				result.add(new ResultHeader(header.key(), (header.label() != null) ? header.label() : header.key()));
			}
		}
		return result;
	}

	/**
	 * Convert to a page of results.
	 * @param page the page number that was requested
	 * @param pageSize the page size that was requested
	 * @param rowMapper the mapper for typed rows
	 * @return the page
	 */
	public ResultPage toPage(int page, int pageSize, ObjectMapper rowMapper) {
		return ResultPage.builder(page, pageSize)
			.total((this.count != null) ? this.count : ResultPage.UNKNOWN_TOTAL)
			.headers(headerList())
			.rows(rows())
			.rowMapper(rowMapper)
			.build();
	}

	/**
	 * A column of the result rows.
	 *
	 * @param key the key of the column in each row
	 * @param label the display label
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Header(@Nullable String key, @Nullable String label) {

	}

}
