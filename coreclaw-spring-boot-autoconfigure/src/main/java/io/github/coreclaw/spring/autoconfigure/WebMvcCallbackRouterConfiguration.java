/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.github.coreclaw.spring.callback.CoreClawServletCallbackHandler;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes {@code POST coreclaw.callback.path} to the callback receiver in Spring MVC applications.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = CoreClawCallbackConfiguration.WEBMVC_ROUTER)
class WebMvcCallbackRouterConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = CoreClawCallbackConfiguration.ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> coreClawCallbackRouter(CoreClawProperties properties,
			CoreClawCallbackReceiver coreClawCallbackReceiver) {
		return RouterFunctions.route(RequestPredicates.POST(properties.getCallback().getPath()),
				new CoreClawServletCallbackHandler(coreClawCallbackReceiver));
	}

}
