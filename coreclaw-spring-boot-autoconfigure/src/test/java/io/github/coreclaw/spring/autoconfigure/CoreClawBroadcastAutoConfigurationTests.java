/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.broadcast.RedisCallbackBroadcast;
import io.github.coreclaw.spring.broadcast.RedisCallbackSubscription;
import io.github.coreclaw.spring.client.CoreClawStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Tests of {@link CoreClawBroadcastAutoConfiguration}: which beans
 * {@code coreclaw.tracking.broadcast} brings, and the failure analysis of an application that
 * asks for the Redis broadcast without a Redis connection. No Redis answers here
 * ({@code RedisBroadcastIntegrationTests} runs the broadcast on a real Redis).
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawBroadcastAutoConfigurationTests {

	private static final AutoConfigurations CORECLAW = AutoConfigurations.of(CoreClawAutoConfiguration.class,
			CoreClawBroadcastAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class, JacksonAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CORECLAW)
		.withPropertyValues("coreclaw.api-key=ck-test-key-for-broadcast");

	/** Spring Data Redis on a port where no Redis answers. */
	private final ApplicationContextRunner withRedis = this.runner
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + CoreClawStubs.closedPortUrl().getPort());

	@Test
	void noBroadcastUnlessAskedFor() {
		RedisConnectionFactory redis = mock(RedisConnectionFactory.class);
		ApplicationContextRunner withAConnectionFactory = this.runner.withBean(RedisConnectionFactory.class, () -> redis);
		withAConnectionFactory.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(RedisCallbackBroadcast.class)
			.doesNotHaveBean(RedisMessageListenerContainer.class));
		withAConnectionFactory.withPropertyValues("coreclaw.tracking.broadcast=none")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisCallbackBroadcast.class)
				.doesNotHaveBean(RedisMessageListenerContainer.class));
		this.runner.withPropertyValues("coreclaw.tracking.broadcast=none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisCallbackBroadcast.class));
		verifyNoInteractions(redis);
	}

	@Test
	void broadcastOnTheApplicationsRedisConnectionWhenAskedForAndAStartupThatRedisDoesNotHoldUp() {
		this.withRedis.withPropertyValues("coreclaw.tracking.broadcast=redis").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(RedisCallbackBroadcast.class)
				.hasSingleBean(RedisCallbackSubscription.class);
			RedisMessageListenerContainer container = context.getBean(
					CoreClawBroadcastAutoConfiguration.LISTENER_CONTAINER_BEAN_NAME, RedisMessageListenerContainer.class);
			assertThat(container.getConnectionFactory()).isSameAs(context.getBean(RedisConnectionFactory.class));
			assertThat(container.isAutoStartup()).isFalse();
			// No Redis answers: the application started all the same, and the subscription is tried again later.
			RedisCallbackSubscription subscription = context.getBean(RedisCallbackSubscription.class);
			assertThat(subscription.isRunning()).isTrue();
			assertThat(subscription.isSubscribed()).isFalse();
		});
	}

	@Test
	void noBroadcastWhereCoreClawIsSwitchedOff() {
		this.withRedis.withPropertyValues("coreclaw.tracking.broadcast=redis", "coreclaw.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisCallbackBroadcast.class)
				.doesNotHaveBean(RedisMessageListenerContainer.class));
	}

	@Test
	void askingForTheBroadcastWithoutARedisConnectionFailsAtStartupNamingWhatToSet() {
		String description = "coreclaw.tracking.broadcast is redis, but this application has no Redis connection (no "
				+ "Spring Data Redis RedisConnectionFactory): callbacks cannot be broadcast to the other instances.";
		String action = "Add spring-boot-starter-data-redis and set spring.data.redis.host (and spring.data.redis.port) "
				+ "to your Redis, or set coreclaw.tracking.broadcast=none to let the waits of the other instances poll.";
		// Spring Data Redis on the class path, but no connection factory (Redis' auto-configuration left out).
		this.runner.withPropertyValues("coreclaw.tracking.broadcast=redis").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(description);
			assertThat(analysis.getAction()).isEqualTo(action);
		});
		// No Spring Data Redis at all.
		this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("coreclaw.tracking.broadcast=redis", "spring.main.lazy-initialization=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo(description);
				assertThat(analysis.getAction()).isEqualTo(action);
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
