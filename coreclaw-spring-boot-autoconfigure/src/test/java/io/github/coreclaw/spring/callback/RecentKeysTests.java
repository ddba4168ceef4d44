/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link RecentKeys}: what it remembers, for how long, and what it keeps in memory.
 */
@ExtendWith(OutputOnFailure.class)
class RecentKeysTests {

	private final AtomicLong nanoTime = new AtomicLong(-Duration.ofDays(1).toNanos());

	private final RecentKeys keys = new RecentKeys(Duration.ofMinutes(10), 3, this.nanoTime::get);

	@Test
	void aKeyIsRememberedForItsWindowOnlyAndThenLeavesMemory() {
		assertThat(this.keys.claim("a")).isNotNull();
		this.nanoTime.addAndGet(Duration.ofMinutes(1).toNanos());
		assertThat(this.keys.claim("b")).isNotNull();
		this.nanoTime.addAndGet(Duration.ofMinutes(9).toNanos() - 1);
		assertThat(this.keys.claim("a")).isNull();
		assertThat(this.keys.size()).isEqualTo(2);
		this.nanoTime.incrementAndGet();
		assertThat(this.keys.size()).isEqualTo(1);
		assertThat(this.keys.claim("a")).isNotNull();
		assertThat(this.keys.claim("b")).isNull();
		this.nanoTime.addAndGet(Duration.ofMinutes(10).toNanos());
		assertThat(this.keys.size()).isZero();
	}

	@Test
	void theBoundForgetsTheOldestKeyAndNoOther() {
		this.keys.claim("a");
		this.keys.claim("b");
		this.keys.claim("c");
		assertThat(this.keys.claim("d")).isNotNull();
		assertThat(this.keys.size()).isEqualTo(3);
		assertThat(this.keys.claim("b")).isNull();
		assertThat(this.keys.claim("c")).isNull();
		assertThat(this.keys.claim("d")).isNull();
		assertThat(this.keys.claim("a")).isNotNull();
	}

	@Test
	void aReleasedKeyCanBeClaimedAgainButAnOldReleaseLeavesANewClaim() {
		Long first = this.keys.claim("a");
		assertThat(first).isNotNull();
		this.keys.release("a", first);
		assertThat(this.keys.size()).isZero();
		this.nanoTime.incrementAndGet();
		Long second = this.keys.claim("a");
		assertThat(second).isNotNull();
		this.keys.release("a", first);
		assertThat(this.keys.claim("a")).isNull();
	}

}
