/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How one simulated run behaves: how long it runs, the status it ends in, and how many result
 * rows it produces, of which how many are error rows (rows such as a CAPTCHA or 403 page, carrying
 * only diagnostic fields: {@code error}, {@code status_code}, {@code input_url}).
 * <p>
 * A run given a {@code SimulatedRun} answers {@code running} until its duration has passed on
 * Reactor's {@code Schedulers.parallel()} clock (a virtual clock under
 * {@code StepVerifier.withVirtualTime}), then its final status.
 *
 * @param duration how long the run is {@code running}
 * @param finalStatus the status it ends in: {@code succeeded} or {@code failed}
 * @param rows the rows with data it produces
 * @param errorRows the error rows it produces after them
 * @since 0.1.0
 */
public record SimulatedRun(Duration duration, String finalStatus, int rows, int errorRows) {

	private static final Set<String> FINAL_STATUSES = Set.of("succeeded", "failed");

	/**
	 * Check the values.
	 * @param duration how long the run is {@code running}
	 * @param finalStatus the status it ends in: {@code succeeded} or {@code failed}
	 * @param rows the rows with data it produces
	 * @param errorRows the error rows it produces after them
	 */
	public SimulatedRun {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be null or negative, was " + duration);
		}
		if (finalStatus == null || !FINAL_STATUSES.contains(finalStatus.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("finalStatus must be succeeded or failed, was " + finalStatus);
		}
		finalStatus = finalStatus.toLowerCase(Locale.ROOT);
		if (rows < 0) {
			throw new IllegalArgumentException("rows must not be negative, was " + rows);
		}
		if (errorRows < 0) {
			throw new IllegalArgumentException("errorRows must not be negative, was " + errorRows);
		}
	}

	/**
	 * A run that succeeds after the given time with the five rows of the simulator's other runs.
	 * @param duration how long the run is {@code running}
	 * @return the run
	 */
	public static SimulatedRun succeedingAfter(Duration duration) {
		return new SimulatedRun(duration, "succeeded", 5, 0);
	}

	/**
	 * A run that fails after the given time, with no rows.
	 * @param duration how long the run is {@code running}
	 * @return the run
	 */
	public static SimulatedRun failingAfter(Duration duration) {
		return new SimulatedRun(duration, "failed", 0, 0);
	}

	/**
	 * This run with other row counts.
	 * @param rows the rows with data
	 * @param errorRows the error rows after them
	 * @return a new run
	 */
	public SimulatedRun withRows(int rows, int errorRows) {
		return new SimulatedRun(this.duration, this.finalStatus, rows, errorRows);
	}

}
