/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;

import io.github.coreclaw.spring.client.internal.Durations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for a run to finish by reading it again and again, woken early by callbacks, tolerant of
 * transient read failures until the caller's deadline.
 * <p>
 * A wait is a loop of Reactor operators around one small object ({@link Wait}) that holds what
 * it knows between reads: each read and each pause is a fresh subscription repeated by
 * {@link Mono#repeat()}, so neither memory nor the stack grows with the number of reads, and a
 * waiting run costs about a kilobyte (goal 2 of {@code coreclaw-benchmarks} allows 4 KB). Each
 * pause is drawn at random within {@code ±jitter} of the interval, never above the longest
 * interval, so that the polls of runs started together spread out instead of arriving in
 * lockstep.
 * <p>
 * The wait listens for callbacks from its subscription on and stops listening however it ends,
 * cancelled before it could start included ({@link Mono#using}). A callback that arrives while
 * no pause is under way is remembered and ends the next pause at once. The caller's deadline
 * ({@link Mono#timeout}) is never delayed: when the run is to be aborted on timeout, the abort
 * runs in the background, bounded by its own timeout, after the caller got its error.
 */
final class RunPoller {

	private static final Log logger = LogFactory.getLog(WorkerRunOperations.class);

	/** A callback arrived while no pause was under way: the next pause ends at once. */
	private static final Object WAKE_PENDING = new Object();

	private final Function<RunSlug, Mono<WorkerRun>> read;

	private final Function<RunSlug, Mono<Void>> abort;

	private final RunChangeNotifier notifier;

	private final CoreClawPollingSettings polling;

	private final Duration abortTimeout;

	/**
	 * Create a poller.
	 * @param read reads a run
	 * @param abort asks CoreClaw to abort a run
	 * @param notifier the callbacks of the client
	 * @param polling the polling settings
	 * @param abortTimeout how long an abort on timeout may take, its retries included
	 */
	RunPoller(Function<RunSlug, Mono<WorkerRun>> read, Function<RunSlug, Mono<Void>> abort,
			RunChangeNotifier notifier, CoreClawPollingSettings polling, Duration abortTimeout) {
		this.read = read;
		this.abort = abort;
		this.notifier = notifier;
		this.polling = polling;
		this.abortTimeout = abortTimeout;
	}

	/**
	 * Poll the run until it is done or the timeout expires. The first read happens on the
	 * subscribing thread, the next ones on the polling scheduler ({@link Schedulers#parallel()},
	 * taken at subscription so that tests under virtual time get the virtual one). The run is
	 * listened to for callbacks from the subscription until the wait ends, fails or is cancelled.
	 * @param run the run
	 * @param timeout how long to wait at most
	 * @return the run's final state
	 */
	Mono<WorkerRun> await(RunSlug run, Duration timeout) {
		return Mono.using(() -> listen(run), (wait) -> wait.poll(timeout), this::stopListening);
	}

	private Wait listen(RunSlug run) {
		Wait wait = new Wait(this, run, Schedulers.parallel());
		this.notifier.listen(run, wait);
		return wait;
	}

	private void stopListening(Wait wait) {
		this.notifier.stopListening(wait.run, wait);
	}

	/**
	 * Ask CoreClaw to abort a run whose wait timed out, in the background: the caller does not
	 * wait for it, and it is given up after the abort timeout; a failure is logged.
	 * @param run the run
	 * @param scheduler the scheduler of the abort timeout
	 */
	private void abortInBackground(RunSlug run, Scheduler scheduler) {
		Mono.defer(() -> this.abort.apply(run))
			.timeout(this.abortTimeout, scheduler)
			.subscribe(null, (failure) -> logger.warn(abortFailed(run, failure)), () -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Run " + run + " was asked to abort when its wait timed out");
				}
			});
	}

	private String abortFailed(RunSlug run, Throwable failure) {
		String asked = "Run " + run + " was asked to abort when its wait timed out, but ";
		if (failure instanceof TimeoutException) {
			return asked + "CoreClaw did not answer within " + Durations.format(this.abortTimeout)
					+ "; the run may go on at CoreClaw";
		}
		return asked + "the request failed, so the run may go on at CoreClaw: " + failure.getMessage();
	}

	/**
	 * The pause before the next read: the interval for the reads so far, drawn at random within
	 * {@code ±jitter} of it but never above the longest interval (a uniform draw between the
	 * lower bound and the cap, rather than a cut at the cap, which would put the cut-off share of
	 * every run's polls on the same instant).
	 * @param reads the reads so far
	 * @return the pause, at least 1 ms
	 */
	Duration pauseAfter(int reads) {
		long nominal = this.polling.intervalAfter(reads).toMillis();
		double jitter = this.polling.jitter();
		if (jitter <= 0) {
			return Duration.ofMillis(Math.max(1, nominal));
		}
		double low = nominal * (1 - jitter);
		double high = Math.min(nominal * (1 + jitter), this.polling.maxInterval().toMillis());
		long millis = Math.round(low + (high - low) * ThreadLocalRandom.current().nextDouble());
		return Duration.ofMillis(Math.max(1, millis));
	}

	private CoreClawRunTimeoutException timedOut(RunSlug run, @Nullable RunStatus lastStatus,
			@Nullable Throwable lastFailure, Duration timeout) {
		RunStatus status = (lastStatus != null) ? lastStatus : RunStatus.UNKNOWN;
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
		return ex;
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
	 * One wait: what it knows between reads, and the pause under way, if any. Its reads follow
	 * one another (each one is subscribed when the one before has ended), so only what a
	 * callback or the deadline reads is shared between threads.
	 */
	private static final class Wait implements RunChangeNotifier.Listener {

		private static final AtomicReferenceFieldUpdater<Wait, @Nullable Object> WAKE = AtomicReferenceFieldUpdater
			.newUpdater(Wait.class, Object.class, "wake");

		private final RunPoller poller;

		private final RunSlug run;

		private final Scheduler scheduler;

		private int reads;

		private boolean paused;

		private long abortingSince = -1;

		private volatile @Nullable RunStatus lastStatus;

		private volatile @Nullable Throwable lastFailure;

		/**
		 * {@code null}, {@link #WAKE_PENDING} when a callback arrived outside a pause, or the
		 * sink of the pause under way, which a callback ends.
		 */
		private volatile @Nullable Object wake;

		Wait(RunPoller poller, RunSlug run, Scheduler scheduler) {
			this.poller = poller;
			this.run = run;
			this.scheduler = scheduler;
		}

		/**
		 * Read the run, pause, read it again, and so on until it is done, a read fails for
		 * good, or the deadline comes. Each read and each pause is one turn of the loop, which
		 * goes on while they end empty.
		 */
		Mono<WorkerRun> poll(Duration timeout) {
			return Mono.defer(this::readOrPause)
				.repeat()
				.next()
				.timeout(timeout, Mono.defer(() -> timedOut(timeout)), this.scheduler);
		}

		/** The first read, then a pause after each read and a read after each pause. */
		private Mono<WorkerRun> readOrPause() {
			if (this.reads == 0 || this.paused) {
				this.paused = false;
				return read();
			}
			this.paused = true;
			long pause = this.poller.pauseAfter(this.reads).toNanos();
			if (logger.isDebugEnabled()) {
				RunStatus status = this.lastStatus;
				logger.debug("Run " + this.run + " is " + ((status != null) ? status : RunStatus.UNKNOWN)
						+ "; reading it again in " + Durations.format(Duration.ofNanos(pause)));
			}
			return Mono.create((sink) -> pause(sink, pause));
		}

		private Mono<WorkerRun> read() {
			// This read answers every callback so far; no pause is under way.
			this.wake = null;
			this.reads++;
			return this.poller.read.apply(this.run)
				.filter(this::isDone)
				.onErrorResume(RunPoller::isTransient, this::readFailed);
		}

		private boolean isDone(WorkerRun state) {
			this.lastStatus = state.status();
			this.lastFailure = null;
			if (state.status().isTerminal()) {
				return true;
			}
			if (state.status() != RunStatus.ABORTING) {
				this.abortingSince = -1;
				return false;
			}
			long now = this.scheduler.now(TimeUnit.MILLISECONDS);
			if (this.abortingSince < 0) {
				this.abortingSince = now;
			}
			return now - this.abortingSince >= this.poller.polling.abortingGrace().toMillis();
		}

		private Mono<WorkerRun> readFailed(Throwable failure) {
			this.lastFailure = failure;
			if (logger.isDebugEnabled()) {
				logger.debug("Reading run " + this.run + " failed; trying again at the next poll: "
						+ failure.getMessage());
			}
			return Mono.empty();
		}

		/**
		 * Pause for the given time on the polling scheduler, or until a callback arrives; not at
		 * all if one arrived since the last read began.
		 */
		private void pause(MonoSink<WorkerRun> sink, long pauseNanos) {
			for (;;) {
				Object current = this.wake;
				if (current == WAKE_PENDING) {
					if (WAKE.compareAndSet(this, WAKE_PENDING, null)) {
						sink.success();
						return;
					}
				}
				else if (WAKE.compareAndSet(this, current, sink)) {
					break;
				}
			}
			// A callback may end the pause from here on; the timer is then disposed at once.
			Disposable timer = this.scheduler.schedule(() -> {
				WAKE.compareAndSet(this, sink, null);
				sink.success();
			}, pauseNanos, TimeUnit.NANOSECONDS);
			sink.onDispose(() -> {
				timer.dispose();
				WAKE.compareAndSet(this, sink, null);
			});
		}

		/** CoreClaw said the run changed: end the pause under way, else the next one, at once. */
		@Override
		public void changed() {
			for (;;) {
				Object current = this.wake;
				if (current == WAKE_PENDING) {
					return;
				}
				if (current == null) {
					if (WAKE.compareAndSet(this, null, WAKE_PENDING)) {
						return;
					}
				}
				else if (WAKE.compareAndSet(this, current, null)) {
					// The next read runs on the polling scheduler, not on the thread of the callback.
					MonoSink<?> pause = (MonoSink<?>) current;
					this.scheduler.schedule(pause::success);
					return;
				}
			}
		}

		private Mono<WorkerRun> timedOut(Duration timeout) {
			CoreClawRunTimeoutException ex = this.poller.timedOut(this.run, this.lastStatus, this.lastFailure, timeout);
			if (this.poller.polling.abortOnTimeout()) {
				this.poller.abortInBackground(this.run, this.scheduler);
			}
			return Mono.error(ex);
		}

	}

}
