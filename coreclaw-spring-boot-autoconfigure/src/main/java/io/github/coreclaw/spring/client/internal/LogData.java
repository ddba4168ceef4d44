/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.RunLog;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the run log reply; log items are objects or plain strings depending on the
 * API version.
 *
 * @param allLogsUrl where the whole log can be downloaded
 * @param list the log items
 * @param resultCount the run's number of result rows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogData(@JsonProperty("all_logs_url") @Nullable String allLogsUrl, @Nullable List<Object> list,
		@JsonProperty("result_count") @Nullable Long resultCount) {

	/**
	 * Convert to the public type.
	 * @return the log
	 */
	public RunLog toRunLog() {
		List<RunLog.Entry> entries = new ArrayList<>();
		if (this.list != null) {
			for (Object item : this.list) {
				if (item instanceof Map<?, ?> map) {
					entries.add(new RunLog.Entry(integer(map.get("type")), text(map.get("group")),
							String.valueOf(map.get("content") != null ? map.get("content") : ""), timestamp(map.get("timestamp"))));
				}
				else if (item != null) {
					entries.add(new RunLog.Entry(null, null, item.toString(), null));
				}
			}
		}
		return new RunLog(uri(this.allLogsUrl), entries, (this.resultCount != null) ? this.resultCount : 0);
	}

	private static @Nullable Integer integer(@Nullable Object value) {
		return (value instanceof Number number) ? number.intValue() : null;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	/** Timestamps of log items are Unix milliseconds; seconds are accepted too. */
	private static @Nullable Instant timestamp(@Nullable Object value) {
		if (!(value instanceof Number number) || number.longValue() <= 0) {
			return null;
		}
		long time = number.longValue();
		return (time < 100_000_000_000L) ? Instant.ofEpochSecond(time) : Instant.ofEpochMilli(time);
	}

	static @Nullable URI uri(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return URI.create(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
