/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of {@link TaskSchedule} is sent as the {@code schedule_*} fields CoreClaw documents
 * (type 1 daily, 2 weekly, 3 monthly, 4 once; weekday 1 Monday to 7 Sunday; time {@code HH:mm};
 * date {@code YYYY-MM-DD}), and read back from a task reply.
 */
class TaskScheduleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Map<String, Object> INPUT = Map.of("parameters", Map.of("custom", Map.of("q", "x")));

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	static Stream<Arguments> schedules() {
		return Stream.of(
				Arguments.of(TaskSchedule.daily(LocalTime.of(9, 30)),
						"\"schedule_enabled\":1,\"schedule_type\":1,\"schedule_time\":\"09:30\""),
				Arguments.of(TaskSchedule.daily(LocalTime.MIDNIGHT),
						"\"schedule_enabled\":1,\"schedule_type\":1,\"schedule_time\":\"00:00\""),
				Arguments.of(TaskSchedule.weekly(DayOfWeek.MONDAY, LocalTime.of(23, 59)),
						"\"schedule_enabled\":1,\"schedule_type\":2,\"schedule_time\":\"23:59\",\"schedule_weekday\":1"),
				Arguments.of(TaskSchedule.monthly(31, LocalTime.of(6, 0)),
						"\"schedule_enabled\":1,\"schedule_type\":3,\"schedule_time\":\"06:00\",\"schedule_day\":31"),
				Arguments.of(TaskSchedule.monthly(1, LocalTime.of(18, 45)),
						"\"schedule_enabled\":1,\"schedule_type\":3,\"schedule_time\":\"18:45\",\"schedule_day\":1"),
				Arguments.of(TaskSchedule.once(LocalDate.of(2026, 9, 1), LocalTime.of(8, 15)),
						"\"schedule_enabled\":1,\"schedule_type\":4,\"schedule_time\":\"08:15\","
								+ "\"schedule_once_date\":\"2026-09-01\""),
				Arguments.of(TaskSchedule.disabled(), "\"schedule_enabled\":0"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schedules")
	void createSendsTheScheduleFields(TaskSchedule schedule, String fields) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"t1\"}}")));
		try (CoreClawClient client = client()) {
			client.workerTasks()
				.create(WorkerTaskDefinition.builder("w1", "T", INPUT).schedule(schedule).build())
				.block(TIMEOUT);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks")).withRequestBody(equalToJson(
				"{\"worker_id\":\"w1\",\"title\":\"T\",\"input\":{\"parameters\":{\"custom\":{\"q\":\"x\"}}}," + fields + "}",
				true, false)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schedules")
	void updateSendsTheScheduleFieldsOnly(TaskSchedule schedule, String fields) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\"}")));
		try (CoreClawClient client = client()) {
			client.workerTasks().update("t1", WorkerTaskUpdate.builder().schedule(schedule).build()).block(TIMEOUT);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1"))
			.withRequestBody(equalToJson("{" + fields + "}", true, false)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schedules")
	void aTaskReplyWithTheScheduleFieldsReadsBack(TaskSchedule schedule, String fields) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"t1\"," + fields + "}}")));
		WorkerTask task;
		try (CoreClawClient client = client()) {
			task = client.workerTasks().get("t1").block(TIMEOUT);
		}
		assertThat(task.schedule()).isEqualTo(schedule);
		assertThat(task.scheduleEnabled()).isEqualTo(schedule.enabled());
	}

	@ParameterizedTest(name = "{0} is weekday {1}")
	@CsvSource({ "MONDAY, 1", "TUESDAY, 2", "WEDNESDAY, 3", "THURSDAY, 4", "FRIDAY, 5", "SATURDAY, 6", "SUNDAY, 7" })
	void weekdaysAreNumberedFromMonday(DayOfWeek day, int weekday) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\"}")));
		try (CoreClawClient client = client()) {
			client.workerTasks()
				.update("t1", WorkerTaskUpdate.builder().schedule(TaskSchedule.weekly(day, LocalTime.NOON)).build())
				.block(TIMEOUT);
		}
		wireMock.verify(1, putRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1")).withRequestBody(equalToJson(
				"{\"schedule_enabled\":1,\"schedule_type\":2,\"schedule_time\":\"12:00\",\"schedule_weekday\":" + weekday
						+ "}",
				true, false)));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "\"schedule_enabled\":1,\"schedule_type\":2",
			"\"schedule_enabled\":1,\"schedule_type\":1,\"schedule_time\":\"25:00\"",
			"\"schedule_enabled\":1,\"schedule_type\":2,\"schedule_time\":\"09:00\",\"schedule_weekday\":0",
			"\"schedule_enabled\":1,\"schedule_type\":3,\"schedule_time\":\"09:00\"",
			"\"schedule_enabled\":1,\"schedule_type\":4,\"schedule_time\":\"09:00\",\"schedule_once_date\":\"tomorrow\"",
			"\"schedule_enabled\":1,\"schedule_type\":9,\"schedule_time\":\"09:00\"",
			"\"schedule_enabled\":2,\"schedule_type\":1,\"schedule_time\":\"09:00\"", "\"schedule_type\":1" })
	void aPartOrUnknownScheduleIsNoScheduleButNoFailure(String fields) {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"t1\"," + fields + "}}")));
		WorkerTask task;
		try (CoreClawClient client = client()) {
			task = client.workerTasks().get("t1").block(TIMEOUT);
		}
		assertThat(task.slug()).isEqualTo("t1");
		assertThat(task.schedule()).isNull();
	}

	@Test
	void aReplyTimeWithSecondsOrOneHourDigitNamesTheMinute() {
		wireMock.stubFor(any(anyUrl()).willReturn(json(200,
				"{\"code\":0,\"data\":{\"slug\":\"t1\",\"schedule_enabled\":1,\"schedule_type\":1,\"schedule_time\":\"9:05:59\"}}")));
		try (CoreClawClient client = client()) {
			assertThat(client.workerTasks().get("t1").block(TIMEOUT).schedule())
				.isEqualTo(TaskSchedule.daily(LocalTime.of(9, 5)));
		}
	}

	@Test
	void accessorsDescribeEachKind() {
		TaskSchedule weekly = TaskSchedule.weekly(DayOfWeek.FRIDAY, LocalTime.of(7, 0));
		assertThat(weekly.kind()).isEqualTo(TaskSchedule.Kind.WEEKLY);
		assertThat(weekly.enabled()).isTrue();
		assertThat(weekly.time()).isEqualTo(LocalTime.of(7, 0));
		assertThat(weekly.dayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(weekly.dayOfMonth()).isNull();
		assertThat(weekly.date()).isNull();
		assertThat(weekly).hasToString("TaskSchedule[weekly on FRIDAY at 07:00]");
		assertThat(TaskSchedule.monthly(15, LocalTime.NOON)).hasToString("TaskSchedule[monthly on day 15 at 12:00]")
			.isEqualTo(TaskSchedule.monthly(15, LocalTime.NOON))
			.isNotEqualTo(TaskSchedule.monthly(16, LocalTime.NOON));
		assertThat(TaskSchedule.once(LocalDate.of(2026, 9, 1), LocalTime.NOON))
			.hasToString("TaskSchedule[once on 2026-09-01 at 12:00]");
		TaskSchedule disabled = TaskSchedule.disabled();
		assertThat(disabled.kind()).isEqualTo(TaskSchedule.Kind.DISABLED);
		assertThat(disabled.enabled()).isFalse();
		assertThat(disabled.time()).isNull();
		assertThat(disabled).hasToString("TaskSchedule[disabled]");
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

}
