/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.coreclaw.spring.client.BlockingWorkerRunOperations;
import io.github.coreclaw.spring.client.BlockingWorkerTaskOperations;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRun;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints of {@link RunController} served from Spring MVC with the blocking beans (when the
 * sample runs with the {@value SampleApplication#MVC_PROFILE} profile, on virtual threads with Java
 * 21 or later): each request waits for CoreClaw on its own thread, a virtual one holding no
 * platform thread while it waits. {@link CoreClawErrors} answers failures as it does for WebFlux.
 *
 * @since 0.1.0
 */
@RestController
@ConditionalOnWebApplication(type = Type.SERVLET)
public class MvcRunController {

	/** The most result rows one request answers. */
	static final int MAX_ROWS = 1000;

	private final BlockingWorkerTaskOperations workerTasks;

	private final BlockingWorkerRunOperations workerRuns;

	/**
	 * Create the controller.
	 * @param workerTasks the blocking worker task operations the starter configured
	 * @param workerRuns the blocking run operations the starter configured
	 */
	public MvcRunController(BlockingWorkerTaskOperations workerTasks, BlockingWorkerRunOperations workerRuns) {
		this.workerTasks = workerTasks;
		this.workerRuns = workerRuns;
	}

	/**
	 * Start a run.
	 * @param taskId the worker task slug
	 * @return {@code {"run_slug": "..."}}
	 */
	@PostMapping("/runs/{taskId}")
	public Map<String, String> run(@PathVariable String taskId) {
		return Map.of("run_slug", this.workerTasks.runAsync(taskId).value());
	}

	/**
	 * Read a run.
	 * @param runSlug the run slug
	 * @return the run, as CoreClaw describes it now
	 */
	@GetMapping("/runs/{runSlug}")
	public WorkerRun get(@PathVariable String runSlug) {
		return this.workerRuns.getRun(RunSlug.of(runSlug));
	}

	/**
	 * Read a run's result rows; the stream reads a page of them when it reaches it.
	 * @param runSlug the run slug
	 * @param limit the most rows to answer, from 1 to {@value #MAX_ROWS}
	 * @return the first {@code limit} rows (no page past them is read)
	 */
	@GetMapping("/runs/{runSlug}/results")
	public List<Map<String, Object>> results(@PathVariable String runSlug,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_ROWS) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_ROWS + " but was " + limit);
		}
		try (Stream<Map<String, Object>> rows = this.workerRuns.results(RunSlug.of(runSlug))) {
			return rows.limit(limit).toList();
		}
	}

}
