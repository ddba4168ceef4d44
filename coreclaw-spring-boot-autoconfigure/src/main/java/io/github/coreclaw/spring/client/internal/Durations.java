/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.Duration;

/**
 * Formats durations for messages the way they are written in configuration ({@code 30s}, {@code 6m}).
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Format a duration in the largest whole unit among days, hours, minutes, seconds and milliseconds.
	 * @param duration the duration
	 * @return the text, for example {@code 500ms} or {@code 6m}
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0 || millis % 1000 != 0) {
			return millis + "ms";
		}
		long seconds = millis / 1000;
		if (seconds % 86400 == 0) {
			return (seconds / 86400) + "d";
		}
		if (seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return seconds + "s";
	}

}
