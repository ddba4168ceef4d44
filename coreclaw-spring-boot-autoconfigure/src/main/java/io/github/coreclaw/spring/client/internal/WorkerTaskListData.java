/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.WorkerTask;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the task list reply: one page of tasks.
 *
 * @param count the total number of tasks the query finds
 * @param list the tasks of this page
 * @param pageIndex the page number CoreClaw answered
 * @param pageSize the page size CoreClaw answered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerTaskListData(@Nullable Long count, @Nullable List<WorkerTaskData> list,
		@JsonProperty("page_index") @Nullable Integer pageIndex,
		@JsonProperty("page_size") @Nullable Integer pageSize) {

	/**
	 * The tasks of this page.
	 * @return the tasks, empty if the page has no list; {@code null} if a task has no slug (it
	 * could not be addressed)
	 */
	public @Nullable List<WorkerTask> tasks() {
		if (this.list == null) {
			return List.of();
		}
		List<WorkerTask> tasks = new ArrayList<>(this.list.size());
		for (WorkerTaskData data : this.list) {
			WorkerTask task = (data != null) ? data.toWorkerTask(null) : null;
			if (task == null) {
				return null;
			}
			tasks.add(task);
		}
		return tasks;
	}

}
