/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.WorkerTask;
import org.jspecify.annotations.Nullable;

/**
 * A task of the task list reply, or the {@code data} of the task detail reply; every field may be
 * missing. The documented shapes differ: the smaller one has {@code id}, {@code description} and
 * {@code schedule_time}, the larger one {@code worker_title}, {@code input}, {@code run_times} and
 * timestamps; numeric ids are int64. Fields the client does not expose ({@code worker_id},
 * {@code platform_actors_id}, {@code last_run_id}, ...) are ignored.
 *
 * @param id the internal numeric id
 * @param slug the task slug
 * @param title the title
 * @param description the description
 * @param workerSlug the Worker's slug
 * @param workerPath the Worker's {@code owner~name} path
 * @param workerTitle the Worker's display name
 * @param version the Worker version
 * @param input the saved input
 * @param runTimes how many times the task ran
 * @param scheduleEnabled {@code schedule_enabled}, 0 or 1
 * @param scheduleType {@code schedule_type}
 * @param scheduleTime {@code schedule_time}
 * @param scheduleWeekday {@code schedule_weekday}
 * @param scheduleDay {@code schedule_day}
 * @param scheduleOnceDate {@code schedule_once_date}
 * @param createdAt the creation time in Unix seconds
 * @param updatedAt the time of the last change in Unix seconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerTaskData(@Nullable Long id, @Nullable String slug, @Nullable String title,
		@Nullable String description, @JsonProperty("worker_slug") @Nullable String workerSlug,
		@JsonProperty("worker_path") @Nullable String workerPath,
		@JsonProperty("worker_title") @Nullable String workerTitle, @Nullable String version,
		@Nullable Map<String, Object> input, @JsonProperty("run_times") @Nullable Long runTimes,
		@JsonProperty("schedule_enabled") @Nullable Integer scheduleEnabled,
		@JsonProperty("schedule_type") @Nullable Integer scheduleType,
		@JsonProperty("schedule_time") @Nullable String scheduleTime,
		@JsonProperty("schedule_weekday") @Nullable Integer scheduleWeekday,
		@JsonProperty("schedule_day") @Nullable Integer scheduleDay,
		@JsonProperty("schedule_once_date") @Nullable String scheduleOnceDate,
		@JsonProperty("created_at") @Nullable Long createdAt, @JsonProperty("updated_at") @Nullable Long updatedAt) {

	/**
	 * Convert to the public type.
	 * @param requested the task that was asked for, used when the reply names none
	 * @return the task, {@code null} if neither the reply nor the request names it
	 */
	public @Nullable WorkerTask toWorkerTask(@Nullable String requested) {
		String taskSlug = (this.slug != null && !this.slug.isBlank()) ? this.slug : requested;
		if (taskSlug == null) {
			return null;
		}
		ScheduleFields schedule = new ScheduleFields(this.scheduleEnabled, this.scheduleType, this.scheduleTime,
				this.scheduleWeekday, this.scheduleDay, this.scheduleOnceDate);
		return WorkerTask.builder(taskSlug)
			.title(this.title)
			.description(WireValues.text(this.description))
			.workerSlug(WireValues.text(this.workerSlug))
			.workerPath(WireValues.text(this.workerPath))
			.workerTitle(WireValues.text(this.workerTitle))
			.version(WireValues.text(this.version))
			.input(this.input)
			.runTimes((this.runTimes != null) ? this.runTimes : 0)
			.scheduleEnabled(this.scheduleEnabled != null && this.scheduleEnabled == 1)
			.schedule(schedule.toSchedule())
			.id(this.id)
			.createdAt(WireValues.instant(this.createdAt))
			.updatedAt(WireValues.instant(this.updatedAt))
			.build();
	}

}
