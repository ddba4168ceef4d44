/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerRun;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the run detail reply; every field may be missing.
 *
 * @param slug the run slug
 * @param workerSlug the Worker's slug ({@code scraper_slug})
 * @param workerTitle the Worker's name ({@code scraper_title})
 * @param version the Worker version
 * @param status the status
 * @param results the number of result rows
 * @param usage the usage figure, a numeric string
 * @param origin how the run was started
 * @param startedAt the start time in Unix seconds, 0 when not set
 * @param finishedAt the end time in Unix seconds, 0 when not set
 * @param duration the running time in seconds
 * @param errorMessage the error message ({@code err_msg})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunDetailData(@Nullable String slug,
		@JsonProperty("scraper_slug") @JsonAlias("worker_slug") @Nullable String workerSlug,
		@JsonProperty("scraper_title") @JsonAlias("worker_title") @Nullable String workerTitle,
		@Nullable String version, @Nullable String status, @Nullable Long results, @Nullable String usage,
		@Nullable String origin, @JsonProperty("started_at") @Nullable Long startedAt,
		@JsonProperty("finished_at") @Nullable Long finishedAt, @Nullable Long duration,
		@JsonProperty("err_msg") @JsonAlias("error_message") @Nullable String errorMessage) {

	/**
	 * Convert to the public type.
	 * @param requested the run that was asked for, used when the reply names none
	 * @return the run
	 */
	public @Nullable WorkerRun toWorkerRun(@Nullable RunSlug requested) {
		RunSlug runSlug = (this.slug != null && !this.slug.isBlank()) ? new RunSlug(this.slug) : requested;
		if (runSlug == null) {
			return null;
		}
		return WorkerRun.builder(runSlug, RunStatus.from(this.status))
			.workerSlug(this.workerSlug)
			.workerTitle(this.workerTitle)
			.version(this.version)
			.resultCount((this.results != null) ? this.results : 0)
			.usage(WireValues.decimal(this.usage))
			.startedAt(WireValues.instant(this.startedAt))
			.finishedAt(WireValues.instant(this.finishedAt))
			.duration((this.duration != null && this.duration >= 0) ? Duration.ofSeconds(this.duration) : null)
			.errorMessage(WireValues.text(this.errorMessage))
			.origin(this.origin)
			.build();
	}

}
