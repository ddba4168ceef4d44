/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The start of a run whose options ask for tracking: it completes only once the client's
 * {@link RunTracker} has recorded the run.
 */
final class TrackedStart {

	private TrackedStart() {
	}

	/**
	 * Record the run a start answers with before the start completes, when its options track it;
	 * checked before anything is sent.
	 * @param client the client, whose tracker records the run
	 * @param options the run options
	 * @param startedBy what starts the run, recorded with it
	 * @param start the start, not yet subscribed
	 * @return the start, recording the run when tracked
	 */
	static Mono<RunSlug> start(CoreClawClient client, @Nullable RunOptions options, String startedBy,
			Mono<RunSlug> start) {
		String label = (options != null) ? options.trackLabel() : null;
		if (label == null) {
			return start;
		}
		RunTracker tracker = check(client, options);
		return start.flatMap((run) -> Mono.defer(() -> tracker.record(run, label, startedBy)).onErrorMap((ex) -> {
			CoreClawException notRecorded = new CoreClawException("Run " + run + " (" + startedBy + ") was started, "
					+ "but could not be recorded for tracking under label \"" + label + "\": it will not be handed to "
					+ "the tracked-run handlers; record it again or handle it yourself", ex);
			notRecorded.setRunSlug(run);
			return notRecorded;
		}).thenReturn(run));
	}

	/**
	 * Check that a client can record the runs its options track, before anything is sent.
	 * @param client the client, whose tracker records the runs
	 * @param options the run options
	 * @return the tracker, or {@code null} when the options track nothing
	 */
	static @Nullable RunTracker check(CoreClawClient client, @Nullable RunOptions options) {
		String label = (options != null) ? options.trackLabel() : null;
		if (label == null) {
			return null;
		}
		RunTracker tracker = client.runTracker();
		if (tracker == null) {
			throw new IllegalArgumentException("options track the run (label \"" + label + "\"), but the client has "
					+ "no RunTracker to record it: set coreclaw.tracking.enabled=true (with a DataSource), or give "
					+ "CoreClawClient.Builder.runTracker(...) one; nothing was sent");
		}
		return tracker;
	}

	/**
	 * Refuse tracking on an operation that does not start a run to track asynchronously; nothing is
	 * sent.
	 * @param options the run options
	 * @param operation the operation, such as {@code runSync}
	 */
	static void refuse(@Nullable RunOptions options, String operation) {
		if (options != null && options.trackLabel() != null) {
			throw new IllegalArgumentException("options track the run (label \"" + options.trackLabel() + "\"), but "
					+ operation + " cannot track runs: use runAsync, runAndAwait or rerunAsync; nothing was sent");
		}
	}

}
