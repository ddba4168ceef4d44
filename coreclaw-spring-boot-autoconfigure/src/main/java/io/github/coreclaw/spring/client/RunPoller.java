/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.coreclaw.spring.client.internal.Durations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Waits for a run to finish by reading it again and again, woken early by callbacks, tolerant of
 * transient read failures until the caller's deadline.
 * <p>
 * Each wait is one small object ({@link Wait}) that holds what it knows between reads and at most
 * two timers (the next read and the deadline); a read is a fresh subscription, so neither memory
 * nor the stack grows with the number of reads, and a waiting run costs well under a kilobyte
 * (goal 2 of {@code coreclaw-benchmarks}). Each pause is drawn at random within
 * {@code ±jitter} of the interval, never above the longest interval, so that the polls of runs
 * started together spread out instead of arriving in lockstep.
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
	 * Poll the run until it is done or the timeout expires. The first read happens on the
	 * subscribing thread, the next ones on the polling scheduler ({@link Schedulers#parallel()},
	 * taken at subscription so that tests under virtual time get the virtual one).
	 * @param run the run
	 * @param timeout how long to wait at most
	 * @return the run's final state
	 */
	Mono<WorkerRun> await(RunSlug run, Duration timeout) {
		return Mono.create((sink) -> new Wait(run, timeout, sink, Schedulers.parallel()).start());
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
	 * One wait: what it knows between reads, its timers and the read in flight. Every change of
	 * state happens under its lock; the sink, the reads and the timers are called outside it.
	 */
	private final class Wait implements CoreSubscriber<WorkerRun>, RunChangeNotifier.Listener, Runnable, Disposable {

		private final RunSlug run;

		private final Duration timeout;

		private final MonoSink<WorkerRun> sink;

		private final Scheduler scheduler;

		private final AtomicLong changes = new AtomicLong();

		private int reads;

		private long seenChanges;

		private long abortingSince = -1;

		private @Nullable RunStatus lastStatus;

		private @Nullable Throwable lastFailure;

		private boolean reading;

		private boolean answered;

		private boolean done;

		private @Nullable Disposable nextRead;

		private @Nullable Disposable deadline;

		private @Nullable Subscription readInFlight;

		private @Nullable Disposable abortInFlight;

		Wait(RunSlug run, Duration timeout, MonoSink<WorkerRun> sink, Scheduler scheduler) {
			this.run = run;
			this.timeout = timeout;
			this.sink = sink;
			this.scheduler = scheduler;
		}

		void start() {
			this.sink.onDispose(this);
			RunPoller.this.notifier.listen(this.run, this);
			Disposable timer = this.scheduler.schedule(this::deadlineReached, this.timeout.toNanos(),
					TimeUnit.NANOSECONDS);
			synchronized (this) {
				if (this.done) {
					timer.dispose();
					return;
				}
				this.deadline = timer;
			}
			run();
		}

		/** Read the run now (the first read, or the timer of the next one fired). */
		@Override
		public void run() {
			synchronized (this) {
				if (this.done || this.reading) {
					return;
				}
				this.reading = true;
				this.answered = false;
				this.nextRead = null;
				this.reads++;
				this.seenChanges = this.changes.get();
			}
			RunPoller.this.read.apply(this.run).subscribe(this);
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			boolean cancel;
			synchronized (this) {
				cancel = this.done;
				this.readInFlight = cancel ? null : subscription;
			}
			if (cancel) {
				subscription.cancel();
			}
			else {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(WorkerRun state) {
			boolean finished;
			synchronized (this) {
				if (this.done) {
					return;
				}
				this.answered = true;
				this.lastStatus = state.status();
				this.lastFailure = null;
				finished = isDone(state, this, this.scheduler);
				if (finished) {
					this.done = true;
				}
			}
			if (finished) {
				this.sink.success(state);
			}
			else {
				readAgain();
			}
		}

		@Override
		public void onError(Throwable failure) {
			if (isTransient(failure)) {
				synchronized (this) {
					if (this.done) {
						return;
					}
					this.lastFailure = failure;
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Reading run " + this.run + " failed; trying again at the next poll: "
							+ failure.getMessage());
				}
				readAgain();
				return;
			}
			synchronized (this) {
				if (this.done) {
					return;
				}
				this.done = true;
			}
			this.sink.error(failure);
		}

		@Override
		public void onComplete() {
			boolean empty;
			synchronized (this) {
				empty = !this.done && !this.answered;
			}
			if (empty) {
				readAgain();
			}
		}

		/** Plan the next read: at once (on the scheduler) if CoreClaw said the run changed meanwhile. */
		private void readAgain() {
			Duration pause;
			synchronized (this) {
				if (this.done || !this.reading) {
					return;
				}
				this.reading = false;
				this.readInFlight = null;
				pause = (this.changes.get() > this.seenChanges) ? Duration.ZERO : pauseAfter(this.reads);
			}
			if (logger.isDebugEnabled()) {
				RunStatus status = (this.lastStatus != null) ? this.lastStatus : RunStatus.UNKNOWN;
				logger.debug("Run " + this.run + " is " + status + "; reading it again in " + Durations.format(pause));
			}
			plan(pause);
		}

		private void plan(Duration pause) {
			Disposable timer = this.scheduler.schedule(this, pause.toNanos(), TimeUnit.NANOSECONDS);
			synchronized (this) {
				if (!this.done && !this.reading && this.nextRead == null) {
					this.nextRead = timer;
					return;
				}
			}
			timer.dispose();
		}

		/** CoreClaw said the run changed: read it at once unless a read is in flight. */
		@Override
		public void changed() {
			this.changes.incrementAndGet();
			Disposable planned;
			synchronized (this) {
				if (this.done || this.reading || this.nextRead == null) {
					// A read in flight is followed by another one at once (see readAgain).
					return;
				}
				planned = this.nextRead;
				this.nextRead = null;
			}
			planned.dispose();
			plan(Duration.ZERO);
		}

		private void deadlineReached() {
			Subscription read;
			Disposable planned;
			RunStatus status;
			Throwable failure;
			synchronized (this) {
				if (this.done) {
					return;
				}
				this.done = true;
				read = this.readInFlight;
				planned = this.nextRead;
				status = this.lastStatus;
				failure = this.lastFailure;
			}
			if (read != null) {
				read.cancel();
			}
			if (planned != null) {
				planned.dispose();
			}
			CoreClawRunTimeoutException ex = timedOut(this.run, status, failure, this.timeout);
			if (!RunPoller.this.polling.abortOnTimeout()) {
				this.sink.error(ex);
				return;
			}
			Disposable aborting = RunPoller.this.abort.apply(this.run).subscribe(null, (abortFailure) -> {
				ex.addSuppressed(abortFailure);
				this.sink.error(ex);
			}, () -> this.sink.error(ex));
			synchronized (this) {
				this.abortInFlight = aborting;
			}
		}

		/** The wait ended or its subscriber cancelled: release everything it holds. */
		@Override
		public void dispose() {
			Subscription read;
			Disposable planned;
			Disposable timer;
			Disposable aborting;
			synchronized (this) {
				this.done = true;
				read = this.readInFlight;
				planned = this.nextRead;
				timer = this.deadline;
				aborting = this.abortInFlight;
				this.readInFlight = null;
				this.nextRead = null;
				this.deadline = null;
				this.abortInFlight = null;
			}
			RunPoller.this.notifier.stopListening(this.run, this);
			if (read != null) {
				read.cancel();
			}
			if (planned != null) {
				planned.dispose();
			}
			if (timer != null) {
				timer.dispose();
			}
			if (aborting != null && !aborting.isDisposed()) {
				aborting.dispose();
			}
		}

		@Override
		public synchronized boolean isDisposed() {
			return this.done;
		}

		@Override
		public Context currentContext() {
			return Context.of(this.sink.contextView());
		}

	}

}
