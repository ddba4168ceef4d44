/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.client.CoreClawConnectionException;
import io.github.coreclaw.spring.client.CoreClawPoolSettings;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests of the connection pool part of {@link CoreClawAutoConfiguration}.
 */
class CoreClawPoolAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k-pool", "coreclaw.base-url=" + wireMock.baseUrl(),
				"coreclaw.retry.enabled=false");

	@Test
	void defaultsMatchTheDocumentedPool() {
		assertThat(CoreClawClientSettingsMapper.mapPool(new CoreClawProperties().getPool()))
			.isEqualTo(CoreClawPoolSettings.defaults());
	}

	@Test
	void everyPoolPropertyIsMapped() {
		this.contextRunner
			.withPropertyValues("coreclaw.pool.max-connections=7", "coreclaw.pool.max-pending-acquires=70",
					"coreclaw.pool.pending-acquire-timeout=3s", "coreclaw.pool.max-idle-time=4s",
					"coreclaw.pool.max-life-time=5s", "coreclaw.pool.evict-in-background=0s")
			.run((context) -> assertThat(CoreClawClientSettingsMapper.mapPool(context.getBean(CoreClawProperties.class).getPool()))
				.isEqualTo(new CoreClawPoolSettings(7, 70, Duration.ofSeconds(3), Duration.ofSeconds(4),
						Duration.ofSeconds(5), Duration.ZERO)));
	}

	@Test
	void theClientUsesItsOwnPoolOnBootsConnector() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r1\"}}").withFixedDelay(500)));
		this.contextRunner.withPropertyValues("coreclaw.pool.max-connections=1", "coreclaw.pool.pending-acquire-timeout=50ms")
			.run((context) -> {
				WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
				CoreClawConnectionException ex = catchThrowableOfType(CoreClawConnectionException.class,
						() -> Flux.merge(tasks.runAsync("a"), tasks.runAsync("b").delaySubscription(Duration.ofMillis(10)))
							.collectList()
							.block(Duration.ofSeconds(5)));
				assertThat(ex.isRequestSent()).isFalse();
				assertThat(ex.getMessage()).startsWith("No connection to CoreClaw became free for POST");
			});
	}

	@Test
	void thePoolIsNamedAndDisposedWithTheContext() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean("coreClawConnectionProvider", ConnectionProvider.class).name()).isEqualTo("coreclaw");
			assertThat(context.<ConfigurableApplicationContext>getSourceApplicationContext()
				.getBeanFactory()
				.getBeanDefinition("coreClawConnectionProvider")
				.getDestroyMethodName()).isEqualTo("dispose");
		});
	}

	@Test
	void badPoolSettingsNameTheirProperty() {
		for (String[] bad : new String[][] { { "coreclaw.pool.max-connections=0", "coreclaw.pool.max-connections" },
				{ "coreclaw.pool.max-pending-acquires=0", "coreclaw.pool.max-pending-acquires" },
				{ "coreclaw.pool.pending-acquire-timeout=0s", "coreclaw.pool.pending-acquire-timeout" },
				{ "coreclaw.pool.evict-in-background=-1s", "coreclaw.pool.evict-in-background" } }) {
			this.contextRunner.withPropertyValues(bad[0]).run((context) -> {
				assertThat(context).as(bad[0]).hasFailed();
				FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as(bad[0]).isNotNull();
				assertThat(analysis.getDescription()).as(bad[0]).startsWith(bad[1] + " must be ");
				assertThat(analysis.getAction()).as(bad[0]).startsWith("Set " + bad[1]);
			});
		}
	}

}
