/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.NonBlocking;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * The deadlines of the calls in flight, checked together by one sweep every few milliseconds
 * while calls are in flight, instead of a timer scheduled and cancelled for every call.
 * <p>
 * Registering a deadline is one append to a lock-free queue, moving or settling it one volatile
 * write, whatever the number of calls in flight. A sweep drops the settled deadlines and runs the
 * action of those that have passed, so an action runs at most one sweep interval late (a
 * sixteenth of the shortest timeout, between 1 ms and 100 ms); an action that throws does not
 * stop the others.
 */
final class Deadlines {

	private static final long MIN_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long MAX_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final class SharedScheduler {

		/**
		 * The sweeps of the deadlines of every client in the JVM: one daemon thread, which neither
		 * {@code Schedulers.setFactory} (virtual time in a test) nor {@code Schedulers.shutdownNow()}
		 * can replace or stop under calls in flight, and which ends after a minute without
		 * deadlines. It inherits no thread locals, and its context class loader is the starter's,
		 * so that it pins no application's class loader.
		 */
		static final Scheduler INSTANCE = Schedulers.fromExecutorService(executor(), "coreclaw-deadlines");

		private static ScheduledThreadPoolExecutor executor() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, SweepThread::new);
			executor.setKeepAliveTime(1, TimeUnit.MINUTES);
			executor.allowCoreThreadTimeOut(true);
			executor.setRemoveOnCancelPolicy(true);
			return executor;
		}

	}

	/**
	 * The thread of the sweeps: it runs no code of the callers (their timeouts are handed to
	 * Reactor's parallel scheduler), and blocking calls are refused on it as on Reactor's own.
	 */
	private static final class SweepThread extends Thread implements NonBlocking {

		SweepThread(Runnable task) {
			super(null, task, "coreclaw-deadlines", 0, false);
			setDaemon(true);
			setContextClassLoader(Deadlines.class.getClassLoader());
		}

	}

	private final Scheduler scheduler;

	private final LongSupplier clock;

	private final long sweepNanos;

	private final ConcurrentLinkedQueue<Deadline> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final Runnable sweep = this::sweep;

	/**
	 * Create the deadlines of calls whose timeouts are at least the given one, on the
	 * {@link System#nanoTime()} clock, swept by a thread shared by every client in the JVM.
	 * @param shortestTimeout the shortest timeout of the calls
	 * @return the deadlines
	 */
	static Deadlines sharedSweeper(Duration shortestTimeout) {
		return new Deadlines(shortestTimeout, SharedScheduler.INSTANCE, System::nanoTime);
	}

	/**
	 * Create the deadlines of calls whose timeouts are at least the given one.
	 * @param shortestTimeout the shortest timeout of the calls
	 * @param scheduler where the sweeps run
	 * @param clock the clock of the deadlines, in nanoseconds ({@code System::nanoTime})
	 */
	Deadlines(Duration shortestTimeout, Scheduler scheduler, LongSupplier clock) {
		this.scheduler = scheduler;
		this.clock = clock;
		this.sweepNanos = Math.max(MIN_SWEEP_NANOS, Math.min(MAX_SWEEP_NANOS, shortestTimeout.toNanos() / 16));
	}

	/**
	 * The time on the clock of the deadlines.
	 * @return the nanoseconds
	 */
	long now() {
		return this.clock.getAsLong();
	}

	/**
	 * Register a deadline.
	 * @param atNanos when it passes, on the clock of the deadlines ({@link #now()})
	 * @param onPassed what to run when it passes unsettled; it runs on a scheduler thread
	 * @return the deadline, to move or {@link Deadline#settle() settle}
	 */
	Deadline register(long atNanos, Runnable onPassed) {
		Deadline deadline = new Deadline(atNanos, onPassed);
		this.pending.offer(deadline);
		if (!this.sweeping.get() && this.sweeping.compareAndSet(false, true)) {
			scheduleSweep();
		}
		return deadline;
	}

	private void scheduleSweep() {
		try {
			this.scheduler.schedule(this.sweep, this.sweepNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The scheduler is shutting down, and the calls with it.
			this.sweeping.set(false);
		}
	}

	private void sweep() {
		try {
			runPassed(now());
		}
		finally {
			sweepAgainIfPending();
		}
	}

	private void runPassed(long now) {
		for (Iterator<Deadline> deadlines = this.pending.iterator(); deadlines.hasNext();) {
			Deadline deadline = deadlines.next();
			Runnable onPassed = deadline.onPassed;
			if (onPassed == null) {
				deadlines.remove();
			}
			else if (now - deadline.at >= 0) {
				deadlines.remove();
				deadline.onPassed = null;
				try {
					onPassed.run();
				}
				catch (Throwable ex) {
					// What a caller's error handling threw must not stop the other deadlines.
					Exceptions.throwIfJvmFatal(ex);
					Operators.onErrorDropped(ex, Context.empty());
				}
			}
		}
	}

	private void sweepAgainIfPending() {
		if (!this.pending.isEmpty()) {
			scheduleSweep();
			return;
		}
		this.sweeping.set(false);
		// A deadline registered after the queue was found empty, but before sweeping was reset.
		if (!this.pending.isEmpty() && this.sweeping.compareAndSet(false, true)) {
			scheduleSweep();
		}
	}

	/**
	 * The deadlines registered and not yet swept away, for tests.
	 * @return how many there are
	 */
	int size() {
		return this.pending.size();
	}

	/**
	 * The deadline of one call.
	 */
	static final class Deadline {

		private volatile long at;

		private volatile @Nullable Runnable onPassed;

		private Deadline(long at, Runnable onPassed) {
			this.at = at;
			this.onPassed = onPassed;
		}

		/**
		 * Move the deadline.
		 * @param atNanos when it passes now, on the clock of the deadlines
		 */
		void moveTo(long atNanos) {
			this.at = atNanos;
		}

		/**
		 * The call ended: the deadline's action will not run, and the next sweep drops it.
		 */
		void settle() {
			this.onPassed = null;
		}

	}

}
