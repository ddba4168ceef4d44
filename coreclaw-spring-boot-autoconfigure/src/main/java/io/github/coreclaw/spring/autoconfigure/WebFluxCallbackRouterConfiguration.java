/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.callback.CoreClawCallbackHandler;
import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes {@code POST coreclaw.callback.path} to the callback receiver in WebFlux applications.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = CoreClawCallbackConfiguration.WEBFLUX_ROUTER)
class WebFluxCallbackRouterConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = CoreClawCallbackConfiguration.ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> coreClawCallbackRouter(CoreClawProperties properties,
			CoreClawCallbackReceiver coreClawCallbackReceiver) {
		return RouterFunctions.route(RequestPredicates.POST(properties.getCallback().getPath()),
				new CoreClawCallbackHandler(coreClawCallbackReceiver));
	}

}
