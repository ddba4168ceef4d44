/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands finished tracked runs to the {@link TrackedRunHandler}s: claims a run, reads it from
 * CoreClaw (the source of truth), and, once it has finished, runs the handlers and marks it
 * handled, in one transaction when a {@link TransactionTemplate} on the tracking
 * {@code DataSource} is given; {@link #reconcile()} does the same for the oldest open runs, on one
 * instance at a time.
 * <p>
 * JDBC work and the handlers run on {@code Schedulers.boundedElastic()}, never on the caller's
 * thread; the waits between reconciliation reads and before a retry run on a timer scheduler,
 * {@code Schedulers.parallel()} unless another is given.
 *
 * @since 0.1.0
 */
public class TrackedRunProcessor implements DisposableBean {

	/** Name of the lock that lets one instance at a time reconcile. */
	public static final String RECONCILE_LOCK = "reconcile";

	private static final Log logger = LogFactory.getLog(TrackedRunProcessor.class);

	private final JdbcTrackedRunStore store;

	private final WorkerRunOperations workerRuns;

	private final List<TrackedRunHandler> handlers;

	private final @Nullable TransactionTemplate transaction;

	private final Settings settings;

	private final String instance = UUID.randomUUID().toString();

	private final Scheduler blocking = Schedulers.boundedElastic();

	private final Scheduler timer;

	private final Disposable.Composite retries = Disposables.composite();

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong failedAttempts = new AtomicLong();

	private final AtomicLong failedToHandle = new AtomicLong();

	/**
	 * Create a processor.
	 * @param store the tracking table
	 * @param workerRuns the operations that read runs from CoreClaw
	 * @param handlers the handlers, in order
	 * @param transaction the transaction of the handlers and the "handled" update, {@code null} when
	 * the application has no transaction manager on the tracking {@code DataSource}
	 * @param settings the leases, attempts and pace
	 */
	public TrackedRunProcessor(JdbcTrackedRunStore store, WorkerRunOperations workerRuns,
			List<TrackedRunHandler> handlers, @Nullable TransactionTemplate transaction, Settings settings) {
		this(store, workerRuns, handlers, transaction, settings, Schedulers.parallel());
	}

	/**
	 * Create a processor whose waits (between reconciliation reads, before a retry) run on a given
	 * scheduler.
	 * @param store the tracking table
	 * @param workerRuns the operations that read runs from CoreClaw
	 * @param handlers the handlers, in order
	 * @param transaction the transaction of the handlers and the "handled" update, {@code null} when
	 * the application has no transaction manager on the tracking {@code DataSource}
	 * @param settings the leases, attempts and pace
	 * @param timer the scheduler of the waits, normally {@code Schedulers.parallel()}
	 */
	public TrackedRunProcessor(JdbcTrackedRunStore store, WorkerRunOperations workerRuns,
			List<TrackedRunHandler> handlers, @Nullable TransactionTemplate transaction, Settings settings,
			Scheduler timer) {
		this.timer = timer;
		this.store = store;
		this.workerRuns = workerRuns;
		this.handlers = List.copyOf(handlers);
		this.transaction = transaction;
		this.settings = settings;
	}

	/**
	 * Handle a run now if it is tracked, open, not claimed elsewhere and finished (as after a
	 * callback); a run waiting for its next attempt after a failed one is left to wait.
	 * @param run the run
	 * @return what happened
	 */
	public Mono<Outcome> process(RunSlug run) {
		return process(run, false);
	}

	private Mono<Outcome> process(RunSlug run, boolean onlyWhenDue) {
		return Mono.fromCallable(() -> this.store.claim(run, this.settings.lease(), onlyWhenDue))
			.subscribeOn(this.blocking)
			.flatMap((claim) -> claim.map(this::read).orElseGet(() -> Mono.just(Outcome.NOT_CLAIMED)));
	}

	private Mono<Outcome> read(JdbcTrackedRunStore.Claim claim) {
		return this.workerRuns.getRun(claim.run())
			.publishOn(this.blocking)
			.map((state) -> state.finished() ? handle(claim, state) : notFinished(claim))
			.onErrorResume((ex) -> Mono.fromCallable(() -> {
				if (ex instanceof CoreClawNotFoundException) {
					// CoreClaw does not know the run (deleted, or another account's): reading it again
					// would never end, so it is failed-to-handle, where the health indicator shows it.
					if (!this.store.markAttemptFailed(claim, claim.attempts(), null,
							ex.getClass().getName() + ": " + ex.getMessage())) {
						logger.warn("Tracked run " + claim.run() + " (" + claim.label() + ") is unknown to CoreClaw, "
								+ "but its claim ended before that was recorded; whoever claimed it since reads it again");
						return Outcome.LOST_CLAIM;
					}
					logger.error("Tracked run " + claim.run() + " (" + claim.label() + ") is unknown to CoreClaw; it "
							+ "is failed-to-handle: " + ex.getMessage());
					this.failedToHandle.incrementAndGet();
					return Outcome.FAILED_TO_HANDLE;
				}
				logger.warn("Could not read tracked run " + claim.run() + " from CoreClaw; it is read again later: "
						+ ex.getMessage());
				this.store.release(claim, this.settings.recheck());
				return Outcome.READ_FAILED;
			}).subscribeOn(this.blocking));
	}

	private Outcome notFinished(JdbcTrackedRunStore.Claim claim) {
		this.store.release(claim, this.settings.recheck());
		return Outcome.NOT_FINISHED;
	}

	private Outcome handle(JdbcTrackedRunStore.Claim claim, WorkerRun state) {
		TrackedRun run = new TrackedRun(claim.run(), claim.label(), claim.startedBy(), state, claim.startedAt());
		try {
			if (this.transaction != null) {
				this.transaction.executeWithoutResult((status) -> {
					callHandlers(run);
					if (!this.store.markHandled(claim)) {
						// Another instance took the run over after the lease ended: undo this handling.
						throw new LostClaimException(claim.run());
					}
				});
			}
			else {
				callHandlers(run);
				if (!this.store.markHandled(claim)) {
					logger.warn("Tracked run " + claim.run() + " was handled after its claim ended (coreclaw.tracking.lease "
							+ "is shorter than the handlers take): another instance may handle it too");
					return Outcome.LOST_CLAIM;
				}
			}
			this.handled.incrementAndGet();
			return Outcome.HANDLED;
		}
		catch (LostClaimException ex) {
			logger.warn(ex.getMessage());
			return Outcome.LOST_CLAIM;
		}
		catch (RuntimeException | Error ex) {
			return failed(claim, ex);
		}
	}

	private void callHandlers(TrackedRun run) {
		for (TrackedRunHandler handler : this.handlers) {
			try {
				handler.handle(run);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new HandlerException(ex);
			}
		}
	}

	private Outcome failed(JdbcTrackedRunStore.Claim claim, Throwable failure) {
		Throwable ex = (failure instanceof HandlerException) ? failure.getCause() : failure;
		int attempts = claim.attempts() + 1;
		String error = ex.getClass().getName() + ": " + ex.getMessage();
		boolean last = attempts >= this.settings.handlerAttempts();
		Duration backoff = last ? null : backoff(attempts);
		if (!this.store.markAttemptFailed(claim, attempts, backoff, error)) {
			// The lease ended during the handling: the attempt is the new claim's to count and retry.
			logger.warn("Handling tracked run " + claim.run() + " (" + claim.label() + ") failed after its claim "
					+ "ended; whoever claimed it since handles it", ex);
			return Outcome.LOST_CLAIM;
		}
		this.failedAttempts.incrementAndGet();
		if (last) {
			logger.error("Tracked run " + claim.run() + " (" + claim.label() + ") failed to be handled after "
					+ attempts + " attempts; it is handed out again only once reopened", ex);
			this.failedToHandle.incrementAndGet();
			return Outcome.FAILED_TO_HANDLE;
		}
		logger.warn("Handling tracked run " + claim.run() + " (" + claim.label() + ") failed (attempt " + attempts
				+ " of " + this.settings.handlerAttempts() + "); it is tried again in " + backoff, ex);
		this.retries.add(Mono.delay(backoff, this.timer)
			.flatMap((tick) -> process(claim.run(), true))
			.subscribe(null, (retryFailure) -> logger.warn("Retrying tracked run " + claim.run() + " failed", retryFailure)));
		return Outcome.HANDLER_FAILED;
	}

	/**
	 * The wait after a given number of failed attempts: the backoff, doubled after each further
	 * failure.
	 * @param attempts the failed attempts, 1 or more
	 * @return the wait
	 */
	Duration backoff(int attempts) {
		Duration backoff = this.settings.handlerBackoff();
		for (int i = 1; i < attempts && backoff.compareTo(Duration.ofDays(1)) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return backoff;
	}

	/**
	 * Reconcile once: unless another instance is reconciling, read the oldest open runs that are
	 * due from CoreClaw, one after the other at most one read per
	 * {@link Settings#requestInterval()}, and handle those that finished.
	 * @return how many runs were read, 0 when another instance holds the reconciliation lock
	 */
	public Mono<Integer> reconcile() {
		return Mono.usingWhen(
				renewLock(),
				(locked) -> locked ? readDue() : Mono.just(0),
				(locked) -> locked ? unlock() : Mono.empty());
	}

	private Mono<Integer> readDue() {
		return Mono.fromCallable(() -> this.store.due(this.settings.reconcileBatch()))
			.subscribeOn(this.blocking)
			.flatMapMany(Flux::fromIterable)
			// The lock is renewed before each read: a pass whose handlers outlasted the lease, and whose
			// lock another instance took meanwhile, stops (-1) instead of reconciling beside it.
			.concatMap((run) -> renewLock()
				.flatMap((held) -> held ? process(run, true).flatMap(this::paced) : Mono.just(-1)))
			.takeWhile((read) -> read >= 0)
			.reduce(0, Integer::sum);
	}

	private Mono<Boolean> renewLock() {
		return Mono.fromCallable(() -> this.store.tryLock(RECONCILE_LOCK, this.instance, this.settings.lease()))
			.subscribeOn(this.blocking);
	}

	private Mono<Integer> paced(Outcome outcome) {
		if (outcome == Outcome.NOT_CLAIMED) {
			return Mono.just(0);
		}
		Duration interval = this.settings.requestInterval();
		return interval.isZero() ? Mono.just(1) : Mono.delay(interval, this.timer).thenReturn(1);
	}

	private Mono<Void> unlock() {
		return Mono.<Void>fromRunnable(() -> this.store.unlock(RECONCILE_LOCK, this.instance)).subscribeOn(this.blocking);
	}

	/**
	 * How many handlings succeeded on this instance.
	 * @return the count
	 */
	public long handledCount() {
		return this.handled.get();
	}

	/**
	 * How many handling attempts failed on this instance.
	 * @return the count
	 */
	public long failedAttemptCount() {
		return this.failedAttempts.get();
	}

	/**
	 * How many runs this instance marked failed-to-handle.
	 * @return the count
	 */
	public long failedToHandleCount() {
		return this.failedToHandle.get();
	}

	/**
	 * Stop the retries that wait for their backoff; reconciliation finds those runs later.
	 */
	@Override
	public void destroy() {
		this.retries.dispose();
	}

	/**
	 * What processing a run did.
	 *
	 * @since 0.1.0
	 */
	public enum Outcome {

		/** The run is not tracked, not open, not due, or claimed by another instance. */
		NOT_CLAIMED,

		/** The run has not finished; it is read again later. */
		NOT_FINISHED,

		/** CoreClaw could not be read; the run is read again later. */
		READ_FAILED,

		/** The handlers handled the run and it is marked handled. */
		HANDLED,

		/** A handler failed; the run is tried again after the backoff. */
		HANDLER_FAILED,

		/** A handler failed for the last allowed attempt: the run is failed-to-handle. */
		FAILED_TO_HANDLE,

		/** The lease ended during the handling and another instance took the run over. */
		LOST_CLAIM

	}

	/**
	 * Leases, attempts and pace of a processor.
	 *
	 * @param lease how long a claim and the reconciliation lock hold
	 * @param handlerAttempts how many times the handlers are tried on a run before it is failed-to-handle
	 * @param handlerBackoff the wait after the first failed attempt, doubled after each further one
	 * @param recheck how long an unfinished run waits before reconciliation reads it again
	 * @param reconcileBatch how many runs one reconciliation reads at most
	 * @param requestInterval the shortest time between two reads of one reconciliation
	 * @since 0.1.0
	 */
	public record Settings(Duration lease, int handlerAttempts, Duration handlerBackoff, Duration recheck,
			int reconcileBatch, Duration requestInterval) {

	}

	private static final class HandlerException extends RuntimeException {

		HandlerException(Exception cause) {
			super(cause);
		}

	}

	private static final class LostClaimException extends RuntimeException {

		LostClaimException(RunSlug run) {
			super("Tracked run " + run + " was taken over by another instance after coreclaw.tracking.lease ended "
					+ "during its handling; this handling was rolled back");
		}

	}

}
