/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of how {@link WorkerRunOperations#awaitCompletion} polls a run.
 * <p>
 * Settings are checked when they are built: a missing or out-of-range value throws an
 * {@link InvalidSettingException} naming it.
 *
 * @since 0.1.0
 */
public final class CoreClawPollingSettings {

	/** Default of {@link #defaultTimeout()}. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

	private final Duration initialInterval;

	private final Duration maxInterval;

	private final double multiplier;

	private final double jitter;

	private final Duration abortingGrace;

	private final boolean abortOnTimeout;

	private final Duration defaultTimeout;

	private CoreClawPollingSettings(Builder builder) {
		SettingChecks.waits("initialInterval", builder.initialInterval, "maxInterval", builder.maxInterval,
				builder.multiplier, builder.jitter);
		this.initialInterval = Objects.requireNonNull(builder.initialInterval);
		this.maxInterval = Objects.requireNonNull(builder.maxInterval);
		this.multiplier = builder.multiplier;
		this.jitter = builder.jitter;
		this.abortingGrace = SettingChecks.notNegative("abortingGrace", builder.abortingGrace);
		this.abortOnTimeout = builder.abortOnTimeout;
		this.defaultTimeout = SettingChecks.positive("defaultTimeout", builder.defaultTimeout);
	}

	/**
	 * The defaults: 2s growing by 2.0 to 15s with 0.2 jitter, 60s of {@code aborting} grace, no
	 * abort on timeout, waits of 30m when the caller gives no timeout; close to CoreClaw's own
	 * advice of 2, 5, 10 then 15 seconds.
	 * @return the default settings
	 */
	public static CoreClawPollingSettings defaults() {
		return builder().build();
	}

	/**
	 * Start building settings from the {@link #defaults()}.
	 * @return a new builder
	 * @since 0.2.0
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these settings, to derive others.
	 * @return a new builder
	 * @since 0.2.0
	 */
	public Builder toBuilder() {
		return new Builder().initialInterval(this.initialInterval)
			.maxInterval(this.maxInterval)
			.multiplier(this.multiplier)
			.jitter(this.jitter)
			.abortingGrace(this.abortingGrace)
			.abortOnTimeout(this.abortOnTimeout)
			.defaultTimeout(this.defaultTimeout);
	}

	/**
	 * Wait before the second read of the run.
	 * @return the wait
	 */
	public Duration initialInterval() {
		return this.initialInterval;
	}

	/**
	 * Longest wait between two reads.
	 * @return the wait
	 */
	public Duration maxInterval() {
		return this.maxInterval;
	}

	/**
	 * Factor applied to the wait after each read.
	 * @return the factor
	 */
	public double multiplier() {
		return this.multiplier;
	}

	/**
	 * Randomization factor of each wait, from 0 (none) to below 1.
	 * @return the factor
	 */
	public double jitter() {
		return this.jitter;
	}

	/**
	 * How long a run may stay {@code aborting} before the wait ends with that state.
	 * @return the grace
	 */
	public Duration abortingGrace() {
		return this.abortingGrace;
	}

	/**
	 * Whether a run is asked to abort when the caller's timeout expires; the caller gets its
	 * timeout at once, and the abort goes on in the background for at most the response timeout.
	 * @return whether it is
	 */
	public boolean abortOnTimeout() {
		return this.abortOnTimeout;
	}

	/**
	 * How long a wait lasts when the caller gives no timeout.
	 * @return the timeout
	 */
	public Duration defaultTimeout() {
		return this.defaultTimeout;
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
		return toBuilder().initialInterval(initialInterval)
			.maxInterval(maxInterval)
			.multiplier(multiplier)
			.jitter(jitter)
			.build();
	}

	/**
	 * Return a copy with another handling of aborting runs and timeouts.
	 * @param abortingGrace how long a run may stay {@code aborting}
	 * @param abortOnTimeout whether a run is aborted when the caller's timeout expires
	 * @return the new settings
	 */
	public CoreClawPollingSettings withAborting(Duration abortingGrace, boolean abortOnTimeout) {
		return toBuilder().abortingGrace(abortingGrace).abortOnTimeout(abortOnTimeout).build();
	}

	/**
	 * Return a copy with another default timeout.
	 * @param defaultTimeout how long a wait lasts when the caller gives no timeout
	 * @return the new settings
	 */
	public CoreClawPollingSettings withDefaultTimeout(Duration defaultTimeout) {
		return toBuilder().defaultTimeout(defaultTimeout).build();
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

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof CoreClawPollingSettings that)
				&& this.initialInterval.equals(that.initialInterval) && this.maxInterval.equals(that.maxInterval)
				&& Double.compare(this.multiplier, that.multiplier) == 0
				&& Double.compare(this.jitter, that.jitter) == 0 && this.abortingGrace.equals(that.abortingGrace)
				&& this.abortOnTimeout == that.abortOnTimeout && this.defaultTimeout.equals(that.defaultTimeout));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.initialInterval, this.maxInterval, this.multiplier, this.jitter, this.abortingGrace,
				this.abortOnTimeout, this.defaultTimeout);
	}

	@Override
	public String toString() {
		return "CoreClawPollingSettings[initialInterval=" + this.initialInterval + ", maxInterval=" + this.maxInterval
				+ ", multiplier=" + this.multiplier + ", jitter=" + this.jitter + ", abortingGrace="
				+ this.abortingGrace + ", abortOnTimeout=" + this.abortOnTimeout + ", defaultTimeout="
				+ this.defaultTimeout + "]";
	}

	/**
	 * Builder of {@link CoreClawPollingSettings}, starting from the {@link #defaults()};
	 * {@link #build()} checks the values.
	 *
	 * @since 0.2.0
	 */
	public static final class Builder {

		private @Nullable Duration initialInterval = Duration.ofSeconds(2);

		private @Nullable Duration maxInterval = Duration.ofSeconds(15);

		private double multiplier = 2.0;

		private double jitter = 0.2;

		private @Nullable Duration abortingGrace = Duration.ofSeconds(60);

		private boolean abortOnTimeout;

		private @Nullable Duration defaultTimeout = DEFAULT_TIMEOUT;

		private Builder() {
		}

		/**
		 * Set the wait before the second read of the run; 2s by default.
		 * @param initialInterval the wait, at least 1ms
		 * @return this builder
		 */
		public Builder initialInterval(@Nullable Duration initialInterval) {
			this.initialInterval = initialInterval;
			return this;
		}

		/**
		 * Set the longest wait between two reads; 15s by default.
		 * @param maxInterval the wait, at least the initial interval
		 * @return this builder
		 */
		public Builder maxInterval(@Nullable Duration maxInterval) {
			this.maxInterval = maxInterval;
			return this;
		}

		/**
		 * Set the factor applied to the wait after each read; 2.0 by default.
		 * @param multiplier the factor, 1.0 or more
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Set the randomization factor of each wait; 0.2 by default.
		 * @param jitter the factor, from 0 (none) to below 1
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * Set how long a run may stay {@code aborting} before the wait ends with that state; 60s
		 * by default.
		 * @param abortingGrace the grace, 0 or more
		 * @return this builder
		 */
		public Builder abortingGrace(@Nullable Duration abortingGrace) {
			this.abortingGrace = abortingGrace;
			return this;
		}

		/**
		 * Set whether a run is aborted when the caller's timeout expires; {@code false} by default.
		 * @param abortOnTimeout whether it is
		 * @return this builder
		 */
		public Builder abortOnTimeout(boolean abortOnTimeout) {
			this.abortOnTimeout = abortOnTimeout;
			return this;
		}

		/**
		 * Set how long a wait lasts when the caller gives no timeout; {@link #DEFAULT_TIMEOUT} by
		 * default.
		 * @param defaultTimeout the timeout, positive
		 * @return this builder
		 */
		public Builder defaultTimeout(@Nullable Duration defaultTimeout) {
			this.defaultTimeout = defaultTimeout;
			return this;
		}

		/**
		 * Check the values and build the settings.
		 * @return the settings
		 * @throws InvalidSettingException naming the setting that is missing or out of range
		 */
		public CoreClawPollingSettings build() {
			return new CoreClawPollingSettings(this);
		}

	}

}
