/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import reactor.netty.resources.ConnectionProvider;

/**
 * Immutable settings of the CoreClaw client's own connection pool: a dedicated, named Reactor
 * Netty {@link ConnectionProvider}, so that fanning out many runs neither starves nor is starved
 * by the application's other HTTP clients.
 * <p>
 * Requests beyond {@code maxConnections} wait in an unbounded queue (or one of
 * {@code maxPendingAcquires}) for at most {@code pendingAcquireTimeout}; a request that waited
 * longer was never sent and fails with a {@link CoreClawConnectionException} saying so.
 *
 * @param maxConnections connections to CoreClaw open at once
 * @param maxPendingAcquires requests that may wait for a connection, -1 for no limit
 * @param pendingAcquireTimeout how long a request may wait for a connection
 * @param maxIdleTime how long a connection may stay unused before it is closed
 * @param maxLifeTime how long a connection may be used before it is closed
 * @param evictInBackground how often idle and expired connections are closed, {@link Duration#ZERO} for never
 * @since 0.1.0
 */
public record CoreClawPoolSettings(int maxConnections, int maxPendingAcquires, Duration pendingAcquireTimeout,
		Duration maxIdleTime, Duration maxLifeTime, Duration evictInBackground) {

	/** Name of the connection pool, as it shows in Reactor Netty's metrics and logs. */
	public static final String POOL_NAME = "coreclaw";

	/**
	 * Check the settings.
	 * @throws InvalidSettingException naming the setting that is missing or out of range
	 */
	public CoreClawPoolSettings {
		SettingChecks.atLeast("maxConnections", maxConnections, 1);
		if (maxPendingAcquires < -1 || maxPendingAcquires == 0) {
			throw new InvalidSettingException("maxPendingAcquires", "-1 (no limit) or at least 1",
					"was " + maxPendingAcquires);
		}
		SettingChecks.positive("pendingAcquireTimeout", pendingAcquireTimeout);
		SettingChecks.positive("maxIdleTime", maxIdleTime);
		SettingChecks.positive("maxLifeTime", maxLifeTime);
		SettingChecks.notNegative("evictInBackground", evictInBackground);
	}

	/**
	 * The defaults: 100 connections, an unbounded queue in which a request waits at most 10s
	 * (less than the 30s response timeout, so a long wait is reported as such), connections
	 * closed after 20s unused or 5m of use, checked every 30s.
	 * @return the default settings
	 */
	public static CoreClawPoolSettings defaults() {
		return new CoreClawPoolSettings(100, -1, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMinutes(5),
				Duration.ofSeconds(30));
	}

	/**
	 * Return a copy with other limits.
	 * @param maxConnections connections to CoreClaw open at once
	 * @param maxPendingAcquires requests that may wait for a connection, -1 for no limit
	 * @param pendingAcquireTimeout how long a request may wait for a connection
	 * @return the new settings
	 */
	public CoreClawPoolSettings withLimits(int maxConnections, int maxPendingAcquires, Duration pendingAcquireTimeout) {
		return new CoreClawPoolSettings(maxConnections, maxPendingAcquires, pendingAcquireTimeout, this.maxIdleTime,
				this.maxLifeTime, this.evictInBackground);
	}

	/**
	 * Create the connection pool these settings describe; its owner disposes it.
	 * @return a new connection provider named {@value #POOL_NAME}
	 */
	public ConnectionProvider createConnectionProvider() {
		ConnectionProvider.Builder builder = ConnectionProvider.builder(POOL_NAME)
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

}
