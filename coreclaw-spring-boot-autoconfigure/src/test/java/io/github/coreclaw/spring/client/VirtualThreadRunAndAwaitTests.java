/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.http.client.reactive.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking {@code runAndAwait} on virtual threads (issue 19: 10,000 at once, here 1,000 to
 * stay quick): every call gets its own run's result, the requests are exactly those the
 * reactive wait makes, and no virtual thread is pinned to its carrier while it waits (JFR's
 * {@code jdk.VirtualThreadPinned}, with no threshold). The project compiles for Java 17, so
 * the virtual threads are made through a method handle on the public {@code Thread.ofVirtual()};
 * on an older JDK the tests are skipped with the command that runs them on JDK 25. The polls are
 * a few milliseconds apart (the client's polling settings), and the test thread only waits for
 * the calls to end.
 */
class VirtualThreadRunAndAwaitTests {

	static final String RUN_WITH_JDK_25 = "virtual threads need Java 21+; run with JDK 25: "
			+ "JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -pl coreclaw-spring-boot-autoconfigure -am test "
			+ "-Dtest='VirtualThread*' -Dsurefire.failIfNoSpecifiedTests=false";

	private static final int CALLS = 1_000;

	private static final int RUNNING_READS = 3;

	private static final int PAGE_SIZE = 5;

	private static final String THREAD_PREFIX = "coreclaw-vt-test-";

	private static final String PINNED = "jdk.VirtualThreadPinned";

	/** Polls a few milliseconds apart, spread so that the runs do not read in lockstep. */
	private static final CoreClawPollingSettings POLLING = CoreClawPollingSettings.defaults()
		.withIntervals(Duration.ofMillis(4), Duration.ofMillis(8), 1.5, 0.5);

	/** The client of the class initializer below, set before the class is initialized. */
	private static volatile CoreClawClient controlClient;

	@TempDir
	Path recordings;

	@BeforeEach
	void needsVirtualThreads() {
		Assumptions.assumeTrue(Runtime.version().feature() >= 21, RUN_WITH_JDK_25);
	}

	@Test
	void aThousandBlockingRunAndAwaitOnVirtualThreadsGetTheirOwnRunsWithTheExactRequestsAndNoPinning()
			throws Throwable {
		Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> detailReads = new ConcurrentHashMap<>();
		List<String> startedOffVirtualThreads = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String key = request.getMethod() + " " + shape(request);
			requests.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
			String path = request.getURI().getRawPath();
			if (request.getMethod().name().equals("POST")) {
				if (!Thread.currentThread().getName().startsWith(THREAD_PREFIX)) {
					startedOffVirtualThreads.add(path + " on " + Thread.currentThread());
				}
				return started(path);
			}
			return answer(request, detailReads);
		});
		ThreadFactory virtualThreads = virtualThreadFactory(THREAD_PREFIX);
		try (CoreClawClient client = client(connector)) {
			// One call first, so that the classes on the way are loaded and initialized before the
			// recording starts: a class initializer still pins (JEP 491 freed only monitors).
			assertThat(runOn(virtualThreads, 1, (i) -> callRunAndAwait(client, "warm-up")).get(30, TimeUnit.SECONDS))
				.containsExactly("warm-up");
			requests.clear();
			detailReads.clear();
			List<RecordedEvent> pinned;
			List<String> results;
			try (Recording recording = pinnedRecording()) {
				recording.start();
				results = runOn(virtualThreads, CALLS, (i) -> callRunAndAwait(client, "run-" + i)).get(60,
						TimeUnit.SECONDS);
				recording.stop();
				pinned = events(recording, PINNED);
			}
			assertThat(results).hasSize(CALLS);
			for (int i = 0; i < CALLS; i++) {
				assertThat(results.get(i)).isEqualTo("run-" + i);
			}
			assertThat(startedOffVirtualThreads).isEmpty();
			assertThat(requests).containsOnlyKeys("POST /api/v2/worker-tasks/{task}/runs",
					"GET /api/v2/worker-runs/{run}", "GET /api/v2/worker-runs/{run}/result?offset=1&limit=5");
			assertThat(requests.get("POST /api/v2/worker-tasks/{task}/runs")).hasValue(CALLS);
			assertThat(requests.get("GET /api/v2/worker-runs/{run}")).hasValue(CALLS * (RUNNING_READS + 1));
			assertThat(requests.get("GET /api/v2/worker-runs/{run}/result?offset=1&limit=5")).hasValue(CALLS);
			assertThat(detailReads).hasSize(CALLS)
				.allSatisfy((run, reads) -> assertThat(reads).as(run).hasValue(RUNNING_READS + 1));
			assertThat(onOurThreads(pinned)).as("virtual threads pinned while calling CoreClaw:%n%s", describe(pinned))
				.isEmpty();
		}
	}

	@Test
	void theRecordingSeesACallPinnedByAClassInitializer() throws Throwable {
		// The control of the test above: a call made from a class initializer on a virtual thread
		// pins it (even on JDK 24+), and the recording reports it with the call on its stack.
		Map<String, AtomicInteger> detailReads = new ConcurrentHashMap<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> request.getMethod().name().equals("POST")
				? started(request.getURI().getRawPath()) : answer(request, detailReads));
		ThreadFactory virtualThreads = virtualThreadFactory(THREAD_PREFIX + "control-");
		try (CoreClawClient client = client(connector)) {
			List<RecordedEvent> pinned;
			try (Recording recording = pinnedRecording()) {
				recording.start();
				controlClient = client;
				assertThat(runOn(virtualThreads, 1, (i) -> CallInClassInitializer.RUN).get(30, TimeUnit.SECONDS))
					.containsExactly("pinned-run");
				recording.stop();
				pinned = events(recording, PINNED);
			}
			assertThat(onOurThreads(pinned)).isNotEmpty()
				.allSatisfy((event) -> assertThat(frames(event)).contains(Blocking.class.getName() + ".await"));
		}
	}

	/** Makes a blocking call in its initializer, which pins the virtual thread that runs it. */
	static final class CallInClassInitializer {

		static final String RUN = callRunAndAwait(controlClient, "pinned-run");

	}

	private static String callRunAndAwait(CoreClawClient client, String run) {
		CompletedRun completed = client.blocking()
			.workerTasks()
			.runAndAwait("task-" + run, RunOptions.builder().limit(PAGE_SIZE).build(), Duration.ofSeconds(30));
		assertThat(completed.run().runSlug()).isEqualTo(new RunSlug(run));
		assertThat(completed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(completed.firstPage().rows()).containsExactly(Map.of("run", run));
		return (String) completed.firstPage().rows().get(0).get("run");
	}

	private static CoreClawClient client(InMemoryConnector connector) {
		return CoreClawClient
			.builder(CoreClawClientSettings.of("k-virtual").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(POLLING)
			.build();
	}

	/** The answer to {@code POST /api/v2/worker-tasks/task-<run>/runs}: the run {@code <run>}. */
	private static InMemoryConnector.Reply started(String path) {
		String task = path.substring("/api/v2/worker-tasks/".length(), path.length() - "/runs".length());
		return new InMemoryConnector.Reply(200,
				"{\"code\":0,\"data\":{\"run_slug\":\"" + task.substring("task-".length()) + "\"}}");
	}

	/** A run's state, running for its first reads, and its first page: one row naming the run. */
	private static InMemoryConnector.Reply answer(MockClientHttpRequest request,
			Map<String, AtomicInteger> detailReads) {
		String path = request.getURI().getRawPath();
		String slug = path.replaceAll("^/api/v2/worker-runs/([^/]+).*$", "$1");
		if (path.endsWith("/result")) {
			return new InMemoryConnector.Reply(200, "{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"run\":\"" + slug
					+ "\"}],\"page_index\":1,\"page_size\":" + PAGE_SIZE + "}}");
		}
		int read = detailReads.computeIfAbsent(slug, (key) -> new AtomicInteger()).incrementAndGet();
		return InMemoryConnector.runDetail(slug, (read <= RUNNING_READS) ? "running" : "succeeded");
	}

	/** A request with its task or run replaced by a placeholder, to count requests by kind. */
	private static String shape(MockClientHttpRequest request) {
		String path = request.getURI().getRawPath()
			.replaceAll("^/api/v2/worker-tasks/[^/]+", "/api/v2/worker-tasks/{task}")
			.replaceAll("^/api/v2/worker-runs/[^/]+", "/api/v2/worker-runs/{run}");
		return (request.getURI().getRawQuery() != null) ? path + "?" + request.getURI().getRawQuery() : path;
	}

	/**
	 * Run the calls, each on a virtual thread of its own, all at once.
	 * @return the values of the calls, in order, once all have ended; the first failure if any
	 */
	private static CompletableFuture<List<String>> runOn(ThreadFactory threads, int count,
			Function<Integer, String> call) {
		List<CompletableFuture<String>> calls = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			CompletableFuture<String> value = new CompletableFuture<>();
			calls.add(value);
			threads.newThread(() -> {
				try {
					value.complete(call.apply(index));
				}
				catch (Throwable ex) {
					value.completeExceptionally(ex);
				}
			}).start();
		}
		return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
			.thenApply((done) -> calls.stream().map(CompletableFuture::join).toList());
	}

	/**
	 * {@code Thread.ofVirtual().name(prefix, 0).factory()}, through the public API of Java 21+
	 * without compiling against it.
	 */
	static ThreadFactory virtualThreadFactory(String prefix) throws Throwable {
		MethodHandles.Lookup lookup = MethodHandles.publicLookup();
		Class<?> builder = Class.forName("java.lang.Thread$Builder");
		Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
		MethodHandle create = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
		MethodHandle name = lookup.findVirtual(ofVirtual, "name",
				MethodType.methodType(ofVirtual, String.class, long.class));
		MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
		return (ThreadFactory) factory.invoke(name.invoke(create.invoke(), prefix, 0L));
	}

	/** A recording of every pinned virtual thread, however briefly, with its stack. */
	private static Recording pinnedRecording() {
		Recording recording = new Recording();
		recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
		return recording;
	}

	private List<RecordedEvent> events(Recording recording, String name) throws IOException {
		Path file = Files.createTempFile(this.recordings, "pinned", ".jfr");
		recording.dump(file);
		return RecordingFile.readAllEvents(file)
			.stream()
			.filter((event) -> event.getEventType().getName().equals(name))
			.toList();
	}

	/** The events of the virtual threads the tests started. */
	private static List<RecordedEvent> onOurThreads(List<RecordedEvent> events) {
		return events.stream()
			.filter((event) -> event.getThread() != null && event.getThread().getJavaName() != null
					&& event.getThread().getJavaName().startsWith(THREAD_PREFIX))
			.toList();
	}

	private static List<String> frames(RecordedEvent event) {
		if (event.getStackTrace() == null) {
			return List.of();
		}
		return event.getStackTrace()
			.getFrames()
			.stream()
			.map(RecordedFrame::getMethod)
			.map((method) -> method.getType().getName() + "." + method.getName())
			.toList();
	}

	private static String describe(List<RecordedEvent> events) {
		return events.stream()
			.map((event) -> event.getThread().getJavaName() + " " + event.getDuration() + " "
					+ (event.hasField("pinnedReason") ? event.getString("pinnedReason") : "") + "\n\t"
					+ String.join("\n\t", frames(event)))
			.collect(Collectors.joining("\n"));
	}

}
