/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.lang.management.ManagementFactory;

/**
 * The heap in use, for the tests that check memory stays constant.
 */
final class Heap {

	private Heap() {
	}

	/**
	 * The heap in use after a few full collections: the lowest of four readings, each after one.
	 * @return the bytes in use
	 */
	static long usedAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
