/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.Map;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's endpoints in WebFlux, on the reactive beans, never blocking (served when the sample
 * is started with {@code --serve}): {@code POST /runs/{taskId}} starts a run of the task and
 * answers its slug, {@code GET /runs/{runSlug}} the run, {@code GET /runs/{runSlug}/results} its
 * result rows. {@link MvcRunController} serves the same from Spring MVC; {@link CoreClawErrors}
 * answers failures of both.
 *
 * @since 0.1.0
 */
@RestController
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class RunController {

	/** The most result rows one request answers. */
	static final int MAX_ROWS = 1000;

	private final WorkerTaskOperations workerTasks;

	private final WorkerRunOperations workerRuns;

	/**
	 * Create the controller.
	 * @param workerTasks the worker task operations the starter configured
	 * @param workerRuns the run operations the starter configured
	 */
	public RunController(WorkerTaskOperations workerTasks, WorkerRunOperations workerRuns) {
		this.workerTasks = workerTasks;
		this.workerRuns = workerRuns;
	}

	/**
	 * Start a run.
	 * @param taskId the worker task slug
	 * @return {@code {"run_slug": "..."}}
	 */
	@PostMapping("/runs/{taskId}")
	public Mono<Map<String, String>> run(@PathVariable String taskId) {
		return this.workerTasks.runAsync(taskId).map((slug) -> Map.of("run_slug", slug.value()));
	}

	/**
	 * Read a run.
	 * @param runSlug the run slug
	 * @return the run, as CoreClaw describes it now
	 */
	@GetMapping("/runs/{runSlug}")
	public Mono<WorkerRun> get(@PathVariable String runSlug) {
		return this.workerRuns.getRun(RunSlug.of(runSlug));
	}

	/**
	 * Read a run's result rows, a page of them at a time as they are written.
	 * @param runSlug the run slug
	 * @param limit the most rows to answer, from 1 to {@value #MAX_ROWS}
	 * @return the first {@code limit} rows (the stream reads no page past them)
	 */
	@GetMapping("/runs/{runSlug}/results")
	public Flux<Map<String, Object>> results(@PathVariable String runSlug,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_ROWS) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_ROWS + " but was " + limit);
		}
		return this.workerRuns.results(RunSlug.of(runSlug)).take(limit);
	}

}
