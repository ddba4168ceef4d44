/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link RetryAfter}.
 */
class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

	@Test
	void deltaSeconds() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void httpDateInTheFutureAndInThePast() {
		assertThat(RetryAfter.parse("Sun, 29 Nov 2026 18:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse("Sun, 29 Nov 2026 17:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void absentOrMalformedValuesGiveNull() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isNull();
	}

}
