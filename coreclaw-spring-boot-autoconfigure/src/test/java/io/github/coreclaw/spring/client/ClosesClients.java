/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes, after each test, every client a test created through {@link #track}, so that no
 * connection pool outlives its test.
 */
public final class ClosesClients implements AfterEachCallback {

	private static final List<CoreClawClient> OPEN = new CopyOnWriteArrayList<>();

	/**
	 * Close the client after the current test.
	 * @param client the client
	 * @return the client
	 */
	public static CoreClawClient track(CoreClawClient client) {
		OPEN.add(client);
		return client;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (CoreClawClient client : OPEN) {
			client.close();
		}
		OPEN.clear();
	}

}
