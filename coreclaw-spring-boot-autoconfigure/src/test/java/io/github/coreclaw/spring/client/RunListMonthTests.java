/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link RunListMonth} splits a date range into CoreClaw's months (UTC+8).
 */
class RunListMonthTests {

	@Test
	void aWholeLeapFebruaryIsOnePartFromItsFirstToItsTwentyNinthDay() {
		List<RunListMonth> parts = split(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
		assertThat(parts).containsExactly(new RunListMonth(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
		// 2024-02-01T00:00+08:00 and 2024-02-29T00:00+08:00
		assertThat(parts.get(0).startTime()).isEqualTo(1706716800L);
		assertThat(parts.get(0).endTime()).isEqualTo(1709136000L);
	}

	@Test
	void aRangeOverAYearIsOnePartPerMonthTheLatestFirst() {
		List<RunListMonth> parts = split(LocalDate.of(2025, 11, 30), LocalDate.of(2026, 11, 1));
		assertThat(parts).hasSize(13);
		assertThat(parts.get(0)).isEqualTo(new RunListMonth(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)));
		assertThat(parts.get(1)).isEqualTo(new RunListMonth(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
		assertThat(parts.get(12)).isEqualTo(new RunListMonth(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 11, 30)));
		assertThat(parts.get(0).toString()).isEqualTo("2026-11-01 to 2026-11-01");
	}

	@Test
	void thePartsAreMadeOnlyAsTheyAreAskedFor() {
		List<RunListMonth> parts = RunListMonth.latestFirst(LocalDate.MIN, LocalDate.MAX)
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(parts).extracting(RunListMonth::last).containsExactly(LocalDate.MAX, LocalDate.of(999_999_999, 11, 30));
	}

	@Test
	void theEarliestMonthThereIsEndsTheParts() {
		assertThat(split(LocalDate.MIN, LocalDate.MIN.plusMonths(1))).hasSize(2);
	}

	private static List<RunListMonth> split(LocalDate from, LocalDate to) {
		return RunListMonth.latestFirst(from, to).collectList().block(Duration.ofSeconds(5));
	}

}
