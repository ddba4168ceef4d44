/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import io.github.coreclaw.spring.autoconfigure.CoreClawProperties;
import io.github.coreclaw.spring.client.CoreClawClient;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Auto-configuration of the {@code coreclaw} info contributor, in applications with Spring Boot
 * Actuator; {@code management.info.coreclaw.enabled=false} switches it off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CoreClawAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnBean({ CoreClawClient.class, CoreClawProperties.class })
@ImportRuntimeHints(CoreClawInfoContributorAutoConfiguration.VersionResourceHints.class)
public final class CoreClawInfoContributorAutoConfiguration {

	/**
	 * The contributor. The switch is on the method, so that its condition is only loaded once
	 * Actuator is known to be there.
	 */
	@Bean
	@ConditionalOnEnabledInfoContributor("coreclaw")
	@ConditionalOnMissingBean(name = "coreclawInfoContributor")
	InfoContributor coreclawInfoContributor(CoreClawClient coreClawClient, CoreClawProperties properties) {
		return new CoreClawInfoContributor(coreClawClient.settings(), properties);
	}

	/**
	 * The version resource the contributor reads, for native images.
	 */
	static class VersionResourceHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerPattern(CoreClawInfoContributor.VERSION_RESOURCE);
		}

	}

}
