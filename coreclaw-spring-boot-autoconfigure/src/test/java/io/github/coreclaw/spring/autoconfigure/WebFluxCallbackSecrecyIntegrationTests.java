/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The callback secret in a WebFlux application on a real Reactor Netty server, with Boot's error
 * handling and server observations.
 */
class WebFluxCallbackSecrecyIntegrationTests extends CallbackSecrecyIntegrationTests {

	@Override
	protected List<String> requestPathLoggers() {
		return List.of("org.springframework.web.server.adapter.HttpWebHandlerAdapter",
				"org.springframework.web.reactive.function.server.RequestPredicates");
	}

	@Override
	protected SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ReactiveApplication.class).web(WebApplicationType.REACTIVE);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class, JacksonAutoConfiguration.class,
			NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class, ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, WebFluxObservationAutoConfiguration.class })
	static class ReactiveApplication {

	}

}
