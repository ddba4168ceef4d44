/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * {@link RunQueueOperations} over {@code /api/v2/run-queue/items}.
 */
final class DefaultRunQueueOperations implements RunQueueOperations {

	private final CoreClawClient client;

	DefaultRunQueueOperations(CoreClawClient client) {
		this.client = client;
	}

}
