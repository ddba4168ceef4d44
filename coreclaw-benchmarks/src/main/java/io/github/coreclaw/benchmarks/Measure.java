/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the benchmarks read off the JVM (heap after collection, CPU time, bytes allocated, JIT
 * compilation time) and the fan-out they drive calls with.
 *
 * @since 0.1.0
 */
final class Measure {

	private Measure() {
	}

	/**
	 * Used heap after a few full collections.
	 * @return the bytes in use
	 */
	static long heapAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/**
	 * CPU time of this process (every thread: the application's, JIT and GC).
	 * @return the nanoseconds
	 */
	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * Bytes allocated on the heap by every thread since the JVM started.
	 * @return the bytes
	 */
	static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
	}

	/**
	 * Time the JIT compilers have spent so far.
	 * @return the milliseconds
	 */
	static long compilationMillis() {
		return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
	}

	/**
	 * Run calls with at most the given number in flight, counting successes and failures.
	 * @param count how many calls
	 * @param concurrency how many in flight at most
	 * @param call the call of the given index
	 * @return the successes and the failures
	 */
	static long[] fanOut(int count, int concurrency, IntFunction<Mono<?>> call) {
		long[] outcome = new long[2];
		Flux.range(0, count)
			.flatMap((i) -> call.apply(i).then(Mono.just(true)).onErrorResume((ex) -> Mono.just(false)), concurrency)
			.doOnNext((ok) -> outcome[ok ? 0 : 1]++)
			.blockLast(Duration.ofMinutes(10));
		return outcome;
	}

	/**
	 * The median of some values.
	 * @param values the values
	 * @return the median
	 */
	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * The smallest and largest of some values, as a range for the report.
	 * @param values the values
	 * @param format the format of one value
	 * @return for example {@code 0.97–1.04}
	 */
	static String range(List<Double> values, String format) {
		return String.format(format, Collections.min(values)) + "–" + String.format(format, Collections.max(values));
	}

}
