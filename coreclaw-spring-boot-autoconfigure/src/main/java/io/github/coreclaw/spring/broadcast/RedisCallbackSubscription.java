/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.broadcast;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts and stops the listener container that subscribes the {@link RedisCallbackBroadcast} to
 * its channel, so that a Redis that does not answer at startup does not stop the application:
 * the first subscription is tried during startup, and when it fails a warning is logged and it
 * is tried again in the background, with a backoff from 5 seconds up to 1 minute, until it
 * succeeds or the application stops. Meanwhile waits poll, as they do without the broadcast.
 * Once subscribed, the container itself recovers from a lost connection.
 * <p>
 * The container must not start by itself ({@code autoStartup=false}).
 *
 * @since 0.1.0
 */
public final class RedisCallbackSubscription implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisCallbackSubscription.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

	private final RedisMessageListenerContainer container;

	private final Duration firstRetry;

	private volatile boolean running;

	private volatile @Nullable Disposable retrying;

	/**
	 * Create the subscription of a container that does not start by itself.
	 * @param container the container, with the broadcast added as a listener of its channel
	 */
	public RedisCallbackSubscription(RedisMessageListenerContainer container) {
		this(container, FIRST_RETRY);
	}

	/**
	 * Create the subscription, trying again after the given time at first.
	 */
	RedisCallbackSubscription(RedisMessageListenerContainer container, Duration firstRetry) {
		if (container == null) {
			throw new IllegalArgumentException("container must not be null");
		}
		if (container.isAutoStartup()) {
			throw new IllegalArgumentException("container must not start by itself (autoStartup must be false)");
		}
		this.container = container;
		this.firstRetry = firstRetry;
	}

	@Override
	public void start() {
		this.running = true;
		try {
			subscribe();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not subscribe to Redis channel " + RedisCallbackBroadcast.CHANNEL
					+ "; trying again in the background, waits poll meanwhile: " + ex.getMessage());
			this.retrying = Mono.fromRunnable(this::subscribe)
				.subscribeOn(Schedulers.boundedElastic())
				.retryWhen(Retry.backoff(Long.MAX_VALUE, this.firstRetry)
					.maxBackoff(LONGEST_RETRY)
					.filter((failure) -> this.running))
				.delaySubscription(this.firstRetry)
				.subscribe(null, (failure) -> {
				}, () -> logger.info("Subscribed to Redis channel " + RedisCallbackBroadcast.CHANNEL));
		}
	}

	/**
	 * Start the container, and stop it again when that fails, so that the next try starts it
	 * anew.
	 */
	private void subscribe() {
		if (!this.running) {
			return;
		}
		try {
			this.container.start();
		}
		catch (RuntimeException ex) {
			this.container.stop();
			throw ex;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Disposable retrying = this.retrying;
		if (retrying != null) {
			retrying.dispose();
		}
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether the broadcast's channel is subscribed to.
	 * @return whether messages of the channel reach the broadcast
	 */
	public boolean isSubscribed() {
		return this.container.isListening();
	}

}
