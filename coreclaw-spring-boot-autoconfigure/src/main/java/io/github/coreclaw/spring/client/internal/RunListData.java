/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.WorkerRun;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a run list reply: one page of runs, each as the run detail has it (the list
 * also sends {@code err_msg} for failed runs).
 *
 * @param count the total number of runs the query matches
 * @param list the runs of the page
 * @param pageIndex the page number, if CoreClaw echoed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunListData(@Nullable Long count, @Nullable List<@Nullable RunDetailData> list,
		@JsonProperty("page_index") @Nullable Integer pageIndex) {

	/**
	 * The runs of the page.
	 * @return the runs, empty when CoreClaw sent none, {@code null} if one of them has no slug
	 */
	public @Nullable List<WorkerRun> runs() {
		if (this.list == null) {
			return List.of();
		}
		List<WorkerRun> runs = new ArrayList<>(this.list.size());
		for (RunDetailData item : this.list) {
			WorkerRun run = (item != null) ? item.toWorkerRun(null) : null;
			if (run == null) {
				return null;
			}
			runs.add(run);
		}
		return runs;
	}

}
