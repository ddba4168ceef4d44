/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What CoreClaw did with one run queue item that was asked to be activated or released: each
 * item succeeds or fails on its own.
 *
 * @param queueRef the queue item
 * @param success whether CoreClaw activated or released it
 * @param error why it did not, as CoreClaw put it; {@code null} if CoreClaw sent none
 * @since 0.1.0
 */
public record QueueItemResult(String queueRef, boolean success, @Nullable String error) {

	/**
	 * Create a result.
	 * @param queueRef the queue item
	 * @param success whether CoreClaw activated or released it
	 * @param error why it did not, {@code null} for none
	 */
	public QueueItemResult {
		Objects.requireNonNull(queueRef, "queueRef must not be null");
	}

}
