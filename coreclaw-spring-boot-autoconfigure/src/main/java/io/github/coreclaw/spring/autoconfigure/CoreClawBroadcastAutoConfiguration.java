/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.broadcast.RedisCallbackBroadcast;
import io.github.coreclaw.spring.broadcast.RedisCallbackSubscription;
import io.github.coreclaw.spring.client.CoreClawClient;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Auto-configuration of the broadcast of CoreClaw's run callbacks over Redis pub/sub, where
 * {@code coreclaw.tracking.broadcast=redis}: a {@link RedisCallbackBroadcast} on the
 * application's Spring Data Redis connection, subscribed to its channel by a
 * {@link RedisCallbackSubscription}, so that a callback received by one instance wakes the waits
 * of every instance. An application that asks for it but has no Redis connection
 * stops at startup, with a failure analysis naming {@code spring.data.redis.host} and
 * {@code coreclaw.tracking.broadcast}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CoreClawAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnProperty(name = CoreClawBroadcastAutoConfiguration.BROADCAST_PROPERTY, havingValue = "redis")
@ConditionalOnBean(CoreClawClient.class)
public final class CoreClawBroadcastAutoConfiguration {

	static final String BROADCAST_PROPERTY = "coreclaw.tracking.broadcast";

	static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	/** Name of the listener container bean of the broadcast. */
	static final String LISTENER_CONTAINER_BEAN_NAME = "coreClawBroadcastListenerContainer";

	CoreClawBroadcastAutoConfiguration() {
	}

	/**
	 * The broadcast and the container that subscribes it to its channel.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = REDIS_CONNECTION_FACTORY)
	@ConditionalOnBean(type = REDIS_CONNECTION_FACTORY)
	static class RedisBroadcastConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisCallbackBroadcast coreClawRedisCallbackBroadcast(RedisConnectionFactory redisConnectionFactory,
				CoreClawClient coreClawClient) {
			return new RedisCallbackBroadcast(redisConnectionFactory, coreClawClient::runChanged);
		}

		@Bean(LISTENER_CONTAINER_BEAN_NAME)
		@ConditionalOnMissingBean(name = LISTENER_CONTAINER_BEAN_NAME)
		RedisMessageListenerContainer coreClawBroadcastListenerContainer(RedisConnectionFactory redisConnectionFactory,
				RedisCallbackBroadcast broadcast) {
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(redisConnectionFactory);
			// A message only wakes waits, which returns at once: no thread of its own for each one.
			container.setTaskExecutor(new SyncTaskExecutor());
			// The subscription: a moment with Lettuce, for the application's life with Jedis.
			container.setSubscriptionExecutor((task) -> Schedulers.boundedElastic().schedule(task));
			container.addMessageListener(broadcast, ChannelTopic.of(RedisCallbackBroadcast.CHANNEL));
			// Started by the subscription below, which lets the application start while Redis is down.
			container.setAutoStartup(false);
			return container;
		}

		@Bean
		@ConditionalOnMissingBean
		RedisCallbackSubscription coreClawRedisCallbackSubscription(
				@Qualifier(LISTENER_CONTAINER_BEAN_NAME) RedisMessageListenerContainer container) {
			return new RedisCallbackSubscription(container);
		}

	}

	/**
	 * Stops startup of an application that asks for the broadcast but has no Redis connection.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoRedisConnectionCondition.class)
	static class NoRedisConfiguration {

		// A post-processor always runs, lazy initialization or not.
		@Bean
		static BeanFactoryPostProcessor coreClawBroadcastNeedsRedis() {
			return (beanFactory) -> {
				throw new InvalidCoreClawConfigurationException(BROADCAST_PROPERTY, BROADCAST_PROPERTY
						+ " is redis, but this application has no Redis connection (no Spring Data Redis "
						+ "RedisConnectionFactory): callbacks cannot be broadcast to the other instances.",
						"Add spring-boot-starter-data-redis and set spring.data.redis.host (and "
								+ "spring.data.redis.port) to your Redis, or set " + BROADCAST_PROPERTY
								+ "=none to let the waits of the other instances poll.");
			};
		}

	}

	/**
	 * Matches when Spring Data Redis is absent or the application has no Redis connection factory.
	 */
	static class NoRedisConnectionCondition extends NoneNestedConditions {

		NoRedisConnectionCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnClass(name = REDIS_CONNECTION_FACTORY)
		@ConditionalOnBean(type = REDIS_CONNECTION_FACTORY)
		static class RedisConnectionFactoryPresent {

		}

	}

}
