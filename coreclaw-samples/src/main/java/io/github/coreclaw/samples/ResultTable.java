/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.client.ResultHeader;

/**
 * Renders result rows as a plain-text table with one column per result header.
 *
 * @since 0.1.0
 */
public final class ResultTable {

	private ResultTable() {
	}

	/**
	 * Render rows as a table; without headers, the keys of the first row are the columns.
	 * @param headers the result headers
	 * @param rows the result rows
	 * @return the table, one line per row after a header line and a rule
	 */
	public static String render(List<ResultHeader> headers, List<Map<String, Object>> rows) {
		Map<String, String> columns = new LinkedHashMap<>();
		headers.forEach((header) -> columns.put(header.key(), header.label()));
		if (columns.isEmpty() && !rows.isEmpty()) {
			rows.get(0).keySet().forEach((key) -> columns.put(key, key));
		}
		List<String> keys = new ArrayList<>(columns.keySet());
		int[] widths = new int[keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			widths[i] = columns.get(keys.get(i)).length();
			for (Map<String, Object> row : rows) {
				widths[i] = Math.max(widths[i], cell(row, keys.get(i)).length());
			}
		}
		StringBuilder table = new StringBuilder();
		line(table, widths, keys.stream().map(columns::get).toList());
		line(table, widths, keys.stream().map((key) -> "").toList(), '-');
		for (Map<String, Object> row : rows) {
			line(table, widths, keys.stream().map((key) -> cell(row, key)).toList());
		}
		return table.toString();
	}

	private static String cell(Map<String, Object> row, String key) {
		Object value = row.get(key);
		return (value != null) ? value.toString() : "";
	}

	private static void line(StringBuilder table, int[] widths, List<String> cells) {
		line(table, widths, cells, ' ');
	}

	private static void line(StringBuilder table, int[] widths, List<String> cells, char pad) {
		table.append('|');
		for (int i = 0; i < widths.length; i++) {
			table.append(pad).append(cells.get(i));
			table.append(String.valueOf(pad).repeat(widths[i] - cells.get(i).length() + 1)).append('|');
		}
		table.append(System.lineSeparator());
	}

}
