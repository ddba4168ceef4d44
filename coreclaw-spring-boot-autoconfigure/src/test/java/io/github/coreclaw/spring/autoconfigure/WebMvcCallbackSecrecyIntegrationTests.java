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
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The callback secret in a Spring MVC application on a real embedded Tomcat, with Boot's error
 * page and server observations.
 */
class WebMvcCallbackSecrecyIntegrationTests extends CallbackSecrecyIntegrationTests {

	@Override
	protected List<String> requestPathLoggers() {
		return List.of("org.apache.coyote.http11.Http11InputBuffer", "org.springframework.web.servlet.DispatcherServlet");
	}

	@Override
	protected SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ServletApplication.class).web(WebApplicationType.SERVLET);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class, JacksonAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, WebMvcObservationAutoConfiguration.class })
	static class ServletApplication {

	}

}
