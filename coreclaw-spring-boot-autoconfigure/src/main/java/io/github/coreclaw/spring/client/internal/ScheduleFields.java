/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.TaskSchedule;
import org.jspecify.annotations.Nullable;

/**
 * The {@code schedule_*} fields of the task create and update requests, and of task replies;
 * fields left {@code null} are not sent.
 * <p>
 * {@code schedule_type} is 1 daily, 2 weekly, 3 monthly, 4 once; {@code schedule_weekday} is 1
 * Monday to 7 Sunday; {@code schedule_time} is {@code HH:mm}; {@code schedule_once_date} is
 * {@code YYYY-MM-DD}.
 *
 * @param enabled {@code schedule_enabled}, 0 or 1
 * @param type {@code schedule_type}
 * @param time {@code schedule_time}
 * @param weekday {@code schedule_weekday}
 * @param day {@code schedule_day}
 * @param onceDate {@code schedule_once_date}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleFields(@JsonProperty("schedule_enabled") @Nullable Integer enabled,
		@JsonProperty("schedule_type") @Nullable Integer type, @JsonProperty("schedule_time") @Nullable String time,
		@JsonProperty("schedule_weekday") @Nullable Integer weekday,
		@JsonProperty("schedule_day") @Nullable Integer day,
		@JsonProperty("schedule_once_date") @Nullable String onceDate) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter LENIENT_TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

	/** {@code schedule_type} of a daily schedule. */
	public static final int DAILY = 1;

	/** {@code schedule_type} of a weekly schedule. */
	public static final int WEEKLY = 2;

	/** {@code schedule_type} of a monthly schedule. */
	public static final int MONTHLY = 3;

	/** {@code schedule_type} of a one-off schedule. */
	public static final int ONCE = 4;

	/**
	 * The fields that send a schedule; a disabled schedule sends {@code schedule_enabled: 0} only.
	 * @param schedule the schedule, may be {@code null}
	 * @return the fields, {@code null} for none
	 */
	public static @Nullable ScheduleFields of(@Nullable TaskSchedule schedule) {
		if (schedule == null) {
			return null;
		}
		LocalTime time = schedule.time();
		String hhmm = (time != null) ? TIME.format(time) : null;
		return switch (schedule.kind()) {
			case DISABLED -> new ScheduleFields(0, null, null, null, null, null);
			case DAILY -> new ScheduleFields(1, DAILY, hhmm, null, null, null);
			case WEEKLY -> new ScheduleFields(1, WEEKLY, hhmm, weekday(schedule.dayOfWeek()), null, null);
			case MONTHLY -> new ScheduleFields(1, MONTHLY, hhmm, null, schedule.dayOfMonth(), null);
			case ONCE -> new ScheduleFields(1, ONCE, hhmm, null, null, date(schedule.date()));
		};
	}

	/**
	 * The schedule these fields describe, as far as they describe one.
	 * @return the schedule; {@code null} when the fields are missing or do not fit together (a
	 * task reply may send {@code schedule_enabled} and {@code schedule_type} without the time)
	 */
	public @Nullable TaskSchedule toSchedule() {
		if (this.enabled == null) {
			return null;
		}
		if (this.enabled == 0) {
			return TaskSchedule.disabled();
		}
		LocalTime localTime = parseTime(this.time);
		if (this.enabled != 1 || this.type == null || localTime == null) {
			return null;
		}
		return switch (this.type) {
			case DAILY -> TaskSchedule.daily(localTime);
			case WEEKLY -> (this.weekday != null && this.weekday >= 1 && this.weekday <= 7)
					? TaskSchedule.weekly(DayOfWeek.of(this.weekday), localTime) : null;
			case MONTHLY -> (this.day != null && this.day >= 1 && this.day <= TaskSchedule.MAX_DAY_OF_MONTH)
					? TaskSchedule.monthly(this.day, localTime) : null;
			case ONCE -> {
				LocalDate date = parseDate(this.onceDate);
				yield (date != null) ? TaskSchedule.once(date, localTime) : null;
			}
			default -> null;
		};
	}

	private static @Nullable Integer weekday(@Nullable DayOfWeek dayOfWeek) {
		// java.time numbers the days as CoreClaw does: 1 = Monday ... 7 = Sunday.
		return (dayOfWeek != null) ? dayOfWeek.getValue() : null;
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static @Nullable LocalTime parseTime(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			// Seconds are not part of the contract: a reply that has them still names the minute.
			return LocalTime.parse(value.trim(), LENIENT_TIME).withSecond(0);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate parseDate(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
