/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Whether a finished run really produced data, as {@link WorkerRunOperations#verify} judges it.
 * <p>
 * CoreClaw counts a run that only met CAPTCHA or 403 pages as {@code succeeded}, its rows being
 * error rows. Following the judgment of CoreClaw's own MCP server ({@code verify_run}), a row is an
 * <em>error row</em> when none of its fields with a value carries data: every field that is not
 * empty ({@code null}, a blank string, an empty list or object) is one of the diagnostic fields
 * {@value #DIAGNOSTIC_FIELDS_TEXT}, or the only such other field is {@code url}. The verdict
 * reads the first page of the run's results (at most {@value #SAMPLED_ROWS} rows): the run gets
 * {@link #ERROR_ROWS} when every row read is an error row, {@link #PASS} when at least one is not.
 *
 * @since 0.1.0
 */
public enum RunVerdict {

	/** The run succeeded and has rows, not all of them error rows. */
	PASS,

	/** The run succeeded with no rows. */
	NO_DATA,

	/** The run succeeded, but every row read is an error row (a CAPTCHA or 403 page, say). */
	ERROR_ROWS,

	/** The run ended {@code failed} or {@code aborted}. */
	FAILED;

	/** How many rows of a run's first page the verdict reads. */
	public static final int SAMPLED_ROWS = 10;

	static final String DIAGNOSTIC_FIELDS_TEXT = "__coreclaw_data_id__, error, error_code, err, err_code, status, "
			+ "status_code, message, msg, input and input_url";

	/** Fields that carry diagnostics, never data. */
	private static final Set<String> DIAGNOSTIC_FIELDS = Set.of("__coreclaw_data_id__", "error", "error_code", "err",
			"err_code", "status", "status_code", "message", "msg", "input", "input_url");

	/** Fields that look like data but do not count as data on their own. */
	private static final Set<String> WEAK_FIELDS = Set.of("url");

	/**
	 * Whether a result row is an error row: none of its fields with a value carries data (see the
	 * class description).
	 * @param row the row
	 * @return whether the row is an error row; {@code true} for {@code null} or an empty row
	 */
	public static boolean isErrorRow(@Nullable Map<String, ?> row) {
		if (row == null) {
			return true;
		}
		for (Map.Entry<String, ?> field : row.entrySet()) {
			if (!DIAGNOSTIC_FIELDS.contains(field.getKey()) && !WEAK_FIELDS.contains(field.getKey())
					&& !isEmpty(field.getValue())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The verdict on a succeeded run given the rows read from its first page.
	 * @param rows the rows read
	 * @return {@link #NO_DATA}, {@link #ERROR_ROWS} or {@link #PASS}
	 */
	static RunVerdict ofRows(Collection<? extends Map<String, ?>> rows) {
		if (rows.isEmpty()) {
			return NO_DATA;
		}
		for (Map<String, ?> row : rows) {
			if (!isErrorRow(row)) {
				return PASS;
			}
		}
		return ERROR_ROWS;
	}

	private static boolean isEmpty(@Nullable Object value) {
		if (value == null) {
			return true;
		}
		if (value instanceof CharSequence text) {
			return text.toString().isBlank();
		}
		if (value instanceof Collection<?> collection) {
			return collection.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return map.isEmpty();
		}
		return false;
	}

}
