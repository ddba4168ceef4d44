/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.QueueStatus;
import io.github.coreclaw.spring.client.QueuedRun;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a queued run reply.
 *
 * @param queueRef the queue item's reference, a numeric string
 * @param queueStatus the queue item's status
 * @param queued whether the run was queued
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueuedRunData(@JsonProperty("queue_ref") @Nullable String queueRef,
		@JsonProperty("queue_status") @Nullable String queueStatus, @Nullable Boolean queued) {

	/**
	 * Convert to the public type.
	 * @param data the {@code data}, may be {@code null}
	 * @return the queued run, {@code null} if the reply named no queue item
	 */
	public static @Nullable QueuedRun toQueuedRun(@Nullable QueuedRunData data) {
		String queueRef = (data != null) ? WireValues.text(data.queueRef()) : null;
		if (queueRef == null) {
			return null;
		}
		return QueuedRun.builder(queueRef, QueueStatus.from(data.queueStatus()))
			.queued(Boolean.TRUE.equals(data.queued()))
			.build();
	}

}
