/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.broadcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link RedisCallbackSubscription}, under virtual time, with a container that fails to
 * subscribe as many times as told.
 */
@ExtendWith(OutputOnFailure.class)
class RedisCallbackSubscriptionTests {

	private VirtualTimeScheduler time;

	@BeforeEach
	void virtualTime() {
		this.time = VirtualTimeScheduler.getOrSet();
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void aRedisThatAnswersIsSubscribedToDuringStartup() {
		FlakyContainer container = new FlakyContainer(0);
		RedisCallbackSubscription subscription = new RedisCallbackSubscription(container);
		subscription.start();
		assertThat(subscription.isSubscribed()).isTrue();
		assertThat(container.calls).containsExactly("start");
		subscription.stop();
		assertThat(subscription.isRunning()).isFalse();
		assertThat(container.calls).containsExactly("start", "stop");
	}

	@Test
	void aRedisThatDoesNotAnswerAtStartupIsSubscribedToWhenItDoes() {
		FlakyContainer container = new FlakyContainer(3);
		RedisCallbackSubscription subscription = new RedisCallbackSubscription(container, Duration.ofSeconds(5));
		subscription.start();
		// Startup goes on: the application runs, its waits poll.
		assertThat(subscription.isRunning()).isTrue();
		assertThat(subscription.isSubscribed()).isFalse();
		assertThat(container.calls).containsExactly("start failed", "stop");
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(container.calls).hasSize(2);
		this.time.advanceTimeBy(Duration.ofMinutes(3));
		assertThat(container.calls).containsExactly("start failed", "stop", "start failed", "stop", "start failed",
				"stop", "start");
		assertThat(subscription.isSubscribed()).isTrue();
		this.time.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(container.calls).hasSize(7);
		subscription.stop();
	}

	@Test
	void stoppingEndsTheTries() {
		FlakyContainer container = new FlakyContainer(Integer.MAX_VALUE);
		RedisCallbackSubscription subscription = new RedisCallbackSubscription(container, Duration.ofSeconds(5));
		subscription.start();
		subscription.stop();
		this.time.advanceTimeBy(Duration.ofHours(1));
		assertThat(container.calls).containsExactly("start failed", "stop", "stop");
		assertThat(subscription.isRunning()).isFalse();
	}

	@Test
	void aContainerThatStartsByItselfIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisCallbackSubscription(new RedisMessageListenerContainer()))
			.withMessage("container must not start by itself (autoStartup must be false)");
	}

	/**
	 * A container that fails to start the given number of times, then starts.
	 */
	static final class FlakyContainer extends RedisMessageListenerContainer {

		final List<String> calls = new ArrayList<>();

		private int failures;

		private boolean listening;

		FlakyContainer(int failures) {
			this.failures = failures;
			setAutoStartup(false);
		}

		@Override
		public void start() {
			if (this.failures > 0) {
				this.failures--;
				this.calls.add("start failed");
				throw new RedisConnectionFailureException("Unable to connect to Redis");
			}
			this.calls.add("start");
			this.listening = true;
		}

		@Override
		public void stop() {
			this.calls.add("stop");
			this.listening = false;
		}

		@Override
		public boolean isListening() {
			return this.listening;
		}

	}

}
