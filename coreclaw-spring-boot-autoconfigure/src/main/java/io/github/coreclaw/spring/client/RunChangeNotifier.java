/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the waits on a run that CoreClaw said the run changed (a callback arrived), so that they
 * read it at once. No lock is held while a wait is told, and a wait does not read the run on the
 * thread that delivered the callback.
 * <p>
 * A run that one wait follows costs one map entry holding that wait; several waits on the same
 * run share an array that is replaced, never changed, when one of them comes or goes.
 */
final class RunChangeNotifier {

	/** Per run: the {@link Listener} waiting, or a {@code Listener[]} when there are several. */
	private final ConcurrentHashMap<RunSlug, Object> listeners = new ConcurrentHashMap<>();

	/**
	 * Tell every wait on the run.
	 * @param run the run that changed
	 */
	void runChanged(RunSlug run) {
		Object waiting = this.listeners.get(run);
		if (waiting instanceof Listener listener) {
			listener.changed();
		}
		else if (waiting instanceof Listener[] several) {
			for (Listener listener : several) {
				listener.changed();
			}
		}
	}

	/**
	 * Tell the listener about changes of the run until {@link #stopListening}.
	 * @param run the run
	 * @param listener the listener
	 */
	void listen(RunSlug run, Listener listener) {
		this.listeners.merge(run, listener, (current, added) -> {
			Listener[] before = (current instanceof Listener[] several) ? several
					: new Listener[] { (Listener) current };
			Listener[] after = Arrays.copyOf(before, before.length + 1);
			after[before.length] = (Listener) added;
			return after;
		});
	}

	/**
	 * Stop telling the listener about changes of the run; nothing happens if it was not listening.
	 * @param run the run
	 * @param listener the listener
	 */
	void stopListening(RunSlug run, Listener listener) {
		this.listeners.computeIfPresent(run, (key, current) -> {
			if (current == listener) {
				return null;
			}
			if (!(current instanceof Listener[] several)) {
				return current;
			}
			int index = Arrays.asList(several).indexOf(listener);
			if (index < 0) {
				return current;
			}
			if (several.length == 2) {
				return several[1 - index];
			}
			Listener[] after = new Listener[several.length - 1];
			System.arraycopy(several, 0, after, 0, index);
			System.arraycopy(several, index + 1, after, index, several.length - index - 1);
			return after;
		});
	}

	/**
	 * Whether anything listens to the run, for tests.
	 * @param run the run
	 * @return whether a listener is registered
	 */
	boolean isListened(RunSlug run) {
		return this.listeners.containsKey(run);
	}

	/**
	 * Told that a run changed; called on the thread that delivered the callback, so it must
	 * return quickly and must not read the run there.
	 */
	interface Listener {

		/**
		 * The run changed.
		 */
		void changed();

	}

}
