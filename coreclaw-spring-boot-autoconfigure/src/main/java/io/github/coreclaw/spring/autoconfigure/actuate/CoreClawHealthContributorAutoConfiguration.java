/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import io.github.coreclaw.spring.client.CoreClawClient;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code coreclaw} health indicator, in applications with Spring Boot
 * Actuator; {@code management.health.coreclaw.enabled=false} switches it off. It joins no
 * liveness or readiness group by itself: a remote API that is down must not get pods restarted.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CoreClawAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(CoreClawClient.class)
@EnableConfigurationProperties(CoreClawHealthProperties.class)
public final class CoreClawHealthContributorAutoConfiguration {

	/**
	 * The indicator; its bean name gives the contributor its name, {@code coreclaw}. The switch
	 * is on the method, so that its condition is only loaded once Actuator is known to be there.
	 */
	@Bean
	@ConditionalOnEnabledHealthIndicator("coreclaw")
	@ConditionalOnMissingBean(name = "coreclawHealthIndicator")
	ReactiveHealthIndicator coreclawHealthIndicator(CoreClawClient coreClawClient,
			CoreClawHealthProperties properties) {
		return new CoreClawHealthIndicator(coreClawClient, properties.getTimeout(), properties.getCacheTtl(),
				Schedulers.parallel());
	}

}
