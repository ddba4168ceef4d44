/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlines of calls swept together, under virtual time: an unsettled deadline runs its
 * action once and at most one sweep late, a settled one never and is dropped at the next sweep,
 * a moved one runs when it passes, one that throws stops no other, and sweeping stops when
 * nothing is left.
 */
class DeadlinesTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	/** Timeouts of 160 ms: a sweep every 10 ms. */
	private final Deadlines deadlines = new Deadlines(Duration.ofMillis(160), this.time,
			() -> this.time.now(TimeUnit.NANOSECONDS));

	private final List<String> passed = new CopyOnWriteArrayList<>();

	@Test
	void anUnsettledDeadlineRunsItsActionOnceAtMostOneSweepLate() {
		this.deadlines.register(at(160), () -> this.passed.add("late"));
		this.time.advanceTimeBy(Duration.ofMillis(159));
		assertThat(this.passed).isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(10));
		assertThat(this.passed).containsExactly("late");
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(this.passed).containsExactly("late");
		assertThat(this.deadlines.size()).isZero();
	}

	@Test
	void aSettledDeadlineNeverRunsAndIsDroppedAtTheNextSweep() {
		for (int i = 0; i < 1_000; i++) {
			this.deadlines.register(at(160), () -> this.passed.add("settled")).settle();
		}
		Deadlines.Deadline open = this.deadlines.register(at(160), () -> this.passed.add("open"));
		assertThat(this.deadlines.size()).isEqualTo(1_001);
		this.time.advanceTimeBy(Duration.ofMillis(10));
		assertThat(this.deadlines.size()).isEqualTo(1);
		open.settle();
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(this.passed).isEmpty();
		assertThat(this.deadlines.size()).isZero();
	}

	@Test
	void aMovedDeadlineRunsWhenItPassesNow() {
		Deadlines.Deadline deadline = this.deadlines.register(at(160), () -> this.passed.add("moved"));
		this.time.advanceTimeBy(Duration.ofMillis(100));
		deadline.moveTo(at(160));
		this.time.advanceTimeBy(Duration.ofMillis(150));
		assertThat(this.passed).isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(20));
		assertThat(this.passed).containsExactly("moved");
	}

	@Test
	void sweepingStopsWhenNothingIsLeftAndStartsAgainForANewDeadline() {
		this.deadlines.register(at(20), () -> this.passed.add("first"));
		this.time.advanceTimeBy(Duration.ofMillis(30));
		assertThat(this.passed).containsExactly("first");
		long sweeps = this.time.getScheduledTaskCount();
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(this.time.getScheduledTaskCount()).as("sweeps scheduled with nothing left").isEqualTo(sweeps);
		this.deadlines.register(at(20), () -> this.passed.add("second"));
		this.time.advanceTimeBy(Duration.ofMillis(30));
		assertThat(this.passed).containsExactly("first", "second");
	}

	@Test
	void anActionThatThrowsStopsNeitherTheOthersNorLaterSweeps() {
		this.deadlines.register(at(20), () -> {
			throw new IllegalStateException("an onError that throws");
		});
		this.deadlines.register(at(20), () -> this.passed.add("same sweep"));
		this.time.advanceTimeBy(Duration.ofMillis(30));
		assertThat(this.passed).containsExactly("same sweep");
		this.deadlines.register(at(20), () -> this.passed.add("later"));
		this.time.advanceTimeBy(Duration.ofMillis(30));
		assertThat(this.passed).containsExactly("same sweep", "later");
	}

	/** The given milliseconds from now, on the deadlines' clock. */
	private long at(long millis) {
		return this.deadlines.now() + TimeUnit.MILLISECONDS.toNanos(millis);
	}

}
