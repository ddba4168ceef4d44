/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.Map;

import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawException;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /runs/{taskId}}: starts a run of the task and answers its slug, without blocking
 * (served when the sample is started with {@code --serve}).
 *
 * @since 0.1.0
 */
@RestController
public class RunController {

	private final WorkerTaskOperations workerTasks;

	/**
	 * Create the controller.
	 * @param workerTasks the operations the starter configured
	 */
	public RunController(WorkerTaskOperations workerTasks) {
		this.workerTasks = workerTasks;
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

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler(CoreClawException.class)
	ResponseEntity<Map<String, String>> coreClawFailed(CoreClawException ex) {
		HttpStatus status = (ex instanceof CoreClawApiException api && api.getHttpStatus() == 404)
				? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(status).body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}
