/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionProvider;

/**
 * Immutable settings of the CoreClaw client's own connection pool: a dedicated, named Reactor
 * Netty {@link ConnectionProvider}, so that fanning out many runs neither starves nor is starved
 * by the application's other HTTP clients.
 * <p>
 * Requests beyond {@code maxConnections} wait in an unbounded queue (or one of
 * {@code maxPendingAcquires}) for at most {@code pendingAcquireTimeout}; a request that waited
 * longer was never sent and fails with a {@link CoreClawConnectionException} saying so.
 * <p>
 * The pool exists only on the client's Reactor Netty connector: a client given another
 * connector has none. Settings are checked when they are built: a missing or out-of-range value
 * throws an {@link InvalidSettingException} naming it.
 *
 * @since 0.1.0
 */
public final class CoreClawPoolSettings {

	/**
	 * Prefix of the names of the connection pools, as they show in Reactor Netty's metrics and
	 * logs: each pool gets a name of its own, {@code coreclaw-1}, {@code coreclaw-2} and so on in
	 * the order they are created, so that the pools of two clients never share a name.
	 */
	public static final String POOL_NAME = "coreclaw";

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final int maxConnections;

	private final int maxPendingAcquires;

	private final Duration pendingAcquireTimeout;

	private final Duration maxIdleTime;

	private final Duration maxLifeTime;

	private final Duration evictInBackground;

	private CoreClawPoolSettings(Builder builder) {
		this.maxConnections = SettingChecks.atLeast("maxConnections", builder.maxConnections, 1);
		if (builder.maxPendingAcquires < -1 || builder.maxPendingAcquires == 0) {
			throw new InvalidSettingException("maxPendingAcquires", "-1 (no limit) or at least 1",
					"was " + builder.maxPendingAcquires);
		}
		this.maxPendingAcquires = builder.maxPendingAcquires;
		this.pendingAcquireTimeout = SettingChecks.positive("pendingAcquireTimeout", builder.pendingAcquireTimeout);
		this.maxIdleTime = SettingChecks.positive("maxIdleTime", builder.maxIdleTime);
		this.maxLifeTime = SettingChecks.positive("maxLifeTime", builder.maxLifeTime);
		this.evictInBackground = SettingChecks.notNegative("evictInBackground", builder.evictInBackground);
	}

	/**
	 * The defaults: 100 connections, an unbounded queue in which a request waits at most 10s
	 * (less than the 30s response timeout, so a long wait is reported as such), connections
	 * closed after 20s unused or 5m of use, checked every 30s.
	 * @return the default settings
	 */
	public static CoreClawPoolSettings defaults() {
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
		return new Builder().maxConnections(this.maxConnections)
			.maxPendingAcquires(this.maxPendingAcquires)
			.pendingAcquireTimeout(this.pendingAcquireTimeout)
			.maxIdleTime(this.maxIdleTime)
			.maxLifeTime(this.maxLifeTime)
			.evictInBackground(this.evictInBackground);
	}

	/**
	 * Connections to CoreClaw open at once.
	 * @return the number of connections
	 */
	public int maxConnections() {
		return this.maxConnections;
	}

	/**
	 * Requests that may wait for a connection, -1 for no limit.
	 * @return the number of requests
	 */
	public int maxPendingAcquires() {
		return this.maxPendingAcquires;
	}

	/**
	 * How long a request may wait for a connection.
	 * @return the wait
	 */
	public Duration pendingAcquireTimeout() {
		return this.pendingAcquireTimeout;
	}

	/**
	 * How long a connection may stay unused before it is closed.
	 * @return the idle time
	 */
	public Duration maxIdleTime() {
		return this.maxIdleTime;
	}

	/**
	 * How long a connection may be used before it is closed.
	 * @return the life time
	 */
	public Duration maxLifeTime() {
		return this.maxLifeTime;
	}

	/**
	 * How often idle and expired connections are closed, {@link Duration#ZERO} for never.
	 * @return the interval
	 */
	public Duration evictInBackground() {
		return this.evictInBackground;
	}

	/**
	 * Return a copy with other limits.
	 * @param maxConnections connections to CoreClaw open at once
	 * @param maxPendingAcquires requests that may wait for a connection, -1 for no limit
	 * @param pendingAcquireTimeout how long a request may wait for a connection
	 * @return the new settings
	 */
	public CoreClawPoolSettings withLimits(int maxConnections, int maxPendingAcquires, Duration pendingAcquireTimeout) {
		return toBuilder().maxConnections(maxConnections)
			.maxPendingAcquires(maxPendingAcquires)
			.pendingAcquireTimeout(pendingAcquireTimeout)
			.build();
	}

	/**
	 * Create the connection pool these settings describe, under a name no other pool created
	 * here has; its owner disposes it.
	 * @return a new connection provider named {@value #POOL_NAME}{@code -<n>}
	 */
	public ConnectionProvider createConnectionProvider() {
		ConnectionProvider.Builder builder = ConnectionProvider.builder(POOL_NAME + "-" + POOLS.incrementAndGet())
			.maxConnections(this.maxConnections)
			.pendingAcquireMaxCount(this.maxPendingAcquires)
			.pendingAcquireTimeout(this.pendingAcquireTimeout)
			.maxIdleTime(this.maxIdleTime)
			.maxLifeTime(this.maxLifeTime);
		if (!this.evictInBackground.isZero()) {
			builder.evictInBackground(this.evictInBackground);
		}
		return builder.build();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof CoreClawPoolSettings that)
				&& this.maxConnections == that.maxConnections && this.maxPendingAcquires == that.maxPendingAcquires
				&& this.pendingAcquireTimeout.equals(that.pendingAcquireTimeout)
				&& this.maxIdleTime.equals(that.maxIdleTime) && this.maxLifeTime.equals(that.maxLifeTime)
				&& this.evictInBackground.equals(that.evictInBackground));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.maxConnections, this.maxPendingAcquires, this.pendingAcquireTimeout,
				this.maxIdleTime, this.maxLifeTime, this.evictInBackground);
	}

	@Override
	public String toString() {
		return "CoreClawPoolSettings[maxConnections=" + this.maxConnections + ", maxPendingAcquires="
				+ this.maxPendingAcquires + ", pendingAcquireTimeout=" + this.pendingAcquireTimeout + ", maxIdleTime="
				+ this.maxIdleTime + ", maxLifeTime=" + this.maxLifeTime + ", evictInBackground="
				+ this.evictInBackground + "]";
	}

	/**
	 * Builder of {@link CoreClawPoolSettings}, starting from the {@link #defaults()};
	 * {@link #build()} checks the values.
	 *
	 * @since 0.2.0
	 */
	public static final class Builder {

		private int maxConnections = 100;

		private int maxPendingAcquires = -1;

		private @Nullable Duration pendingAcquireTimeout = Duration.ofSeconds(10);

		private @Nullable Duration maxIdleTime = Duration.ofSeconds(20);

		private @Nullable Duration maxLifeTime = Duration.ofMinutes(5);

		private @Nullable Duration evictInBackground = Duration.ofSeconds(30);

		private Builder() {
		}

		/**
		 * Set the connections to CoreClaw open at once; 100 by default.
		 * @param maxConnections the number of connections, at least 1
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Set the requests that may wait for a connection; -1 (no limit) by default.
		 * @param maxPendingAcquires the number of requests, -1 or at least 1
		 * @return this builder
		 */
		public Builder maxPendingAcquires(int maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
			return this;
		}

		/**
		 * Set how long a request may wait for a connection; 10s by default.
		 * @param pendingAcquireTimeout the wait, positive
		 * @return this builder
		 */
		public Builder pendingAcquireTimeout(@Nullable Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
			return this;
		}

		/**
		 * Set how long a connection may stay unused before it is closed; 20s by default.
		 * @param maxIdleTime the idle time, positive
		 * @return this builder
		 */
		public Builder maxIdleTime(@Nullable Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
			return this;
		}

		/**
		 * Set how long a connection may be used before it is closed; 5m by default.
		 * @param maxLifeTime the life time, positive
		 * @return this builder
		 */
		public Builder maxLifeTime(@Nullable Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
			return this;
		}

		/**
		 * Set how often idle and expired connections are closed; 30s by default.
		 * @param evictInBackground the interval, {@link Duration#ZERO} for never
		 * @return this builder
		 */
		public Builder evictInBackground(@Nullable Duration evictInBackground) {
			this.evictInBackground = evictInBackground;
			return this;
		}

		/**
		 * Check the values and build the settings.
		 * @return the settings
		 * @throws InvalidSettingException naming the setting that is missing or out of range
		 */
		public CoreClawPoolSettings build() {
			return new CoreClawPoolSettings(this);
		}

	}

}
