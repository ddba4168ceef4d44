/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

import java.time.Instant;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRun;

/**
 * A tracked run that has finished, as handed to the {@link TrackedRunHandler}s.
 *
 * @param runSlug the run
 * @param label the label it was started with ({@code RunOptions.Builder#track})
 * @param startedBy what started it, such as {@code worker-task nightly-berlin}
 * @param run the run's final state, as CoreClaw reported it
 * @param startedAt when the run was recorded, just after CoreClaw started it
 * @since 0.1.0
 */
public record TrackedRun(RunSlug runSlug, String label, String startedBy, WorkerRun run, Instant startedAt) {

}
