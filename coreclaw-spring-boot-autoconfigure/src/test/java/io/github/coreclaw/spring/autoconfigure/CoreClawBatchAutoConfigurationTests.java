/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.BatchOptions;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coreclaw.batch.max-running}: the limit of a batch's runs at once when its options set
 * none.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawBatchAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
		.withUserConfiguration(TestRegistryConfiguration.class)
		.withPropertyValues("coreclaw.api-key=k", "coreclaw.base-url=" + wireMock.baseUrl());

	@BeforeEach
	void stubRunsThatSucceedAtOnce() {
		wireMock.stubFor(post(urlPathMatching("/api/v2/worker-tasks/.+/runs")).willReturn(json(200, RUN_OK)));
		wireMock.stubFor(get(urlPathMatching("/api/v2/worker-runs/r-ok")).willReturn(json(200,
				"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-d\",\"data\":{\"slug\":\"r-ok\",\"status\":\"succeeded\",\"results\":1}}")));
		wireMock.stubFor(get(urlPathMatching("/api/v2/worker-runs/r-ok/result")).willReturn(json(200,
				"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-r\",\"data\":{\"count\":1,\"page_index\":1,"
						+ "\"page_size\":10,\"headers\":[],\"list\":[{\"title\":\"Blue Bottle\"}]}}")));
	}

	@Test
	void theBatchLimitFromThePropertyHoldsWhenTheOptionsSetNone() {
		this.contextRunner.withPropertyValues("coreclaw.batch.max-running=2")
			.run((context) -> assertMaxRunning(context.getBean(WorkerTaskOperations.class),
					context.getBean(TestObservationRegistry.class), "2"));
	}

	@Test
	void withoutThePropertyTheBatchLearnsItsLimit() {
		this.contextRunner.run((context) -> assertMaxRunning(context.getBean(WorkerTaskOperations.class),
				context.getBean(TestObservationRegistry.class), "4"));
	}

	@Test
	void aLimitBelowOneFailsTheStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("coreclaw.batch.max-running=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidCoreClawConfigurationException.class)
				.hasMessageContaining("coreclaw.batch.max-running is 0, but a batch needs room for at least 1 run.");
		});
		wireMock.verify(0, postRequestedFor(urlPathMatching(".*")));
	}

	private static void assertMaxRunning(WorkerTaskOperations tasks, TestObservationRegistry registry, String limit) {
		assertThat(tasks.runBatch(List.of("t1", "t2", "t3"), BatchOptions.defaults())
			.collectList()
			.block(Duration.ofSeconds(10))).hasSize(3);
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("coreclaw.batch")
			.that()
			.hasHighCardinalityKeyValue("coreclaw.batch.max-running", limit)
			.hasHighCardinalityKeyValue("coreclaw.batch.verdict.pass", "3");
	}

	@Configuration(proxyBeanMethods = false)
	static class TestRegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
