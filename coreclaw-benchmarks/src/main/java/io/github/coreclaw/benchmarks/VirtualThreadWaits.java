/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import io.github.coreclaw.spring.client.CompletedRun;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Goal 5: {@link #RUNS} blocking {@code runAndAwait} calls parked at once, each on a virtual
 * thread of its own, against the same calls made reactively: the heap each waiting run holds,
 * after collection, on both sides (a parked virtual thread keeps its stack on the heap, so the
 * difference is what the blocking call adds to the reactive wait it wraps), that every call
 * completes, and how often a virtual thread was pinned to its carrier (JFR's
 * {@code jdk.VirtualThreadPinned}, with no threshold). The runs answer in memory and the polls
 * run under virtual time, so that every wait is parked when the heap is read. Virtual threads
 * need Java 21+: the project compiles for 17, so they are made through a method handle on the
 * public {@code Thread.ofVirtual()}.
 *
 * @since 0.1.0
 */
final class VirtualThreadWaits {

	static final int RUNS = 10_000;

	static final int RUNNING_READS = 20;

	static final Duration INTERVAL = Duration.ofSeconds(3);

	private static final String THREAD_PREFIX = "coreclaw-benchmark-vt-";

	private VirtualThreadWaits() {
	}

	/**
	 * Whether this JVM has virtual threads.
	 * @return {@code true} on Java 21+
	 */
	static boolean available() {
		return Runtime.version().feature() >= 21;
	}

	/**
	 * Measure both sides.
	 * @return the outcome
	 */
	static Outcome measure() throws Exception {
		// Warm both paths up on a few runs, so that the measures hold no class or JIT state.
		reactive(200);
		blocking(200);
		Side reactive = reactive(RUNS);
		Side blocking = blocking(RUNS);
		return new Outcome(reactive, blocking);
	}

	/** The runs made with the reactive {@code runAndAwait}, subscribed from this thread. */
	private static Side reactive(int runs) {
		return underVirtualTime(runs, (client, scheduler, requests) -> {
			long heapBefore = Measure.heapAfterGc();
			int threadsBefore = platformThreads();
			AtomicInteger completed = new AtomicInteger();
			AtomicReference<@Nullable Throwable> failures = new AtomicReference<>();
			Disposable[] waits = new Disposable[runs];
			for (int i = 0; i < runs; i++) {
				String run = "run-" + i;
				waits[i] = client.workerTasks()
					.runAndAwait("task-" + run, options(), Duration.ofHours(1))
					.subscribe((done) -> completed.addAndGet(check(done, run)), (ex) -> failures.compareAndSet(null, ex));
			}
			scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
			long heapWaiting = Measure.heapAfterGc();
			int threadsWaiting = platformThreads();
			scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS + 4));
			return new Side(runs, completed.get(), (heapWaiting - heapBefore) / (double) runs,
					threadsWaiting - threadsBefore, requests.getAsInt(), 0, null);
		});
	}

	/** The same runs with the blocking {@code runAndAwait}, each called on a virtual thread. */
	private static Side blocking(int runs) throws IOException {
		ThreadFactory virtualThreads = virtualThreadFactory(THREAD_PREFIX);
		Path file = Files.createTempFile("coreclaw-pinned", ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
			recording.start();
			Side side = underVirtualTime(runs, (client, scheduler, requests) -> {
				long heapBefore = Measure.heapAfterGc();
				int threadsBefore = platformThreads();
				AtomicInteger completed = new AtomicInteger();
				AtomicReference<@Nullable Throwable> failures = new AtomicReference<>();
				Thread[] threads = new Thread[runs];
				for (int i = 0; i < runs; i++) {
					String run = "run-" + i;
					threads[i] = virtualThreads.newThread(() -> {
						try {
							completed.addAndGet(check(client.blocking()
								.workerTasks()
								.runAndAwait("task-" + run, options(), Duration.ofHours(1)), run));
						}
						catch (RuntimeException ex) {
							failures.compareAndSet(null, ex);
						}
					});
					threads[i].start();
				}
				awaitParked(threads);
				scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS / 2).plus(INTERVAL.dividedBy(2)));
				awaitParked(threads);
				long heapWaiting = Measure.heapAfterGc();
				int threadsWaiting = platformThreads();
				scheduler.advanceTimeBy(INTERVAL.multipliedBy(RUNNING_READS + 4));
				for (Thread thread : threads) {
					thread.join(60_000);
				}
				return new Side(runs, completed.get(), (heapWaiting - heapBefore) / (double) runs,
						threadsWaiting - threadsBefore, requests.getAsInt(), 0, failures.get());
			});
			recording.stop();
			recording.dump(file);
			long pinned = RecordingFile.readAllEvents(file)
				.stream()
				.filter((event) -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
				.count();
			return new Side(side.runs(), side.completed(), side.bytesPerWait(), side.threadGrowth(),
					side.requests(), pinned, side.firstFailure());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Wait until every thread is parked on its call's future (or done): its wait has subscribed,
	 * its requests so far are answered and only virtual time moves it on, so that the heap holds
	 * all of them and advancing the time cuts no request short. A thread merely parked, on a lock
	 * on the way, is not enough.
	 */
	private static void awaitParked(Thread[] threads) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		for (Thread thread : threads) {
			while (!parkedOnItsCall(thread)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(thread + " is still " + thread.getState());
				}
				Thread.sleep(1);
			}
		}
	}

	private static boolean parkedOnItsCall(Thread thread) {
		Thread.State state = thread.getState();
		if (state == Thread.State.TERMINATED) {
			return true;
		}
		if (state != Thread.State.WAITING) {
			return false;
		}
		for (StackTraceElement frame : thread.getStackTrace()) {
			if (frame.getClassName().equals("java.util.concurrent.CompletableFuture") && frame.getMethodName().equals("get")) {
				return thread.getState() == Thread.State.WAITING;
			}
		}
		return false;
	}

	private static Side underVirtualTime(int runs, Measurement measurement) {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		VirtualTimeScheduler.getOrSet(scheduler);
		// Cached here, on one thread: the first calls of Schedulers.parallel() racing on many threads
		// may each wrap the virtual-time scheduler, and the losers dispose of their wrapper, and with it
		// the one virtual-time scheduler ("Scheduler unavailable"); with real schedulers the loser's is a
		// scheduler of its own.
		Schedulers.parallel();
		Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
		AtomicInteger requests = new AtomicInteger();
		MemoryConnector connector = new MemoryConnector((uri) -> {
			requests.incrementAndGet();
			return answer(uri.getPath(), reads);
		});
		CoreClawPollingSettings polling = CoreClawPollingSettings.defaults()
			.withIntervals(INTERVAL, WaitingAtScale.MAX_INTERVAL, 1.0, WaitingAtScale.JITTER);
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("benchmark-key").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(polling)
			.build()) {
			return measurement.measure(client, scheduler, requests::get);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	/** The start of run {@code <run>} for task {@code task-<run>}, its state and its first page. */
	private static String answer(String path, Map<String, AtomicInteger> reads) {
		if (path.startsWith("/api/v2/worker-tasks/")) {
			String task = path.substring("/api/v2/worker-tasks/".length(), path.length() - "/runs".length());
			return "{\"code\":0,\"data\":{\"run_slug\":\"" + task.substring("task-".length()) + "\"}}";
		}
		String slug = path.replaceAll("^/api/v2/worker-runs/([^/]+).*$", "$1");
		if (path.endsWith("/result")) {
			return "{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"run\":\"" + slug
					+ "\"}],\"page_index\":1,\"page_size\":5}}";
		}
		int read = reads.computeIfAbsent(slug, (key) -> new AtomicInteger()).incrementAndGet();
		return "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-bench\",\"data\":{\"slug\":\"" + slug
				+ "\",\"status\":\"" + ((read <= RUNNING_READS) ? "running" : "succeeded") + "\",\"results\":1}}";
	}

	private static RunOptions options() {
		return RunOptions.builder().limit(5).build();
	}

	/** 1 if the run is the one asked for, finished, with its row; 0 otherwise. */
	private static int check(CompletedRun done, String run) {
		boolean right = done.run().runSlug().equals(new RunSlug(run))
				&& done.firstPage().rows().equals(List.of(Map.of("run", run)));
		return right ? 1 : 0;
	}

	private static int platformThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	/**
	 * {@code Thread.ofVirtual().name(prefix, 0).factory()}, through the public API of Java 21+
	 * without compiling against it.
	 */
	private static ThreadFactory virtualThreadFactory(String prefix) {
		try {
			return virtualThreadFactoryOrThrow(prefix);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Thread.ofVirtual() is not available on Java "
					+ System.getProperty("java.version"), ex);
		}
	}

	private static ThreadFactory virtualThreadFactoryOrThrow(String prefix) throws Throwable {
		MethodHandles.Lookup lookup = MethodHandles.publicLookup();
		Class<?> builder = Class.forName("java.lang.Thread$Builder");
		Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
		MethodHandle create = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
		MethodHandle name = lookup.findVirtual(ofVirtual, "name",
				MethodType.methodType(ofVirtual, String.class, long.class));
		MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
		return (ThreadFactory) factory.invoke(name.invoke(create.invoke(), prefix, 0L));
	}

	@FunctionalInterface
	private interface Measurement {

		Side measure(CoreClawClient client, VirtualTimeScheduler scheduler, IntSupplier requests)
				throws InterruptedException;

	}

	/**
	 * One side of the goal.
	 *
	 * @param runs the runs started
	 * @param completed the runs that completed with their own run and row
	 * @param bytesPerWait the heap each waiting run held, after collection
	 * @param threadGrowth platform threads added while waiting (carriers included)
	 * @param requests the requests CoreClaw received
	 * @param pinned the {@code jdk.VirtualThreadPinned} events while the runs waited
	 * @param firstFailure the first call that failed, if any
	 */
	record Side(int runs, int completed, double bytesPerWait, int threadGrowth, int requests, long pinned,
			@Nullable Throwable firstFailure) {

		String failure() {
			return (this.firstFailure != null) ? "; first failure: " + this.firstFailure : "";
		}

	}

	/**
	 * Both sides.
	 *
	 * @param reactive the reactive {@code runAndAwait}
	 * @param blocking the blocking {@code runAndAwait} on virtual threads
	 */
	record Outcome(Side reactive, Side blocking) {

		/**
		 * What the blocking call adds to the reactive wait it wraps, per waiting run.
		 * @return the bytes
		 */
		double addedBytesPerWait() {
			return this.blocking.bytesPerWait() - this.reactive.bytesPerWait();
		}

	}

}
