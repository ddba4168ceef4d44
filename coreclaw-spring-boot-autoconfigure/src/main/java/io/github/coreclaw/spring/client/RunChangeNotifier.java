/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Tells the waits on a run that CoreClaw said the run changed (a callback arrived), so that they
 * read it at once. No lock is held while a wait is woken, and the wait's next read runs on the
 * polling scheduler, never on the thread that delivered the callback.
 */
final class RunChangeNotifier {

	private final ConcurrentHashMap<RunSlug, Set<Listener>> listeners = new ConcurrentHashMap<>();

	/**
	 * Wake every wait on the run.
	 * @param run the run that changed
	 */
	void runChanged(RunSlug run) {
		Set<Listener> waiting = this.listeners.get(run);
		if (waiting != null) {
			for (Listener listener : waiting) {
				listener.changed();
			}
		}
	}

	/**
	 * Listen for changes of the run until {@link Listener#close()}.
	 * @param run the run
	 * @return the listener
	 */
	Listener listen(RunSlug run) {
		Listener listener = new Listener(run);
		this.listeners.compute(run, (key, set) -> {
			Set<Listener> result = (set != null) ? set : ConcurrentHashMap.newKeySet();
			result.add(listener);
			return result;
		});
		return listener;
	}

	/**
	 * The changes of one run seen by one wait: a count, so that a change that arrives while a
	 * read is in flight is not lost.
	 */
	final class Listener implements AutoCloseable {

		private final RunSlug run;

		private final AtomicLong changes = new AtomicLong();

		private volatile @Nullable Runnable wake;

		private Listener(RunSlug run) {
			this.run = run;
		}

		/**
		 * How many changes were seen so far.
		 * @return the count
		 */
		long changes() {
			return this.changes.get();
		}

		private void changed() {
			this.changes.incrementAndGet();
			Runnable current = this.wake;
			if (current != null) {
				current.run();
			}
		}

		/**
		 * Complete as soon as a change after the given count is seen, on the given scheduler.
		 * @param seen the count the caller has already acted on
		 * @param scheduler where the completion is delivered
		 * @return completion on the next change
		 */
		Mono<Void> nextChange(long seen, Scheduler scheduler) {
			Mono<Void> next = Mono.create((sink) -> {
				Runnable wakeUp = sink::success;
				this.wake = wakeUp;
				sink.onDispose(() -> {
					if (this.wake == wakeUp) {
						this.wake = null;
					}
				});
				if (this.changes.get() > seen) {
					sink.success();
				}
			});
			return next.publishOn(scheduler);
		}

		@Override
		public void close() {
			this.wake = null;
			RunChangeNotifier.this.listeners.computeIfPresent(this.run, (key, set) -> {
				set.remove(this);
				return set.isEmpty() ? null : set;
			});
		}

	}

}
