/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code coreclaw} health indicator.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(CoreClawHealthProperties.PREFIX)
public class CoreClawHealthProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "coreclaw.health";

	/**
	 * How long a health result (up or down) is reused before CoreClaw is asked again; 0 to ask on every check.
	 */
	private Duration cacheTtl = Duration.ofSeconds(30);

	/**
	 * Longest wait for CoreClaw's answer, retries included, before the indicator reports down.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException(PREFIX + ".cache-ttl must be 0 or more (for example 30s) but was "
					+ cacheTtl);
		}
		this.cacheTtl = cacheTtl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(PREFIX + ".timeout must be positive (for example 10s) but was "
					+ timeout);
		}
		this.timeout = timeout;
	}

}
