/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import io.github.coreclaw.spring.autoconfigure.CoreClawProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link SanitizingFunction} that masks the CoreClaw API key and the
 * callback secret in Actuator's {@code configprops} and {@code env} endpoints, even under
 * {@code management.endpoint.*.show-values=always}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CoreClawAutoConfiguration.class)
@ConditionalOnClass(SanitizingFunction.class)
public final class CoreClawSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "coreClawSanitizingFunction")
	SanitizingFunction coreClawSanitizingFunction(ObjectProvider<CoreClawProperties> properties) {
		return new CoreClawSanitizingFunction(properties.getIfAvailable());
	}

}
