/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.coreclaw.spring.client.InMemoryConnector.Reply;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Batches of runs within the plan's limits, against an account in memory under virtual time:
 * slot waits, learning the limit, rate limiting, no duplicate start, cancellation and verdicts.
 */
class RunBatchTests {

	private static final CoreClawPollingSettings EVERY_SECOND = CoreClawPollingSettings.defaults()
		.withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0);

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	@Test
	void atMostMaxRunningRunsAreRunningAndTheOthersWaitForASlot() {
		FakeAccount account = new FakeAccount(TEN_SECONDS).planLimit(2);
		List<BatchOutcome> outcomes = new ArrayList<>();
		try (CoreClawClient client = client(account)) {
			StepVerifier
				.withVirtualTime(() -> client.workerTasks()
					.runBatch(tasks("task", 5), BatchOptions.builder().maxRunning(2).build()))
				.thenAwait(Duration.ofSeconds(29))
				.recordWith(() -> outcomes)
				.expectNextCount(4)
				.then(() -> assertThat(account.startRequests()).isEqualTo(5))
				.thenAwait(Duration.ofSeconds(1))
				.expectNextCount(1)
				.verifyComplete();
		}
		assertThat(account.maxRunning()).isEqualTo(2);
		assertThat(account.startRequests()).isEqualTo(5);
		assertThat(account.runsPerTask()).hasSize(5).allSatisfy((task, runs) -> assertThat(runs).isOne());
		assertThat(outcomes).extracting(BatchOutcome::verdict).containsOnly(RunVerdict.PASS);
		assertThat(outcomes).extracting(BatchOutcome::index).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
		assertThat(outcomes).allSatisfy((outcome) -> {
			assertThat(outcome.succeeded()).isTrue();
			assertThat(outcome.run().status()).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(outcome.runSlug()).isEqualTo(outcome.run().runSlug());
		});
	}

	@Test
	void theLimitIsLearnedFromTheFirst30003AndItsItemWaitsForASlotInsteadOfFailing() {
		FakeAccount account = new FakeAccount(TEN_SECONDS).planLimit(3);
		TestObservationRegistry registry = TestObservationRegistry.create();
		try (CoreClawClient client = client(account, registry)) {
			StepVerifier.withVirtualTime(() -> client.workerTasks().runBatch(tasks("task", 9), BatchOptions.defaults()))
				.thenAwait(Duration.ofSeconds(30))
				.expectNextCount(9)
				.verifyComplete();
		}
		// One refusal: the fourth start, which found the plan full; it waited for a slot.
		assertThat(account.startRequests()).isEqualTo(10);
		assertThat(account.maxRunning()).isEqualTo(3);
		assertThat(account.runsPerTask()).hasSize(9).allSatisfy((task, runs) -> assertThat(runs).isOne());
		assertThat(registry).hasObservationWithNameEqualTo("coreclaw.batch")
			.that()
			.hasLowCardinalityKeyValue("coreclaw.operation", "worker-task.run-batch")
			.hasHighCardinalityKeyValue("coreclaw.batch.items", "9")
			.hasHighCardinalityKeyValue("coreclaw.batch.started", "9")
			.hasHighCardinalityKeyValue("coreclaw.batch.failed", "0")
			.hasHighCardinalityKeyValue("coreclaw.batch.verdict.pass", "9")
			.hasHighCardinalityKeyValue("coreclaw.batch.start-requests", "10")
			.hasHighCardinalityKeyValue("coreclaw.batch.slot-refusals", "1")
			.hasHighCardinalityKeyValue("coreclaw.batch.rate-limit-refusals", "0")
			.hasBeenStopped();
	}

	@Test
	void theLearnedLimitLeavesRoomForTheSlotsAnotherClientHolds() {
		FakeAccount account = new FakeAccount(TEN_SECONDS).planLimit(5).heldSlots(2);
		try (CoreClawClient client = client(account)) {
			StepVerifier.withVirtualTime(() -> client.workerTasks().runBatch(tasks("task", 9), BatchOptions.defaults()))
				.thenAwait(Duration.ofSeconds(30))
				.expectNextCount(9)
				.verifyComplete();
		}
		assertThat(account.maxRunning()).isEqualTo(3);
		assertThat(account.startRequests()).isEqualTo(10);
		assertThat(account.runsPerTask()).allSatisfy((task, runs) -> assertThat(runs).isOne());
	}

	@Test
	void aSlotFreedWhileAStartIsOnItsWayIsTakenOnceCoreClawRefusesThatStart() {
		// Starts are answered 6 s after CoreClaw decides them; runs last 10 s; the plan has one slot.
		FakeAccount account = new FakeAccount(TEN_SECONDS).planLimit(1).startLatency(Duration.ofSeconds(6));
		try (CoreClawClient client = client(account)) {
			StepVerifier
				.withVirtualTime(() -> client.workerTasks()
					.runBatch(tasks("task", 2), BatchOptions.builder().maxRunning(2).build()))
				// Item 1 is sent at 6 s, while item 0 runs: refused (30003), answered at 12 s. Item 0
				// ends at 10 s, while that answer is on its way.
				.thenAwait(Duration.ofSeconds(12))
				// So item 1 is sent again at once, not after a wait for a slot that is already free.
				.then(() -> assertThat(account.startRequests()).isEqualTo(3))
				.thenAwait(Duration.ofSeconds(30))
				.expectNextCount(2)
				.verifyComplete();
		}
		assertThat(account.startRequests()).isEqualTo(3);
		assertThat(account.maxRunning()).isOne();
		assertThat(account.runsPerTask()).hasSize(2).allSatisfy((task, runs) -> assertThat(runs).isOne());
	}

	@Test
	void aFixedLimitComesFromTheClientWhenTheOptionsSetNone() {
		FakeAccount account = new FakeAccount(TEN_SECONDS).planLimit(10);
		try (CoreClawClient client = client(account, null, 2)) {
			StepVerifier.withVirtualTime(() -> client.workerTasks().runBatch(tasks("task", 4), BatchOptions.defaults()))
				.thenAwait(Duration.ofSeconds(20))
				.expectNextCount(4)
				.verifyComplete();
		}
		assertThat(account.maxRunning()).isEqualTo(2);
		assertThat(account.startRequests()).isEqualTo(4);
	}

	@Test
	void rateLimitingSlowsTheStartsForItsRetryAfterWithoutFailingItems() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(1))
			.refuseNextStart(InMemoryConnector.error(429, 13000, "too many requests").withHeader("Retry-After", "7"))
			.refuseNextStart(InMemoryConnector.error(429, 13000, "too many requests").withHeader("Retry-After", "7"));
		try (CoreClawClient client = client(account)) {
			StepVerifier
				.withVirtualTime(() -> client.workerTasks()
					.runBatch(tasks("task", 2), BatchOptions.builder().maxRunning(2).build()))
				.thenAwait(Duration.ofSeconds(13))
				.then(() -> assertThat(account.runsPerTask()).isEmpty())
				.then(() -> assertThat(account.startRequests()).isEqualTo(2))
				.thenAwait(Duration.ofSeconds(1))
				.then(() -> assertThat(account.runsPerTask()).hasSize(2))
				.thenAwait(Duration.ofSeconds(2))
				.expectNextMatches((outcome) -> outcome.verdict() == RunVerdict.PASS)
				.expectNextMatches((outcome) -> outcome.verdict() == RunVerdict.PASS)
				.verifyComplete();
		}
		assertThat(account.startRequests()).isEqualTo(4);
	}

	@Test
	void aStartThatMayHaveCreatedARunIsNeverRepeatedItsItemFails() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(1));
		List<BatchOutcome> outcomes = new ArrayList<>();
		try (CoreClawClient client = client(account)) {
			StepVerifier
				.withVirtualTime(() -> client.workerTasks()
					.runBatch(List.of("task-0", "ambiguous-1", "task-2"), BatchOptions.builder().maxRunning(1).build()))
				.thenAwait(Duration.ofSeconds(5))
				.recordWith(() -> outcomes)
				.expectNextCount(3)
				.verifyComplete();
		}
		assertThat(account.count("POST /api/v2/worker-tasks/ambiguous-1/runs")).isOne();
		BatchOutcome failed = outcomes.stream().filter((outcome) -> outcome.index() == 1).findFirst().orElseThrow();
		assertThat(failed.runSlug()).isNull();
		assertThat(failed.verdict()).isNull();
		assertThat(failed.failure()).isInstanceOf(CoreClawApiException.class)
			.hasMessageContaining("HTTP 500, code 10000");
		assertThat(outcomes).filteredOn(BatchOutcome::succeeded).hasSize(2);
	}

	@Test
	void cancellingStopsTheStartsAndWithAbortOnCancelAbortsTheRunsUnderWay() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(100));
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try (CoreClawClient client = client(account)) {
			Disposable batch = client.workerTasks()
				.runBatch(tasks("task", 6), BatchOptions.builder().maxRunning(2).abortOnCancel(true).build())
				.subscribe();
			time.advanceTimeBy(Duration.ofSeconds(5));
			assertThat(account.running()).isEqualTo(2);
			batch.dispose();
			assertThat(account.running()).isZero();
			time.advanceTimeBy(Duration.ofSeconds(200));
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		assertThat(account.startRequests()).isEqualTo(2);
		assertThat(account.count("POST /api/v2/worker-runs/01RUN0/abort")).isOne();
		assertThat(account.count("POST /api/v2/worker-runs/01RUN1/abort")).isOne();
	}

	@Test
	void cancellingWithoutAbortOnCancelLeavesTheRunsGoing() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(100));
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try (CoreClawClient client = client(account)) {
			Disposable batch = client.workerTasks()
				.runBatch(tasks("task", 6), BatchOptions.builder().maxRunning(2).build())
				.subscribe();
			time.advanceTimeBy(Duration.ofSeconds(5));
			batch.dispose();
			time.advanceTimeBy(Duration.ofSeconds(50));
			assertThat(account.running()).isEqualTo(2);
			time.advanceTimeBy(Duration.ofSeconds(200));
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		assertThat(account.startRequests()).isEqualTo(2);
		assertThat(account.requests()).noneMatch((request) -> request.endsWith("/abort"));
	}

	@Test
	void eachFinishedRunGetsItsVerdict() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(2));
		List<BatchOutcome> outcomes = new ArrayList<>();
		try (CoreClawClient client = client(account)) {
			StepVerifier
				.withVirtualTime(() -> client.workerTasks()
					.runBatch(List.of("task-0", "empty-1", "captcha-2", "broken-3"), BatchOptions.defaults()))
				.thenAwait(Duration.ofSeconds(10))
				.recordWith(() -> outcomes)
				.expectNextCount(4)
				.verifyComplete();
		}
		outcomes.sort(Comparator.comparingInt(BatchOutcome::index));
		assertThat(outcomes).extracting(BatchOutcome::verdict)
			.containsExactly(RunVerdict.PASS, RunVerdict.NO_DATA, RunVerdict.ERROR_ROWS, RunVerdict.FAILED);
		assertThat(outcomes).extracting(BatchOutcome::succeeded).containsExactly(true, true, true, false);
		assertThat(outcomes.get(3).failure()).isInstanceOf(CoreClawException.class)
			.hasMessage("Run " + outcomes.get(3).runSlug() + " ended failed");
		assertThat(outcomes.get(3).run().status()).isEqualTo(RunStatus.FAILED);
	}

	@Test
	void withoutAwaitingCompletionEachOutcomeComesOnceItsRunStarted() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(5));
		try (CoreClawClient client = client(account)) {
			StepVerifier
				.withVirtualTime(() -> client.workerTasks()
					.runBatch(tasks("task", 3), BatchOptions.builder().maxRunning(1).awaitCompletion(false).build()))
				.assertNext((outcome) -> {
					assertThat(outcome.index()).isZero();
					assertThat(outcome.runSlug()).isEqualTo(RunSlug.of("01RUN0"));
					assertThat(outcome.run()).isNull();
					assertThat(outcome.verdict()).isNull();
				})
				.thenAwait(Duration.ofSeconds(5))
				.assertNext((outcome) -> assertThat(outcome.index()).isOne())
				.thenAwait(Duration.ofSeconds(5))
				.assertNext((outcome) -> assertThat(outcome.index()).isEqualTo(2))
				.verifyComplete();
		}
		assertThat(account.startRequests()).isEqualTo(3);
	}

	@Test
	void everyRunTheBatchStartsIsTrackedWhenItsRunOptionsCarryATrackLabel() {
		FakeAccount account = new FakeAccount(TEN_SECONDS).planLimit(2);
		List<String> recorded = Collections.synchronizedList(new ArrayList<>());
		RunTracker tracker = (run, label, startedBy) -> Mono
			.fromRunnable(() -> recorded.add(run.value() + " " + label + " " + startedBy));
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-batch").withBaseUrl(URI.create("http://localhost:9")))
			.connector(new InMemoryConnector(account))
			.polling(EVERY_SECOND)
			.runTracker(tracker)
			.build()) {
			BatchOptions options = BatchOptions.builder()
				.maxRunning(2)
				.runOptions(RunOptions.builder().track("import:berlin").build())
				.build();
			List<BatchOutcome> outcomes = new ArrayList<>();
			StepVerifier.withVirtualTime(() -> client.workerTasks().runBatch(tasks("task", 3), options))
				.thenAwait(Duration.ofSeconds(30))
				.recordWith(() -> outcomes)
				.expectNextCount(3)
				.verifyComplete();
			assertThat(recorded).containsExactlyInAnyOrderElementsOf(outcomes.stream()
				.map((outcome) -> outcome.runSlug().value() + " import:berlin worker-task task-" + outcome.index())
				.toList());
		}
		assertThat(account.startRequests()).isEqualTo(3);
	}

	@Test
	void aRunStartedButNotRecordedForTrackingIsNamedByItsOutcomeAndKeepsItsSlotUntilItEnds() {
		FakeAccount account = new FakeAccount(TEN_SECONDS);
		RunTracker failsFirst = (run, label, startedBy) -> startedBy.endsWith("task-0")
				? Mono.error(new IllegalStateException("database down")) : Mono.empty();
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-batch").withBaseUrl(URI.create("http://localhost:9")))
			.connector(new InMemoryConnector(account))
			.polling(EVERY_SECOND)
			.runTracker(failsFirst)
			.build()) {
			BatchOptions options = BatchOptions.builder()
				.maxRunning(1)
				.runOptions(RunOptions.builder().track("import:berlin").build())
				.build();
			StepVerifier.withVirtualTime(() -> client.workerTasks().runBatch(tasks("task", 2), options))
				.thenAwait(Duration.ofSeconds(1))
				.assertNext((outcome) -> {
					assertThat(outcome.index()).isZero();
					assertThat(outcome.runSlug()).isNotNull();
					assertThat(outcome.failure()).isInstanceOf(CoreClawException.class)
						.hasMessageStartingWith("Run " + outcome.runSlug() + " (worker-task task-0) was started, but "
								+ "could not be recorded for tracking under label \"import:berlin\"");
					assertThat(((CoreClawException) outcome.failure()).getRunSlug()).isEqualTo(outcome.runSlug());
				})
				// The first run runs at CoreClaw: the second item waits for its slot.
				.thenAwait(Duration.ofSeconds(5))
				.then(() -> assertThat(account.startRequests()).isOne())
				.thenAwait(Duration.ofSeconds(30))
				.expectNextMatches((outcome) -> outcome.index() == 1 && outcome.verdict() == RunVerdict.PASS)
				.verifyComplete();
		}
		assertThat(account.startRequests()).isEqualTo(2);
		assertThat(account.maxRunning()).isOne();
	}

	@Test
	void aBatchWhoseRunOptionsTrackRunsIsRefusedWithoutATrackerAndNothingIsSent() {
		FakeAccount account = new FakeAccount(TEN_SECONDS);
		try (CoreClawClient client = client(account)) {
			BatchOptions options = BatchOptions.builder()
				.runOptions(RunOptions.builder().track("import:berlin").build())
				.build();
			assertThatIllegalArgumentException().isThrownBy(() -> client.workerTasks().runBatch(tasks("task", 2), options))
				.withMessage("options track the run (label \"import:berlin\"), but the client has no RunTracker to "
						+ "record it: set coreclaw.tracking.enabled=true (with a DataSource), or give "
						+ "CoreClawClient.Builder.runTracker(...) one; nothing was sent");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.workers().runBatch("coreclaw~maps", List.of(Map.of("q", "x")), options));
		}
		assertThat(account.startRequests()).isZero();
	}

	@Test
	void aRunWhoseWaitTimedOutKeepsItsSlotUntilItEnds() {
		FakeAccount account = new FakeAccount(TEN_SECONDS);
		try (CoreClawClient client = client(account)) {
			BatchOptions options = BatchOptions.builder().maxRunning(1).timeoutPerRun(Duration.ofSeconds(3)).build();
			StepVerifier.withVirtualTime(() -> client.workerTasks().runBatch(tasks("task", 2), options))
				.thenAwait(Duration.ofSeconds(5))
				.expectNextMatches((outcome) -> outcome.index() == 0
						&& outcome.failure() instanceof CoreClawRunTimeoutException)
				// The first run is still running at CoreClaw: the second item waits for its slot.
				.then(() -> assertThat(account.startRequests()).isOne())
				.thenAwait(Duration.ofSeconds(4))
				.then(() -> assertThat(account.startRequests()).isOne())
				// The first run ended at 10 s: the second starts, and its own wait times out 3 s later.
				.thenAwait(Duration.ofSeconds(2))
				.then(() -> assertThat(account.startRequests()).isEqualTo(2))
				.thenAwait(Duration.ofSeconds(3))
				.expectNextMatches((outcome) -> outcome.index() == 1
						&& outcome.failure() instanceof CoreClawRunTimeoutException)
				.verifyComplete();
		}
		assertThat(account.startRequests()).isEqualTo(2);
		assertThat(account.maxRunning()).isOne();
	}

	@Test
	void verifyJudgesARunOnItsOwn() {
		FakeAccount account = new FakeAccount(Duration.ofSeconds(2));
		try (CoreClawClient client = client(account)) {
			RunSlug captcha = client.workerTasks().runAsync("captcha-0").block(TEN_SECONDS);
			StepVerifier.create(client.workerRuns().verify(captcha))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(CoreClawException.class)
					.hasMessage("Run " + captcha + " has not finished (status running); a verdict needs a finished "
							+ "run: wait for it with awaitCompletion first"))
				.verify(TEN_SECONDS);
		}
		assertThat(account.requests()).containsExactly("POST /api/v2/worker-tasks/captcha-0/runs",
				"GET /api/v2/worker-runs/01RUN0");
	}

	@Test
	void theBlockingTwinsStreamTheOutcomesAndVerify() {
		FakeAccount account = new FakeAccount(Duration.ZERO);
		try (CoreClawClient client = client(account)) {
			try (Stream<BatchOutcome> outcomes = client.blocking()
				.workerTasks()
				.runBatch(List.of("task-0", "captcha-1"), BatchOptions.builder().maxRunning(1).build())) {
				assertThat(outcomes.map(BatchOutcome::verdict).collect(Collectors.toList()))
					.containsExactly(RunVerdict.PASS, RunVerdict.ERROR_ROWS);
			}
			assertThat(client.blocking().workerRuns().verify(RunSlug.of("01RUN1"))).isEqualTo(RunVerdict.ERROR_ROWS);
		}
	}

	@Test
	void errorRowsCarryNoDataOutsideTheDiagnosticFields() {
		assertThat(RunVerdict.isErrorRow(Map.of("error", "CAPTCHA", "status_code", 403))).isTrue();
		assertThat(RunVerdict.isErrorRow(Map.of("url", "https://x", "input_url", "https://y"))).isTrue();
		assertThat(RunVerdict.isErrorRow(Map.of("title", " ", "tags", List.of(), "message", "blocked"))).isTrue();
		assertThat(RunVerdict.isErrorRow(Map.of())).isTrue();
		assertThat(RunVerdict.isErrorRow(Map.of("title", "Blue Bottle", "error", "none"))).isFalse();
		assertThat(RunVerdict.isErrorRow(Map.of("rating", 0))).isFalse();
		assertThat(RunVerdict.ofRows(List.of(Map.of("error", "x"), Map.of("title", "y")))).isEqualTo(RunVerdict.PASS);
		assertThat(RunVerdict.ofRows(List.of(Map.of("error", "x")))).isEqualTo(RunVerdict.ERROR_ROWS);
		assertThat(RunVerdict.ofRows(List.of())).isEqualTo(RunVerdict.NO_DATA);
	}

	@Test
	void badInputIsRefusedNamingTheArgumentAndNothingIsSent() {
		FakeAccount account = new FakeAccount(Duration.ZERO);
		try (CoreClawClient client = client(account)) {
			assertThatIllegalArgumentException().isThrownBy(() -> BatchOptions.builder().maxRunning(0))
				.withMessage("maxRunning must be at least 1, was 0");
			assertThatIllegalArgumentException().isThrownBy(() -> BatchOptions.builder().timeoutPerRun(Duration.ZERO))
				.withMessage("timeoutPerRun must be positive, was PT0S");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.workerTasks().runBatch(null, BatchOptions.defaults()))
				.withMessage("workerTaskIds must not be null");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.workerTasks().runBatch(List.of("task-0", "bad id"), BatchOptions.defaults()))
				.withMessage("workerTaskIds[1] must be a worker task id, was \"bad id\"");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.workerTasks().runBatch(List.of("task-0"), null))
				.withMessage("options must not be null; use BatchOptions.defaults()");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> client.workers().runBatch("demo-worker", null, BatchOptions.defaults()))
				.withMessage("inputs must not be null");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> CoreClawClient.builder(CoreClawClientSettings.of("k")).batchMaxRunning(0))
				.withMessage("batchMaxRunning must be at least 1, was 0");
		}
		assertThat(account.requests()).isEmpty();
	}

	private static List<String> tasks(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + "-" + i).toList();
	}

	private static CoreClawClient client(FakeAccount account) {
		return client(account, null, null);
	}

	private static CoreClawClient client(FakeAccount account, TestObservationRegistry registry) {
		return client(account, registry, null);
	}

	private static CoreClawClient client(FakeAccount account, TestObservationRegistry registry, Integer maxRunning) {
		CoreClawClient.Builder builder = CoreClawClient
			.builder(CoreClawClientSettings.of("k-batch").withBaseUrl(URI.create("http://localhost:9")))
			.connector(new InMemoryConnector(account))
			.polling(EVERY_SECOND)
			.batchMaxRunning(maxRunning);
		if (registry != null) {
			builder.observationRegistry(registry);
		}
		return builder.build();
	}

}
