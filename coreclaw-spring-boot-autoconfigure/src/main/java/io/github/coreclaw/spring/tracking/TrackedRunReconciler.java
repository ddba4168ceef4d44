/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link TrackedRunProcessor#reconcile()} every interval while the application context
 * runs, one pass at a time, on a timer of {@code Flux.interval}.
 *
 * @since 0.1.0
 */
public class TrackedRunReconciler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrackedRunReconciler.class);

	private final TrackedRunProcessor processor;

	private final Duration interval;

	private final Scheduler timer;

	private volatile @Nullable Disposable passes;

	/**
	 * Create a reconciler.
	 * @param processor the processor whose reconciliation runs
	 * @param interval the time between two passes, the first one interval after the start
	 * @param timer the scheduler of the timer, normally {@code Schedulers.parallel()}
	 */
	public TrackedRunReconciler(TrackedRunProcessor processor, Duration interval, Scheduler timer) {
		this.processor = processor;
		this.interval = interval;
		this.timer = timer;
	}

	@Override
	public void start() {
		this.passes = Flux.interval(this.interval, this.interval, this.timer)
			.onBackpressureDrop()
			.concatMap((tick) -> this.processor.reconcile().onErrorResume((ex) -> {
				logger.warn("Reconciliation of tracked runs failed; it runs again in " + this.interval, ex);
				return Mono.just(0);
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable passes = this.passes;
		if (passes != null) {
			passes.dispose();
			this.passes = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.passes != null;
	}

}
