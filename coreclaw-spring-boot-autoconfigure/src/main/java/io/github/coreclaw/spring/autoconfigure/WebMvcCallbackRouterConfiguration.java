/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.github.coreclaw.spring.callback.CoreClawServletCallbackHandler;
import io.micrometer.observation.ObservationFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes {@code POST coreclaw.callback.path} with a valid callback token to the callback
 * receiver in Spring MVC applications (any other is answered as an unmapped path), and keeps the
 * tokens out of the requests' observations.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = CoreClawCallbackConfiguration.WEBMVC_ROUTER)
class WebMvcCallbackRouterConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = CoreClawCallbackConfiguration.ROUTER_BEAN_NAME)
	RouterFunction<ServerResponse> coreClawCallbackRouter(CoreClawProperties properties,
			CoreClawCallbackReceiver coreClawCallbackReceiver) {
		CoreClawServletCallbackHandler handler = new CoreClawServletCallbackHandler(coreClawCallbackReceiver);
		return RouterFunctions.route(
				RequestPredicates.POST(properties.getCallback().getPath()).and(handler.secretPredicate()), handler);
	}

	@Bean
	static ObservationFilter coreClawCallbackObservationFilter(CoreClawProperties properties) {
		return new CallbackObservationFilter(properties.getCallback().getPath(), properties.getCallback().getSecret(),
				(context) -> (context instanceof ServerRequestObservationContext server)
						? pathWithinApplication(server.getCarrier()) : null);
	}

	private static @Nullable String pathWithinApplication(@Nullable HttpServletRequest request) {
		if (request == null || request.getRequestURI() == null) {
			return null;
		}
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
	}

}
