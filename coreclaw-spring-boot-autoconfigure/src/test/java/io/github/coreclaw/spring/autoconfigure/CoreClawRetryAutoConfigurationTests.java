/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.Account;
import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests of the retry part of {@link CoreClawAutoConfiguration}.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawRetryAutoConfigurationTests {

	private static final String OK = "{\"code\":0,\"data\":{\"run_slug\":\"r-ok\"}}";

	private static final String ACCOUNT = "/api/v2/users/account";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k", "coreclaw.base-url=" + wireMock.baseUrl(),
				"coreclaw.retry.initial-backoff=5ms", "coreclaw.retry.max-backoff=20ms");

	@Test
	void retriesAreOnByDefaultWithTheDocumentedSettings() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
			.withPropertyValues("coreclaw.api-key=k")
			.run((context) -> {
				CoreClawClient client = context.getBean(CoreClawClient.class);
				assertThat(client.retry()).isPresent();
				assertThat(client.retry().get().getName()).isEqualTo("coreclaw");
				assertThat(client.retry().get().getRetryConfig().getMaxAttempts()).isEqualTo(4);
				assertThat(client.ownRetryRegistry()).isPresent();
				assertThat(CoreClawClientSettingsMapper.mapRetry(new CoreClawProperties().getRetry()))
					.isEqualTo(CoreClawRetrySettings.defaults());
			});
	}

	@Test
	void everyRetryPropertyIsMapped() {
		this.contextRunner
			.withPropertyValues("coreclaw.retry.max-attempts=6", "coreclaw.retry.multiplier=1.5", "coreclaw.retry.jitter=0",
					"coreclaw.retry.respect-retry-after=false", "coreclaw.retry.max-retry-after=10s",
					"coreclaw.retry.retryable-statuses=429,500,503", "coreclaw.retry.run-start-retryable-statuses=429",
					"coreclaw.retry.retryable-codes=13000-13999,30003")
			.run((context) -> assertThat(CoreClawClientSettingsMapper.mapRetry(context.getBean(CoreClawProperties.class).getRetry()))
				.isEqualTo(CoreClawRetrySettings.builder()
					.maxAttempts(6)
					.initialBackoff(Duration.ofMillis(5))
					.multiplier(1.5)
					.maxBackoff(Duration.ofMillis(20))
					.jitter(0.0)
					.respectRetryAfter(false)
					.maxRetryAfter(Duration.ofSeconds(10))
					.retryableStatuses(Set.of(429, 500, 503))
					.runStartRetryableStatuses(Set.of(429))
					.retryableCodes(List.of(new CoreClawRetrySettings.CodeRange(13000, 13999),
							new CoreClawRetrySettings.CodeRange(30003, 30003)))
					.build()));
	}

	@Test
	void configuredStatusesAndCodesAreRetried() {
		stubSequence(wireMock, aResponse().withStatus(503).withBody("<html>busy</html>"),
				envelope(200, 30003, "running tasks reached the plan limit"), json(200, OK));
		this.contextRunner
			.withPropertyValues("coreclaw.retry.retryable-statuses=429,500,503",
					"coreclaw.retry.run-start-retryable-statuses=429,500,503",
					"coreclaw.retry.retryable-codes=13000-13999,30003")
			.run((context) -> {
				RunSlug slug = context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5));
				assertThat(slug).isEqualTo(new RunSlug("r-ok"));
				wireMock.verify(3, anyRequestedFor(anyUrl()));
			});
	}

	@Test
	void aStatusAddedToTheRetryableStatusesAloneIsNotRetriedOnARunStart() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
		this.contextRunner.withPropertyValues("coreclaw.retry.retryable-statuses=502,503,504").run((context) -> {
			CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
					() -> context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5)));
			assertThat(ex.getHttpStatus()).isEqualTo(502);
			assertThat(ex.getAttempts()).isEqualTo(1);
			assertThat(ex.getMessage()).startsWith("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 502");
			wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1/runs")));
			wireMock.verify(1, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void aStatusAddedToTheRetryableStatusesIsRetriedOnAReadOnly() {
		wireMock.stubFor(get(urlEqualTo(ACCOUNT)).inScenario("read")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>"))
			.willSetStateTo("answered"));
		wireMock.stubFor(get(urlEqualTo(ACCOUNT)).inScenario("read")
			.whenScenarioStateIs("answered")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"balance\":\"12.50\"}}")));
		this.contextRunner.withPropertyValues("coreclaw.retry.retryable-statuses=502,503,504").run((context) -> {
			Account account = context.getBean(CoreClawClient.class).account().block(Duration.ofSeconds(5));
			assertThat(account.balance()).isEqualByComparingTo("12.50");
			wireMock.verify(2, getRequestedFor(urlEqualTo(ACCOUNT)));
			wireMock.verify(2, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void aStatusTheRunStartPropertyListsTooIsRetriedOnARunStart() {
		stubSequence(wireMock, aResponse().withStatus(502).withBody("<html>bad gateway</html>"), json(200, OK));
		this.contextRunner
			.withPropertyValues("coreclaw.retry.retryable-statuses=502,503,504",
					"coreclaw.retry.run-start-retryable-statuses=502")
			.run((context) -> {
				RunSlug slug = context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5));
				assertThat(slug).isEqualTo(new RunSlug("r-ok"));
				wireMock.verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1/runs")));
				wireMock.verify(2, anyRequestedFor(anyUrl()));
			});
	}

	@Test
	void aStatusTakenOutOfTheRetryableStatusesIsNotRetriedOnARunStart() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(500, 10000, "internal server error")));
		this.contextRunner.withPropertyValues("coreclaw.retry.retryable-statuses=429").run((context) -> {
			CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
					() -> context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5)));
			assertThat(ex.getHttpStatus()).isEqualTo(500);
			assertThat(ex.getAttempts()).isEqualTo(1);
			wireMock.verify(1, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void maxAttemptsLimitsTheRequests() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(500, 10000, "internal server error")));
		this.contextRunner.withPropertyValues("coreclaw.retry.max-attempts=2").run((context) -> {
			assertThat(context.getBean(WorkerTaskOperations.class).runAsync("t1").onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
				.block(Duration.ofSeconds(5))).isNull();
			wireMock.verify(2, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void disabledRetriesSendEachRequestOnce() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(429, 13000, "too many requests")));
		this.contextRunner.withPropertyValues("coreclaw.retry.enabled=false").run((context) -> {
			assertThat(context.getBean(CoreClawClient.class).retry()).isEmpty();
			context.getBean(WorkerTaskOperations.class).runAsync("t1").onErrorResume((ex) -> reactor.core.publisher.Mono.empty())
				.block(Duration.ofSeconds(5));
			wireMock.verify(1, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void theCoreclawInstanceOfAnApplicationRetryRegistryIsUsed() {
		RetryRegistry registry = RetryRegistry.ofDefaults();
		io.github.resilience4j.retry.Retry retry = registry.retry("coreclaw",
				RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(5)).build());
		this.contextRunner.withBean(RetryRegistry.class, () -> registry).run((context) -> {
			CoreClawClient client = context.getBean(CoreClawClient.class);
			assertThat(client.retry()).containsSame(retry);
			assertThat(client.ownRetryRegistry()).isEmpty();
		});
	}

	@Test
	void badRetrySettingsNameTheirProperty() {
		assertFailureNames("coreclaw.retry.max-attempts=0", "coreclaw.retry.max-attempts");
		assertFailureNames("coreclaw.retry.multiplier=0.5", "coreclaw.retry.multiplier");
		assertFailureNames("coreclaw.retry.jitter=1.5", "coreclaw.retry.jitter");
		assertFailureNames("coreclaw.retry.initial-backoff=0s", "coreclaw.retry.initial-backoff");
		assertFailureNames("coreclaw.retry.max-backoff=1ms", "coreclaw.retry.max-backoff");
		assertFailureNames("coreclaw.retry.max-retry-after=-1s", "coreclaw.retry.max-retry-after");
		assertFailureNames("coreclaw.retry.retryable-statuses=429,99", "coreclaw.retry.retryable-statuses");
		assertFailureNames("coreclaw.retry.run-start-retryable-statuses=429,600",
				"coreclaw.retry.run-start-retryable-statuses");
		assertFailureNames("coreclaw.retry.retryable-codes=13000-13999,plan-limit", "coreclaw.retry.retryable-codes");
		assertFailureNames("coreclaw.retry.retryable-codes=13999-13000", "coreclaw.retry.retryable-codes");
	}

	@Test
	void refusedValuesAreExplainedInPropertyKeys() {
		this.contextRunner.withPropertyValues("coreclaw.retry.max-attempts=0").run((context) -> {
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("coreclaw.retry.max-attempts must be at least 1 but was 0.");
			assertThat(analysis.getAction())
				.isEqualTo("Set coreclaw.retry.max-attempts to at least 1, or remove it to use the default.");
		});
		this.contextRunner.withPropertyValues("coreclaw.retry.max-backoff=1ms").run((context) -> {
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("coreclaw.retry.max-backoff must be a duration of at least "
					+ "coreclaw.retry.initial-backoff (5ms) but was 1ms.");
		});
		this.contextRunner.withPropertyValues("coreclaw.retry.retryable-statuses=429,99").run((context) -> {
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(
					"coreclaw.retry.retryable-statuses must be HTTP statuses from 100 to 599 but it holds 99.");
		});
	}

	private void assertFailureNames(String property, String name) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).as(property).hasFailed();
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).as(property).isNotNull();
			assertThat(analysis.getDescription()).as(property).startsWith(name + " must be ");
			assertThat(analysis.getAction()).as(property).startsWith("Set " + name + " to ");
		});
	}

	@Test
	void retryMetricsAreBoundWhenMetricsAreOn() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, OK));
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				context.getBean(WorkerTaskOperations.class).runAsync("t1").block(Duration.ofSeconds(5));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("resilience4j.retry.calls")
					.tag("name", "coreclaw")
					.tag("kind", "successful_with_retry")
					.functionCounter()
					.count()).isEqualTo(1.0);
			});
	}




}
