/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.coreclaw.spring.client.internal.Durations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for a run to finish by reading it again and again: a flat loop (each read is a fresh
 * subscription, so neither memory nor the stack grows with the number of reads), woken early by
 * callbacks, tolerant of transient read failures until the caller's deadline.
 */
final class RunPoller {

	private static final Log logger = LogFactory.getLog(WorkerRunOperations.class);

	private final Function<RunSlug, Mono<WorkerRun>> read;

	private final Function<RunSlug, Mono<Void>> abort;

	private final RunChangeNotifier notifier;

	private final CoreClawPollingSettings polling;

	RunPoller(Function<RunSlug, Mono<WorkerRun>> read, Function<RunSlug, Mono<Void>> abort,
			RunChangeNotifier notifier, CoreClawPollingSettings polling) {
		this.read = read;
		this.abort = abort;
		this.notifier = notifier;
		this.polling = polling;
	}

	/**
	 * Poll the run until it is done or the timeout expires.
	 * @param run the run
	 * @param timeout how long to wait at most
	 * @return the run's final state
	 */
	Mono<WorkerRun> await(RunSlug run, Duration timeout) {
		return Mono.defer(() -> {
			// Taken at assembly, so that tests under virtual time get the virtual scheduler.
			Scheduler scheduler = Schedulers.parallel();
			Wait wait = new Wait();
			return Mono.using(() -> this.notifier.listen(run), (listener) -> loop(run, wait, listener, scheduler),
					RunChangeNotifier.Listener::close)
				.timeout(timeout, Mono.defer(() -> timedOut(run, wait, timeout)), scheduler);
		});
	}

	private Mono<WorkerRun> loop(RunSlug run, Wait wait, RunChangeNotifier.Listener listener, Scheduler scheduler) {
		Mono<WorkerRun> readOnce = Mono.defer(() -> {
			wait.reads++;
			wait.seenChanges = listener.changes();
			return this.read.apply(run);
		}).doOnNext((state) -> {
			wait.last = state;
			wait.lastFailure = null;
		}).onErrorResume(RunPoller::isTransient, (ex) -> {
			wait.lastFailure = ex;
			if (logger.isDebugEnabled()) {
				logger.debug("Reading run " + run + " failed; trying again at the next poll: " + ex.getMessage());
			}
			return Mono.empty();
		});
		return readOnce.repeatWhen((reads) -> reads.concatMap((ignored) -> nextRead(run, wait, listener, scheduler)))
			.filter((state) -> isDone(state, wait, scheduler))
			.next();
	}

	private Mono<Long> nextRead(RunSlug run, Wait wait, RunChangeNotifier.Listener listener, Scheduler scheduler) {
		Duration interval = jittered(this.polling.intervalAfter(wait.reads));
		if (logger.isDebugEnabled()) {
			RunStatus status = (wait.last != null) ? wait.last.status() : RunStatus.UNKNOWN;
			logger.debug("Run " + run + " is " + status + "; reading it again in " + Durations.format(interval));
		}
		return Mono.firstWithSignal(Mono.delay(interval, scheduler),
				listener.nextChange(wait.seenChanges, scheduler).thenReturn(0L));
	}

	private boolean isDone(WorkerRun state, Wait wait, Scheduler scheduler) {
		if (state.status().isTerminal()) {
			return true;
		}
		if (state.status() != RunStatus.ABORTING) {
			wait.abortingSince = -1;
			return false;
		}
		long now = scheduler.now(TimeUnit.MILLISECONDS);
		if (wait.abortingSince < 0) {
			wait.abortingSince = now;
		}
		return now - wait.abortingSince >= this.polling.abortingGrace().toMillis();
	}

	private Mono<WorkerRun> timedOut(RunSlug run, Wait wait, Duration timeout) {
		WorkerRun last = wait.last;
		RunStatus status = (last != null) ? last.status() : RunStatus.UNKNOWN;
		Throwable lastFailure = wait.lastFailure;
		String failure = (lastFailure != null) ? "; the last read failed: " + lastFailure.getMessage() : "";
		String aborted = this.polling.abortOnTimeout()
				? "; it was asked to abort (coreclaw.polling.abort-on-timeout)"
				: "; it goes on at CoreClaw (set coreclaw.polling.abort-on-timeout=true to abort such runs)";
		CoreClawRunTimeoutException ex = new CoreClawRunTimeoutException("Run " + run + " did not finish within "
				+ Durations.format(timeout) + ": its last status was " + status + failure + aborted, run, status,
				timeout);
		if (lastFailure != null) {
			ex.addSuppressed(lastFailure);
		}
		Mono<Void> abort = this.polling.abortOnTimeout() ? this.abort.apply(run).onErrorResume((abortFailure) -> {
			ex.addSuppressed(abortFailure);
			return Mono.empty();
		}) : Mono.empty();
		return abort.then(Mono.error(ex));
	}

	private Duration jittered(Duration interval) {
		double jitter = this.polling.jitter();
		if (jitter <= 0) {
			return interval;
		}
		double factor = 1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble();
		long millis = Math.round(interval.toMillis() * factor);
		return Duration.ofMillis(Math.max(1, Math.min(this.polling.maxInterval().toMillis(), millis)));
	}

	/**
	 * Whether a failed read may succeed later, so that the wait goes on: rate limits, timeouts,
	 * broken connections and server errors; a run that does not exist, or a key CoreClaw refuses,
	 * ends the wait at once.
	 * @param failure the failure of a read, after the read's own retries
	 * @return whether the wait goes on
	 */
	static boolean isTransient(Throwable failure) {
		if (failure instanceof CoreClawRateLimitedException || failure instanceof CoreClawTimeoutException
				|| failure instanceof CoreClawConnectionException) {
			return true;
		}
		if (failure instanceof CoreClawNotFoundException || failure instanceof CoreClawAuthenticationException
				|| failure instanceof CoreClawValidationException) {
			return false;
		}
		return failure instanceof CoreClawApiException api && (api.getHttpStatus() >= 500 || api.getHttpStatus() == 408);
	}

	/**
	 * Attach the run to a failure that happened after the run started, so that the caller can
	 * find the run instead of starting another one.
	 * @param failure the failure
	 * @param run the run that was started
	 * @return the failure, carrying the run
	 */
	static Throwable withRun(Throwable failure, RunSlug run) {
		if (failure instanceof CoreClawException exception) {
			if (exception.getRunSlug() == null) {
				exception.setRunSlug(run);
			}
			return exception;
		}
		CoreClawException wrapped = new CoreClawException(
				"Run " + run + " was started, but following it failed: " + failure, failure);
		wrapped.setRunSlug(run);
		return wrapped;
	}

	/**
	 * What one wait knows between reads.
	 */
	private static final class Wait {

		private int reads;

		private long seenChanges;

		private long abortingSince = -1;

		private volatile @Nullable WorkerRun last;

		private volatile @Nullable Throwable lastFailure;

	}

}
