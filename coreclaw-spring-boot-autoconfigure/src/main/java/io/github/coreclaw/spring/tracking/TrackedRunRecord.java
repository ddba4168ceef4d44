/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

import java.time.Instant;

import io.github.coreclaw.spring.client.RunSlug;
import org.jspecify.annotations.Nullable;

/**
 * One row of the tracking table, as {@link TrackedRuns} reads it.
 *
 * @param runSlug the run
 * @param label the label it was started with
 * @param startedBy what started it
 * @param startedAt when it was recorded
 * @param state its state
 * @param attempts how many handling attempts failed
 * @param lastError the message of the last failed attempt, if any
 * @since 0.1.0
 */
public record TrackedRunRecord(RunSlug runSlug, String label, String startedBy, Instant startedAt,
		TrackedRunState state, int attempts, @Nullable String lastError) {

}
