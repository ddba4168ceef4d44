/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.ResultHeader;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code data} of a synchronous run reply; every field may be missing.
 *
 * @param runSlug the run's slug
 * @param runStatus the run's status
 * @param errorMessage the error message
 * @param startTimestamp the start time in Unix seconds, 0 when not set
 * @param endTimestamp the end time in Unix seconds, 0 when not set
 * @param runningDuration the running time in seconds
 * @param resultMessage the result summary
 * @param results the window of results
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRunData(@JsonProperty("run_slug") @Nullable String runSlug,
		@JsonProperty("run_status") @Nullable String runStatus,
		@JsonProperty("error_message") @Nullable String errorMessage,
		@JsonProperty("execution_start_timestamp") @Nullable Long startTimestamp,
		@JsonProperty("execution_end_timestamp") @Nullable Long endTimestamp,
		@JsonProperty("running_duration") @Nullable Long runningDuration,
		@JsonProperty("result_message") @Nullable String resultMessage, @Nullable Results results) {

	/**
	 * Convert to the public result type.
	 * @param rowMapper the mapper for typed rows
	 * @return the result, or {@code null} if the reply named no run
	 */
	public @Nullable SyncRunResult toResult(ObjectMapper rowMapper) {
		if (this.runSlug == null || this.runSlug.isBlank()) {
			return null;
		}
		Results window = (this.results != null) ? this.results : Results.EMPTY;
		return new SyncRunResult(new RunSlug(this.runSlug), RunStatus.from(this.runStatus), emptyToNull(this.errorMessage),
				emptyToNull(this.resultMessage), instant(this.startTimestamp), instant(this.endTimestamp),
				(this.runningDuration != null && this.runningDuration >= 0) ? Duration.ofSeconds(this.runningDuration)
						: null,
				(window.count() != null) ? window.count() : window.rows().size(), window.headerList(), window.rows(),
				rowMapper);
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static @Nullable Instant instant(@Nullable Long epochSeconds) {
		return (epochSeconds != null && epochSeconds > 0) ? Instant.ofEpochSecond(epochSeconds) : null;
	}

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
	public record Results(@Nullable Long count, @Nullable List<Header> headers,
			@Nullable List<Map<String, Object>> list, @JsonProperty("page_index") @Nullable Integer pageIndex,
			@JsonProperty("page_size") @Nullable Integer pageSize) {

		static final Results EMPTY = new Results(0L, null, null, null, null);

		/**
		 * Create a window from its fields.
		 * @param count the total number of rows of the run
		 * @param headers the columns
		 * @param list the rows of the window
		 * @param pageIndex the page index of the window
		 * @param pageSize the page size of the window
		 */
		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		public Results {
		}

		/**
		 * Accept a bare number where a window is expected, as run detail replies send it.
		 * @param count the number of rows
		 * @return a window with that count and no rows
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		public static Results ofCount(long count) {
			return new Results(count, null, null, null, null);
		}

		List<Map<String, Object>> rows() {
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

		List<ResultHeader> headerList() {
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
