/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * File formats a run's results can be exported to.
 *
 * @since 0.1.0
 */
public enum ExportFormat {

	/** Comma-separated values. */
	CSV,

	/** A JSON array. */
	JSON,

	/** One JSON object per line. */
	JSONL,

	/** An Excel workbook. */
	XLSX,

	/** A legacy Excel workbook. */
	XLS,

	/** XML. */
	XML,

	/** An HTML table. */
	HTML,

	/** An RSS feed. */
	RSS;

	/**
	 * The format's name as CoreClaw expects it in the {@code format} parameter.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Find a format by name, ignoring case.
	 * @param name the name, for example {@code csv}
	 * @return the format
	 * @throws IllegalArgumentException naming the known formats if there is no such format
	 */
	public static ExportFormat from(String name) {
		for (ExportFormat format : values()) {
			if (format.name().equalsIgnoreCase((name != null) ? name.trim() : "")) {
				return format;
			}
		}
		throw new IllegalArgumentException("format must be one of "
				+ Arrays.stream(values()).map(ExportFormat::value).collect(Collectors.joining(", ")) + " but was \""
				+ name + "\"");
	}

}
