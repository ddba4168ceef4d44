/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import io.github.coreclaw.spring.client.CompletedRun;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerInput;
import io.github.coreclaw.spring.client.WorkerOperations;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerTaskDefinition;
import io.github.coreclaw.spring.client.WorkerTaskOperations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The sample's main job: start one run asynchronously and print its slug, run a task
 * synchronously and print its status, total and result rows as a table, then run it with
 * {@code runAndAwait}, which polls the run until it finishes and reads its first page; then run a
 * Worker with an input of its own, and create, run and delete a worker task of that Worker.
 * {@code sample.demo.enabled=false} leaves it out, for example to only serve the endpoints.
 *
 * @since 0.1.0
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.demo.enabled", matchIfMissing = true)
public class DemoRunner implements ApplicationRunner {

	private final WorkerTaskOperations workerTasks;

	private final WorkerOperations workers;

	private final String asyncTaskId;

	private final String workerId;

	private final String syncTaskId;

	private final KeywordBatch keywordBatch;

	private final PrintStream out = System.out;

	/**
	 * Create the runner.
	 * @param workerTasks the operations the starter configured
	 * @param asyncTaskId the task to start asynchronously
	 * @param syncTaskId the task to run synchronously
	 * @param workers the Worker operations the starter configured
	 * @param workerId the Worker to run with an input of the sample's own, none to skip that part
	 * @param keywordBatch the batch of runs the sample ends with, one per keyword
	 */
	public DemoRunner(WorkerTaskOperations workerTasks, @Value("${sample.async-task-id:}") String asyncTaskId,
			@Value("${sample.sync-task-id:}") String syncTaskId, WorkerOperations workers,
			@Value("${sample.worker-id:}") String workerId, KeywordBatch keywordBatch) {
		this.workerTasks = workerTasks;
		this.asyncTaskId = asyncTaskId;
		this.syncTaskId = syncTaskId;
		this.workers = workers;
		this.workerId = workerId;
		this.keywordBatch = keywordBatch;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(this.asyncTaskId) || !StringUtils.hasText(this.syncTaskId)) {
			throw new IllegalStateException("No worker task to run: set CORECLAW_TASK_ID to the slug of one of "
					+ "your worker tasks (or unset CORECLAW_API_KEY to run against the embedded simulator)");
		}
		// An application runner runs on the main thread, so waiting here blocks no event loop.
		RunSlug slug = this.workerTasks.runAsync(this.asyncTaskId).block(Duration.ofMinutes(2));
		this.out.println("Started run " + slug + " of worker task " + this.asyncTaskId);

		SyncRunResult result = this.workerTasks.runSync(this.syncTaskId, RunOptions.builder().limit(10).build())
			.block(Duration.ofMinutes(7));
		if (result == null) {
			return;
		}
		this.out.println("Run " + result.runSlug() + " of worker task " + this.syncTaskId + ": " + result.status()
				+ ", " + result.total() + " result rows" + (result.finished() ? "" : " so far (still running at CoreClaw)"));
		this.out.print(ResultTable.render(result.headers(), result.rows()));

		// No five-minute limit: start, poll until finished (a DEBUG line per poll), read page 1.
		CompletedRun completed = this.workerTasks
			.runAndAwait(this.syncTaskId, RunOptions.builder().limit(3).build(), Duration.ofMinutes(30))
			.block(Duration.ofMinutes(31));
		if (completed == null) {
			return;
		}
		WorkerRun run = completed.run();
		this.out.println("Run " + run.runSlug() + " of worker task " + this.syncTaskId + " finished: " + run.status()
				+ ", " + run.resultCount() + " result rows, first " + completed.firstPage().rows().size() + ":");
		this.out.print(ResultTable.render(completed.firstPage().headers(), completed.firstPage().rows()));
		if (StringUtils.hasText(this.workerId)) {
			runWorker();
		}
		else {
			this.out.println("Set CORECLAW_WORKER_ID to also run a Worker with the sample's own input");
		}
	}

	/**
	 * Run a Worker with an input of our own, then save that input as a worker task, run the task
	 * and delete it again; then run the Worker once per keyword as a batch.
	 */
	private void runWorker() {
		// Written as {"parameters":{"custom":{"keywords":["coffee"]},"system":{"proxy_region":"US"}}}.
		WorkerInput input = WorkerInput.builder()
			.custom("keywords", List.of("coffee"))
			.system("proxy_region", "US")
			.build();
		SyncRunResult result = this.workers.runSync(this.workerId, input, RunOptions.builder().limit(3).build())
			.block(Duration.ofMinutes(7));
		if (result == null) {
			return;
		}
		this.out.println("Run " + result.runSlug() + " of Worker " + this.workerId + " for [coffee]: "
				+ result.status() + ", " + result.total() + " result rows, first " + result.rows().size() + ":");
		this.out.print(ResultTable.render(result.headers(), result.rows()));

		String taskId = this.workerTasks
			.create(WorkerTaskDefinition.builder(this.workerId, "Sample coffee search", input)
				.description("Created and deleted again by the CoreClaw sample")
				.build())
			.block(Duration.ofMinutes(2));
		this.out.println("Created worker task " + taskId);
		try {
			RunSlug run = this.workerTasks.runAsync(taskId).block(Duration.ofMinutes(2));
			this.out.println("Started run " + run + " of worker task " + taskId);
		}
		finally {
			this.workerTasks.delete(taskId).block(Duration.ofMinutes(2));
			this.out.println("Deleted worker task " + taskId);
		}

		// A small batch: the starter keeps within the plan's limit of runs at once and judges each run.
		List<String> keywords = List.of("coffee berlin", "coffee paris", "coffee rome");
		this.out.println("Batch of " + keywords.size() + " runs of Worker " + this.workerId + ", one per keyword: "
				+ this.keywordBatch.run(this.workerId, keywords));
	}

}
