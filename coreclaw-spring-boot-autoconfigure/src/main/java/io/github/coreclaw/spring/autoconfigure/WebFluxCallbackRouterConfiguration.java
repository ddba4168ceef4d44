/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.callback.CoreClawCallbackHandler;
import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.micrometer.observation.ObservationFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes {@code POST coreclaw.callback.path} with a valid callback token to the callback
 * receiver in WebFlux applications (any other is answered as an unmapped path), and keeps the
 * tokens out of the requests' observations.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = CoreClawCallbackConfiguration.WEBFLUX_ROUTER)
class WebFluxCallbackRouterConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = CoreClawCallbackConfiguration.ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> coreClawCallbackRouter(CoreClawProperties properties,
			CoreClawCallbackReceiver coreClawCallbackReceiver) {
		CoreClawCallbackHandler handler = new CoreClawCallbackHandler(coreClawCallbackReceiver);
		return RouterFunctions.route(
				RequestPredicates.POST(properties.getCallback().getPath()).and(handler.secretPredicate()), handler);
	}

	@Bean
	static ObservationFilter coreClawCallbackObservationFilter(CoreClawProperties properties) {
		return new CallbackObservationFilter(properties.getCallback().getPath(), properties.getCallback().getSecret(),
				(context) -> (context instanceof ServerRequestObservationContext server && server.getCarrier() != null)
						? server.getCarrier().getPath().pathWithinApplication().value() : null);
	}

}
