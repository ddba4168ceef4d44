/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * A run that has finished, with the first page of its results.
 *
 * @param run the run's final state
 * @param firstPage the first page of its result rows
 * @since 0.1.0
 */
public record CompletedRun(WorkerRun run, ResultPage firstPage) {

}
