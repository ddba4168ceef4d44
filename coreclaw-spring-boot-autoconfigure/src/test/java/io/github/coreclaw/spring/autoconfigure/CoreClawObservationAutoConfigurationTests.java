/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.CoreClawObservationConvention;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.DefaultCoreClawObservationConvention;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the observation of CoreClaw calls in a Boot application: Boot's
 * {@code ObservationRegistry} and metrics, an application's convention.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawObservationAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k", "coreclaw.base-url=" + wireMock.baseUrl(),
				"coreclaw.retry.initial-backoff=5ms", "coreclaw.retry.max-backoff=20ms");

	@Test
	void bootsObservationRegistryTimesEveryCallOnceWithItsExchangesBeside() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, RUN_OK));
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("coreclaw.client.operation")
					.tags("coreclaw.operation", "worker-task.run", "outcome", "success", "coreclaw.code", "none",
							"coreclaw.attempts", "2")
					.timer()
					.count()).isOne();
				assertThat(meters.get("http.client.requests")
					.tags("uri", "/api/v2/worker-tasks/{workerTaskId}/runs")
					.timers()).extracting((timer) -> timer.count()).containsExactlyInAnyOrder(1L, 1L);
			});
	}

	@Test
	void anApplicationRegistryObservesCallsAsParentsOfTheirExchanges() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		this.contextRunner.withUserConfiguration(TestRegistryConfiguration.class).run((context) -> {
			context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5));
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("coreclaw.client.operation", 1)
				.hasObservationWithNameEqualTo("http.client.requests")
				.that()
				.hasParentObservationContextMatching((parent) -> parent.getName().equals("coreclaw.client.operation"));
		});
	}

	@Test
	void aConventionBeanReplacesTheDefault() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		this.contextRunner.withUserConfiguration(TestRegistryConfiguration.class, ConventionConfiguration.class)
			.run((context) -> {
				context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5));
				io.micrometer.observation.tck.TestObservationRegistryAssert
					.assertThat(context.getBean(TestObservationRegistry.class))
					.hasNumberOfObservationsWithNameEqualTo("coreclaw.client.operation", 0)
					.hasObservationWithNameEqualTo("scraping.calls")
					.that()
					.hasLowCardinalityKeyValue("coreclaw.operation", "worker-task.run");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class TestRegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		CoreClawObservationConvention scrapingConvention() {
			return new DefaultCoreClawObservationConvention() {

				@Override
				public String getName() {
					return "scraping.calls";
				}

			};
		}

	}

}
