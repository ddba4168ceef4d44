/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * When CoreClaw runs a saved worker task by itself: daily, weekly, monthly or once at a time of
 * day (whole minutes), or not at all.
 * <p>
 * CoreClaw's documentation does not say in which time zone the time of day is read, nor what
 * happens to a run missed while the schedule was off.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor but
 * {@link #enabled()}, which follows from the kind.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "kind", "time", "dayOfWeek", "dayOfMonth", "date" })
public final class TaskSchedule {

	/** Largest day of month a monthly schedule accepts. */
	public static final int MAX_DAY_OF_MONTH = 31;

	private static final TaskSchedule DISABLED = new TaskSchedule(Kind.DISABLED, null, null, null, null);

	private final Kind kind;

	private final @Nullable LocalTime time;

	private final @Nullable DayOfWeek dayOfWeek;

	private final @Nullable Integer dayOfMonth;

	private final @Nullable LocalDate date;

	private TaskSchedule(Kind kind, @Nullable LocalTime time, @Nullable DayOfWeek dayOfWeek,
			@Nullable Integer dayOfMonth, @Nullable LocalDate date) {
		this.kind = kind;
		this.time = time;
		this.dayOfWeek = dayOfWeek;
		this.dayOfMonth = dayOfMonth;
		this.date = date;
	}

	/**
	 * Run every day at the given time.
	 * @param time the time of day, whole minutes
	 * @return the schedule
	 * @throws IllegalArgumentException if the time is {@code null} or has seconds
	 */
	public static TaskSchedule daily(LocalTime time) {
		return new TaskSchedule(Kind.DAILY, checkTime(time), null, null, null);
	}

	/**
	 * Run every week on the given day at the given time.
	 * @param dayOfWeek the day of the week
	 * @param time the time of day, whole minutes
	 * @return the schedule
	 * @throws IllegalArgumentException if an argument is {@code null} or the time has seconds
	 */
	public static TaskSchedule weekly(DayOfWeek dayOfWeek, LocalTime time) {
		if (dayOfWeek == null) {
			throw new IllegalArgumentException("dayOfWeek must not be null");
		}
		return new TaskSchedule(Kind.WEEKLY, checkTime(time), dayOfWeek, null, null);
	}

	/**
	 * Run every month on the given day at the given time.
	 * @param dayOfMonth the day of the month, from 1 to 31
	 * @param time the time of day, whole minutes
	 * @return the schedule
	 * @throws IllegalArgumentException if the day is outside 1&ndash;31, or the time is
	 * {@code null} or has seconds
	 */
	public static TaskSchedule monthly(int dayOfMonth, LocalTime time) {
		if (dayOfMonth < 1 || dayOfMonth > MAX_DAY_OF_MONTH) {
			throw new IllegalArgumentException(
					"dayOfMonth must be between 1 and " + MAX_DAY_OF_MONTH + " but was " + dayOfMonth);
		}
		return new TaskSchedule(Kind.MONTHLY, checkTime(time), null, dayOfMonth, null);
	}

	/**
	 * Run once, on the given day at the given time.
	 * @param date the day
	 * @param time the time of day, whole minutes
	 * @return the schedule
	 * @throws IllegalArgumentException if an argument is {@code null} or the time has seconds
	 */
	public static TaskSchedule once(LocalDate date, LocalTime time) {
		if (date == null) {
			throw new IllegalArgumentException("date must not be null");
		}
		return new TaskSchedule(Kind.ONCE, checkTime(time), null, null, date);
	}

	/**
	 * Do not run the task by itself.
	 * @return the schedule that is off
	 */
	public static TaskSchedule disabled() {
		return DISABLED;
	}

	/**
	 * How often the task runs.
	 * @return the kind of schedule
	 */
	@JsonProperty
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Whether the task runs by itself.
	 * @return {@code false} only for {@link #disabled()}
	 */
	public boolean enabled() {
		return this.kind != Kind.DISABLED;
	}

	/**
	 * The time of day the task runs at.
	 * @return the time, {@code null} for {@link #disabled()}
	 */
	@JsonProperty
	public @Nullable LocalTime time() {
		return this.time;
	}

	/**
	 * The day of the week a weekly schedule runs on.
	 * @return the day, {@code null} unless weekly
	 */
	@JsonProperty
	public @Nullable DayOfWeek dayOfWeek() {
		return this.dayOfWeek;
	}

	/**
	 * The day of the month a monthly schedule runs on.
	 * @return the day from 1 to 31, {@code null} unless monthly
	 */
	@JsonProperty
	public @Nullable Integer dayOfMonth() {
		return this.dayOfMonth;
	}

	/**
	 * The day a one-off schedule runs on.
	 * @return the day, {@code null} unless once
	 */
	@JsonProperty
	public @Nullable LocalDate date() {
		return this.date;
	}

	private static LocalTime checkTime(@Nullable LocalTime time) {
		if (time == null) {
			throw new IllegalArgumentException("time must not be null");
		}
		if (time.getSecond() != 0 || time.getNano() != 0) {
			throw new IllegalArgumentException("time must be whole minutes (CoreClaw takes HH:mm) but was " + time);
		}
		return time;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof TaskSchedule that) && this.kind == that.kind
				&& Objects.equals(this.time, that.time) && this.dayOfWeek == that.dayOfWeek
				&& Objects.equals(this.dayOfMonth, that.dayOfMonth) && Objects.equals(this.date, that.date));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.time, this.dayOfWeek, this.dayOfMonth, this.date);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case DAILY -> "TaskSchedule[daily at " + this.time + "]";
			case WEEKLY -> "TaskSchedule[weekly on " + this.dayOfWeek + " at " + this.time + "]";
			case MONTHLY -> "TaskSchedule[monthly on day " + this.dayOfMonth + " at " + this.time + "]";
			case ONCE -> "TaskSchedule[once on " + this.date + " at " + this.time + "]";
			case DISABLED -> "TaskSchedule[disabled]";
		};
	}

	/**
	 * How often a task runs by itself.
	 */
	public enum Kind {

		/** Every day. */
		DAILY,

		/** Every week, on one day of the week. */
		WEEKLY,

		/** Every month, on one day of the month. */
		MONTHLY,

		/** Once, on one day. */
		ONCE,

		/** Never by itself. */
		DISABLED

	}

}
