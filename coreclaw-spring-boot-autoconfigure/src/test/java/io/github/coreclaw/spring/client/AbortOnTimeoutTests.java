/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.coreclaw.spring.client.InMemoryConnector.error;
import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coreclaw.polling.abort-on-timeout} under virtual time: the caller gets its timeout at
 * its deadline whatever the abort does, and the abort, sent in the background, goes on after
 * that for at most its own bound (the response timeout).
 */
@ExtendWith(OutputOnFailure.class)
class AbortOnTimeoutTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final String DETAIL = "/api/v2/worker-runs/" + RUN;

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration ABORT_TIMEOUT = Duration.ofSeconds(30);

	private static final CoreClawPollingSettings HOURLY_ABORTING = CoreClawPollingSettings.defaults()
		.withIntervals(HOUR, HOUR, 1.0, 0.0)
		.withAborting(Duration.ofSeconds(60), true);

	private static final String TIMED_OUT = "Run 01KKDXV2G26BT7NH4ZQR2R4NPZ did not finish within 1m: its last status "
			+ "was RUNNING; it was asked to abort (coreclaw.polling.abort-on-timeout)";

	private static final String ABORT_UNANSWERED = "Run 01KKDXV2G26BT7NH4ZQR2R4NPZ was asked to abort when its wait "
			+ "timed out, but CoreClaw did not answer within 30s; the run may go on at CoreClaw";

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs();

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private final long[] failedAt = { -1 };

	@AfterEach
	void resetScheduler() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void aSlowAbortDelaysNotTheCallersTimeoutAndGoesOnAfterItForAtMostTheResponseTimeout() {
		List<String> requests = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requests.add(request.getMethod() + " " + request.getURI().getPath() + " at "
					+ this.scheduler.now(TimeUnit.MILLISECONDS));
			// Each abort takes 20s and fails, then is retried after 1s.
			return request.getMethod().matches("POST") ? error(500, 10000, "internal server error").after(Duration.ofSeconds(20))
					: runDetail(RUN.value(), "running");
		});
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-abort").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.polling(HOURLY_ABORTING)
			.retry(CoreClawRetrySettings.defaults().withBackoff(4, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), 0.0))
			.build()) {
			assertThat(client.settings().responseTimeout()).isEqualTo(ABORT_TIMEOUT);
			client.workerRuns().awaitCompletion(RUN, Duration.ofSeconds(60)).subscribe(null, this::failed);
			this.scheduler.advanceTimeBy(Duration.ofSeconds(60).minusMillis(1));
			assertThat(this.failures).isEmpty();
			assertThat(requests).containsExactly("GET " + DETAIL + " at 0");
			this.scheduler.advanceTimeBy(Duration.ofMillis(1));
			assertThat(this.failedAt[0]).as("virtual time of the caller's timeout, in ms").isEqualTo(60_000);
			assertTimedOut();
			assertThat(requests).containsExactly("GET " + DETAIL + " at 0", "POST " + DETAIL + "/abort at 60000");
			this.scheduler.advanceTimeBy(ABORT_TIMEOUT.minusMillis(1));
			assertThat(requests).containsExactly("GET " + DETAIL + " at 0", "POST " + DETAIL + "/abort at 60000",
					"POST " + DETAIL + "/abort at 81000");
			assertThat(waitWarnings()).isEmpty();
			this.scheduler.advanceTimeBy(Duration.ofMillis(1));
			assertThat(waitWarnings()).containsExactly(ABORT_UNANSWERED);
			this.scheduler.advanceTimeBy(Duration.ofHours(2));
			assertThat(requests).hasSize(3);
			assertThat(this.failures).hasSize(1);
		}
	}

	@Test
	void aHangingAbortIsCancelledAtItsBoundAndNotByTheCaller() {
		long[] abortAt = { -1, -1 };
		RunPoller poller = poller((run) -> Mono.<Void>never()
			.doOnSubscribe((subscription) -> abortAt[0] = this.scheduler.now(TimeUnit.MILLISECONDS))
			.doOnCancel(() -> abortAt[1] = this.scheduler.now(TimeUnit.MILLISECONDS)));
		Disposable wait = poller.await(RUN, Duration.ofSeconds(60)).subscribe(null, this::failed);
		this.scheduler.advanceTimeBy(Duration.ofSeconds(60));
		assertThat(this.failedAt[0]).as("virtual time of the caller's timeout, in ms").isEqualTo(60_000);
		assertTimedOut();
		assertThat(abortAt[0]).as("virtual time of the abort, in ms").isEqualTo(60_000);
		wait.dispose();
		this.scheduler.advanceTimeBy(ABORT_TIMEOUT.minusMillis(1));
		assertThat(abortAt[1]).as("virtual time the abort was given up, in ms").isEqualTo(-1);
		this.scheduler.advanceTimeBy(Duration.ofMillis(1));
		assertThat(abortAt[1]).as("virtual time the abort was given up, in ms").isEqualTo(90_000);
		assertThat(waitWarnings()).containsExactly(ABORT_UNANSWERED);
	}

	@Test
	void aFailedAbortIsLoggedAndLeavesTheCallersTimeoutAsItWas() {
		RunPoller poller = poller((run) -> Mono.error(new CoreClawException("CoreClaw refused the abort")));
		poller.await(RUN, Duration.ofSeconds(60)).subscribe(null, this::failed);
		this.scheduler.advanceTimeBy(Duration.ofSeconds(60));
		assertThat(this.failedAt[0]).isEqualTo(60_000);
		assertTimedOut();
		assertThat(waitWarnings()).containsExactly("Run 01KKDXV2G26BT7NH4ZQR2R4NPZ was asked to abort when its wait "
				+ "timed out, but the request failed, so the run may go on at CoreClaw: CoreClaw refused the abort");
	}

	@Test
	void aWaitCancelledBeforeItsDeadlineDoesNotAbort() {
		AtomicInteger aborts = new AtomicInteger();
		RunPoller poller = poller((run) -> Mono.fromRunnable(aborts::incrementAndGet));
		Disposable wait = poller.await(RUN, Duration.ofSeconds(60)).subscribe(null, this::failed);
		this.scheduler.advanceTimeBy(Duration.ofSeconds(30));
		wait.dispose();
		this.scheduler.advanceTimeBy(Duration.ofHours(1));
		assertThat(aborts).hasValue(0);
		assertThat(this.failures).isEmpty();
		assertThat(waitWarnings()).isEmpty();
	}

	private RunPoller poller(Function<RunSlug, Mono<Void>> abort) {
		return new RunPoller((run) -> Mono.just(WorkerRun.builder(run, RunStatus.RUNNING).build()), abort,
				new RunChangeNotifier(), HOURLY_ABORTING, ABORT_TIMEOUT);
	}

	private void failed(Throwable failure) {
		this.failedAt[0] = this.scheduler.now(TimeUnit.MILLISECONDS);
		this.failures.add(failure);
	}

	private void assertTimedOut() {
		assertThat(this.failures).hasSize(1);
		assertThat(this.failures.get(0)).isInstanceOf(CoreClawRunTimeoutException.class).hasMessage(TIMED_OUT);
		assertThat(this.failures.get(0).getSuppressed()).isEmpty();
	}

	private List<String> waitWarnings() {
		return this.logs.events()
			.stream()
			.filter((event) -> event.getLevel() == Level.WARN
					&& event.getLoggerName().equals(WorkerRunOperations.class.getName()))
			.map((event) -> event.getFormattedMessage())
			.toList();
	}

}
