/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

/**
 * Immutable settings of how {@link WorkerRunOperations#awaitCompletion} polls a run.
 *
 * @param initialInterval wait before the second read of the run
 * @param maxInterval longest wait between two reads
 * @param multiplier factor applied to the wait after each read
 * @param jitter randomization factor of each wait, from 0 (none) to below 1
 * @param abortingGrace how long a run may stay {@code aborting} before the wait ends with that state
 * @param abortOnTimeout whether a run is asked to abort when the caller's timeout expires; the
 * caller gets its timeout at once, and the abort goes on in the background for at most the
 * response timeout
 * @param defaultTimeout how long a wait lasts when the caller gives no timeout
 * @since 0.1.0
 */
public record CoreClawPollingSettings(Duration initialInterval, Duration maxInterval, double multiplier,
		double jitter, Duration abortingGrace, boolean abortOnTimeout, Duration defaultTimeout) {

	/** Default of {@link #defaultTimeout()}. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

	/**
	 * Check the settings.
	 * @throws InvalidSettingException naming the setting that is missing or out of range
	 */
	public CoreClawPollingSettings {
		SettingChecks.waits("initialInterval", initialInterval, "maxInterval", maxInterval, multiplier, jitter);
		SettingChecks.notNegative("abortingGrace", abortingGrace);
		SettingChecks.positive("defaultTimeout", defaultTimeout);
	}

	/**
	 * The defaults: 2s growing by 2.0 to 15s with 0.2 jitter, 60s of {@code aborting} grace, no
	 * abort on timeout, waits of 30m when the caller gives no timeout; close to CoreClaw's own
	 * advice of 2, 5, 10 then 15 seconds.
	 * @return the default settings
	 */
	public static CoreClawPollingSettings defaults() {
		return new CoreClawPollingSettings(Duration.ofSeconds(2), Duration.ofSeconds(15), 2.0, 0.2,
				Duration.ofSeconds(60), false, DEFAULT_TIMEOUT);
	}

	/**
	 * Return a copy with other intervals.
	 * @param initialInterval wait before the second read of the run
	 * @param maxInterval longest wait between two reads
	 * @param multiplier factor applied to the wait after each read
	 * @param jitter randomization factor of each wait
	 * @return the new settings
	 */
	public CoreClawPollingSettings withIntervals(Duration initialInterval, Duration maxInterval, double multiplier,
			double jitter) {
		return new CoreClawPollingSettings(initialInterval, maxInterval, multiplier, jitter, this.abortingGrace,
				this.abortOnTimeout, this.defaultTimeout);
	}

	/**
	 * Return a copy with another handling of aborting runs and timeouts.
	 * @param abortingGrace how long a run may stay {@code aborting}
	 * @param abortOnTimeout whether a run is aborted when the caller's timeout expires
	 * @return the new settings
	 */
	public CoreClawPollingSettings withAborting(Duration abortingGrace, boolean abortOnTimeout) {
		return new CoreClawPollingSettings(this.initialInterval, this.maxInterval, this.multiplier, this.jitter,
				abortingGrace, abortOnTimeout, this.defaultTimeout);
	}

	/**
	 * Return a copy with another default timeout.
	 * @param defaultTimeout how long a wait lasts when the caller gives no timeout
	 * @return the new settings
	 */
	public CoreClawPollingSettings withDefaultTimeout(Duration defaultTimeout) {
		return new CoreClawPollingSettings(this.initialInterval, this.maxInterval, this.multiplier, this.jitter,
				this.abortingGrace, this.abortOnTimeout, defaultTimeout);
	}

	/**
	 * The wait after the given read, without jitter.
	 * @param read the number of reads made so far, from 1
	 * @return the wait
	 */
	Duration intervalAfter(int read) {
		double millis = this.initialInterval.toMillis() * Math.pow(this.multiplier, Math.max(0, read - 1));
		return Duration.ofMillis((long) Math.min(millis, this.maxInterval.toMillis()));
	}

}
