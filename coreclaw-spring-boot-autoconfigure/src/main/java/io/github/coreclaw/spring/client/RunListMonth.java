/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;

/**
 * The part of a run list's date range that lies in one calendar month of CoreClaw's time zone,
 * the most CoreClaw answers in one query, and its {@code start_time} and {@code end_time}.
 *
 * @param first the first day of the part
 * @param last the last day of the part, in the same month
 */
record RunListMonth(LocalDate first, LocalDate last) {

	/**
	 * The parts of a date range, one per calendar month, the latest first, made as they are
	 * asked for.
	 * @param from the first day of the range
	 * @param to the last day of the range, not before {@code from}
	 * @return the parts
	 */
	static Flux<RunListMonth> latestFirst(LocalDate from, LocalDate to) {
		return Flux.fromStream(() -> stream(from, to));
	}

	/**
	 * The parts of a date range, one per calendar month, the latest first, made as they are
	 * reached.
	 * @param from the first day of the range
	 * @param to the last day of the range, not before {@code from}
	 * @return the parts, lazily
	 */
	static Stream<RunListMonth> stream(LocalDate from, LocalDate to) {
		YearMonth firstMonth = YearMonth.from(from);
		YearMonth lastMonth = YearMonth.from(to);
		// The month before the first is never computed: it may not exist (LocalDate.MIN).
		return Stream
			.iterate(lastMonth, Objects::nonNull, (month) -> month.isAfter(firstMonth) ? month.minusMonths(1) : null)
			.map((month) -> new RunListMonth(month.equals(firstMonth) ? from : month.atDay(1),
					month.equals(lastMonth) ? to : month.atEndOfMonth()));
	}

	/**
	 * The {@code start_time} of the query: the first day's start in CoreClaw's time zone.
	 * @return Unix seconds
	 */
	long startTime() {
		return this.first.atStartOfDay(RunQuery.CORECLAW_ZONE).toEpochSecond();
	}

	/**
	 * The {@code end_time} of the query: the last day's start in CoreClaw's time zone, which
	 * CoreClaw extends by a day to include the whole last day.
	 * @return Unix seconds
	 */
	long endTime() {
		return this.last.atStartOfDay(RunQuery.CORECLAW_ZONE).toEpochSecond();
	}

	@Override
	public String toString() {
		return this.first + " to " + this.last;
	}

}
