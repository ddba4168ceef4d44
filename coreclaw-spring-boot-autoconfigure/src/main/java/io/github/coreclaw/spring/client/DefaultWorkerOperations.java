/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * {@link WorkerOperations} over {@code /api/v2/workers}, {@code /api/v2/store} and
 * {@code /api/v2/proxy/region}.
 */
final class DefaultWorkerOperations implements WorkerOperations {

	private final CoreClawClient client;

	DefaultWorkerOperations(CoreClawClient client) {
		this.client = client;
	}

}
