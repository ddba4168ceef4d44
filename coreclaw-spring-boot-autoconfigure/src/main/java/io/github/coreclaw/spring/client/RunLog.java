/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The log of a worker run.
 *
 * @param allLogsUrl where the whole log can be downloaded (possibly temporary), {@code null} if not given
 * @param entries the log entries CoreClaw returned
 * @param resultCount the run's number of result rows
 * @since 0.1.0
 */
public record RunLog(@Nullable URI allLogsUrl, List<Entry> entries, long resultCount) {

	/**
	 * Create a log, copying its entries.
	 * @param allLogsUrl where the whole log can be downloaded
	 * @param entries the log entries
	 * @param resultCount the run's number of result rows
	 */
	public RunLog {
		entries = List.copyOf(entries);
	}

	/**
	 * One log entry; older API versions send only its text.
	 *
	 * @param type the level (1 debug, 2 info, 3 warn, 4 error), {@code null} if not given
	 * @param group the group, {@code null} if not given
	 * @param content the text
	 * @param timestamp when it was logged, {@code null} if not given
	 */
	public record Entry(@Nullable Integer type, @Nullable String group, String content, @Nullable Instant timestamp) {

	}

}
