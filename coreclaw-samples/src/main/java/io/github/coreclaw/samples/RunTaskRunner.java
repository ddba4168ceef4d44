/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.time.Duration;
import java.util.Map;

import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs the worker task named by {@code sample.task-id} once asynchronously and once
 * synchronously, and prints what CoreClaw answered.
 *
 * @since 0.1.0
 */
@Component
public class RunTaskRunner implements ApplicationRunner {

	private final WorkerTaskOperations workerTasks;

	private final String taskId;

	/**
	 * Create the runner.
	 * @param workerTasks the operations the starter configured
	 * @param taskId the worker task to run
	 */
	public RunTaskRunner(WorkerTaskOperations workerTasks, @Value("${sample.task-id:demo-task}") String taskId) {
		this.workerTasks = workerTasks;
		this.taskId = taskId;
	}

	@Override
	public void run(ApplicationArguments args) {
		// A command-line runner runs on the main thread, so waiting here blocks no event loop.
		RunSlug slug = this.workerTasks.runAsync(this.taskId).block(Duration.ofMinutes(1));
		System.out.println("Started run " + slug + " of worker task " + this.taskId);

		SyncRunResult result = this.workerTasks.runSync(this.taskId, RunOptions.builder().limit(10).build())
			.block(Duration.ofMinutes(7));
		if (result == null) {
			return;
		}
		System.out.println("Run " + result.runSlug() + " " + result.status() + ": " + result.total() + " result rows"
				+ (result.finished() ? "" : " so far (still running at CoreClaw)"));
		for (Map<String, Object> row : result.rows()) {
			System.out.println("  " + row);
		}
	}

}
