/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.Map;

/**
 * One page of a run's result rows.
 *
 * @param page the page number, from 1
 * @param pageSize the page size that was asked for
 * @param total the total number of result rows of the run, {@value #UNKNOWN_TOTAL} if CoreClaw did not say
 * @param headers the columns of the rows
 * @param rows the rows of this page, each a map from column key to value
 * @since 0.1.0
 */
public record ResultPage(int page, int pageSize, long total, List<ResultHeader> headers,
		List<Map<String, Object>> rows) {

	/** Value of {@link #total()} when CoreClaw sent no {@code count}. */
	public static final long UNKNOWN_TOTAL = -1;

	/**
	 * Create a page, copying its lists.
	 * @param page the page number, from 1
	 * @param pageSize the page size that was asked for
	 * @param total the total number of result rows of the run
	 * @param headers the columns of the rows
	 * @param rows the rows of this page
	 */
	public ResultPage {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
	}

	/**
	 * Whether no page follows this one: it is short or empty, or it reaches the total.
	 * @return whether this is the last page
	 */
	public boolean isLast() {
		return this.rows.isEmpty() || this.rows.size() < this.pageSize
				|| (this.total != UNKNOWN_TOTAL && (long) this.page * this.pageSize >= this.total);
	}

}
