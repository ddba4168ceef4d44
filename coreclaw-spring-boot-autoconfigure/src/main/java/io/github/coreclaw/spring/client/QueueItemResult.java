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
 * <p>
 * CoreClaw may accept the request (code 0) without saying what happened to each item (its own
 * OpenAPI file shows such replies, with an empty {@code data}); every item asked for is then
 * taken as accepted: {@link #success()} is {@code true}, {@link #error()} {@code null} and
 * {@link #reported()} {@code false}.
 *
 * @param queueRef the queue item
 * @param success whether CoreClaw activated or released it
 * @param error why it did not, as CoreClaw put it; {@code null} if CoreClaw sent none
 * @param reported whether CoreClaw's reply had a result for this item; {@code false} when
 * CoreClaw accepted the request without per-item results
 * @since 0.1.0
 */
public record QueueItemResult(String queueRef, boolean success, @Nullable String error, boolean reported) {

	/**
	 * Create a result.
	 * @param queueRef the queue item
	 * @param success whether CoreClaw activated or released it
	 * @param error why it did not, {@code null} for none
	 * @param reported whether CoreClaw's reply had a result for this item
	 * @throws IllegalArgumentException if a result that was not reported is not a success
	 * without error
	 */
	public QueueItemResult {
		Objects.requireNonNull(queueRef, "queueRef must not be null");
		if (!reported && (!success || error != null)) {
			throw new IllegalArgumentException(
					"a result that CoreClaw did not report must be a success without error");
		}
	}

	/**
	 * Create a result that CoreClaw's reply reported for the item.
	 * @param queueRef the queue item
	 * @param success whether CoreClaw activated or released it
	 * @param error why it did not, {@code null} for none
	 */
	public QueueItemResult(String queueRef, boolean success, @Nullable String error) {
		this(queueRef, success, error, true);
	}

	/**
	 * The result of an item of a request that CoreClaw accepted (code 0) without per-item
	 * results: a success, without error, not {@link #reported()}.
	 * @param queueRef the queue item
	 * @return the result
	 * @since 0.1.0
	 */
	public static QueueItemResult acceptedWithoutDetail(String queueRef) {
		return new QueueItemResult(queueRef, true, null, false);
	}

}
