/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.github.coreclaw.spring.client.CoreClawClient;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The receiver of CoreClaw's run status callbacks, where {@code coreclaw.callback.enabled} is
 * true: one {@link CoreClawCallbackReceiver} served by a WebFlux or a Spring MVC route; an
 * application that serves neither stops at startup rather than advertise a receiver that is
 * not there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("coreclaw.callback.enabled")
@Import({ WebFluxCallbackRouterConfiguration.class, WebMvcCallbackRouterConfiguration.class })
class CoreClawCallbackConfiguration {

	/** Name of the route bean, in WebFlux and Spring MVC applications alike. */
	static final String ROUTER_BEAN_NAME = "coreClawCallbackRouter";

	static final String WEBFLUX_ROUTER = "org.springframework.web.reactive.function.server.RouterFunction";

	static final String WEBMVC_ROUTER = "org.springframework.web.servlet.function.RouterFunction";

	@Bean
	@ConditionalOnMissingBean
	CoreClawCallbackReceiver coreClawCallbackReceiver(CoreClawProperties properties, CoreClawClient coreClawClient,
			ApplicationEventPublisher publisher) {
		return CoreClawClientSettingsMapper.mapReceiver(properties.getCallback(), publisher,
				coreClawClient::runChanged);
	}

	/**
	 * Stops startup of an application that would receive callbacks but serves no web requests.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoWebStackCondition.class)
	static class NoWebStackConfiguration {

		// A post-processor always runs, lazy initialization or not.
		@Bean
		static BeanFactoryPostProcessor coreClawCallbackNeedsAWebApplication() {
			return (beanFactory) -> {
				throw new InvalidCoreClawConfigurationException("coreclaw.callback.enabled",
						"coreclaw.callback.enabled is true, but this application serves no Spring MVC or WebFlux "
								+ "requests: the callback receiver needs a web application to receive CoreClaw's "
								+ "run callbacks.",
						"Run the application as a web application (add spring-boot-starter-webmvc or "
								+ "spring-boot-starter-webflux, and leave spring.main.web-application-type unset), "
								+ "or set coreclaw.callback.enabled=false.");
			};
		}

	}

	/**
	 * Matches when the application is neither a WebFlux nor a Spring MVC web application.
	 */
	static class NoWebStackCondition extends NoneNestedConditions {

		NoWebStackCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		@ConditionalOnClass(name = WEBFLUX_ROUTER)
		static class WebFlux {

		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(name = WEBMVC_ROUTER)
		static class WebMvc {

		}

	}

}
