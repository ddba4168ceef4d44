/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code data} of a synchronous run reply; every field may be missing.
 *
 * @param runSlug the run's slug
 * @param runStatus the run's status
 * @param errorMessage the error message
 * @param startTimestamp the start time in Unix seconds, 0 when not set
 * @param endTimestamp the end time in Unix seconds, 0 when not set
 * @param runningDuration the running time in seconds
 * @param resultMessage the result summary
 * @param results the window of results
 * @param isFinished whether the run had finished when a rerun's wait returned (rerun replies only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRunData(@JsonProperty("run_slug") @Nullable String runSlug,
		@JsonProperty("run_status") @Nullable String runStatus,
		@JsonProperty("error_message") @Nullable String errorMessage,
		@JsonProperty("execution_start_timestamp") @Nullable Long startTimestamp,
		@JsonProperty("execution_end_timestamp") @Nullable Long endTimestamp,
		@JsonProperty("running_duration") @Nullable Long runningDuration,
		@JsonProperty("result_message") @Nullable String resultMessage, @Nullable ResultsData results,
		@JsonProperty("is_finished") @Nullable Boolean isFinished) {

	/**
	 * Convert to the public result type.
	 * @param rowMapper the mapper for typed rows
	 * @return the result, or {@code null} if the reply named no run
	 */
	public @Nullable SyncRunResult toResult(ObjectMapper rowMapper) {
		if (this.runSlug == null || this.runSlug.isBlank()) {
			return null;
		}
		ResultsData window = (this.results != null) ? this.results : ResultsData.EMPTY;
		return SyncRunResult.builder(new RunSlug(this.runSlug), RunStatus.from(this.runStatus))
			.errorMessage(WireValues.text(this.errorMessage))
			.resultMessage(WireValues.text(this.resultMessage))
			.startedAt(WireValues.instant(this.startTimestamp))
			.finishedAt(WireValues.instant(this.endTimestamp))
			.runningDuration((this.runningDuration != null && this.runningDuration >= 0)
					? Duration.ofSeconds(this.runningDuration) : null)
			.total((window.count() != null) ? window.count() : window.rows().size())
			.headers(window.headerList())
			.rows(window.rows())
			.reportedFinished(this.isFinished)
			.rowMapper(rowMapper)
			.build();
	}




	/**
	 * The data if it names a run, as every synchronous run reply must.
	 * @param data the data
	 * @return the data, {@code null} if absent or naming no run
	 */
	public static @Nullable SyncRunData namingRun(@Nullable SyncRunData data) {
		return (data != null && data.runSlug() != null && !data.runSlug().isBlank()) ? data : null;
	}

}
