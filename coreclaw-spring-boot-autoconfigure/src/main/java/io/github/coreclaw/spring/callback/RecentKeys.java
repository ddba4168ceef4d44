/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.coreclaw.spring.client.CoreClawValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The keys claimed within the last window, oldest first, and at most a bound of them: a key is
 * forgotten when its window ends, or, once the bound is reached, when it is the oldest and a
 * new key comes in.
 * <p>
 * While fewer keys than the bound were claimed within the window, no key is forgotten before
 * its window ends. Claims are made in the order of a monotonic clock, so the oldest claims are
 * always at the head of the map and forgetting costs no scan.
 */
final class RecentKeys {

	private static final Log logger = LogFactory.getLog(CoreClawCallbackReceiver.class);

	private final Duration window;

	private final int maxKeys;

	private final LongSupplier nanoTime;

	/** When each key was claimed, in the order of the claims. */
	private final Map<String, Long> claims = new LinkedHashMap<>();

	private boolean overflowReported;

	/**
	 * Create an empty set of keys.
	 * @param window how long a key is remembered
	 * @param maxKeys most keys remembered at once
	 * @param nanoTime the monotonic clock
	 */
	RecentKeys(Duration window, int maxKeys, LongSupplier nanoTime) {
		this.window = window;
		this.maxKeys = maxKeys;
		this.nanoTime = nanoTime;
	}

	/**
	 * Claim a key that is not remembered: from now on it is, for one window.
	 * @param key the key
	 * @return the claim, to give to {@link #release}, or {@code null} if the key was claimed
	 * within the window
	 */
	synchronized @Nullable Long claim(String key) {
		long now = this.nanoTime.getAsLong();
		forgetExpired(now);
		if (this.claims.containsKey(key)) {
			return null;
		}
		while (this.claims.size() >= this.maxKeys) {
			forgetOldest();
		}
		Long claim = now;
		this.claims.put(key, claim);
		return claim;
	}

	/**
	 * Forget a key again, unless it has been claimed anew since.
	 * @param key the key
	 * @param claim what {@link #claim} returned for it
	 */
	synchronized void release(String key, Long claim) {
		this.claims.remove(key, claim);
	}

	/**
	 * How many keys are remembered now.
	 * @return the count
	 */
	synchronized int size() {
		forgetExpired(this.nanoTime.getAsLong());
		return this.claims.size();
	}

	private void forgetExpired(long now) {
		long windowNanos = this.window.toNanos();
		for (Iterator<Long> times = this.claims.values().iterator(); times.hasNext();) {
			if (now - times.next() < windowNanos) {
				return;
			}
			times.remove();
		}
	}

	private void forgetOldest() {
		Iterator<Long> times = this.claims.values().iterator();
		times.next();
		times.remove();
		if (!this.overflowReported) {
			this.overflowReported = true;
			logger.warn("More than " + this.maxKeys + " CoreClaw run callbacks (run and status pairs) arrived within "
					+ "the dedupe window of " + CoreClawValues.formatDuration(this.window) + ": the oldest are "
					+ "forgotten before their window ends, so a repeat of one of them is published again. Raise "
					+ "coreclaw.callback.dedupe-max-keys to remember more (logged once).");
		}
	}

}
