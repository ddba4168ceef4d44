/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.CoreClawConnectionException;
import io.github.coreclaw.spring.client.CoreClawPoolSettings;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests of the connection pool part of {@link CoreClawAutoConfiguration}.
 */
@ExtendWith(OutputOnFailure.class)
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
				.isEqualTo(CoreClawPoolSettings.builder()
					.maxConnections(7)
					.maxPendingAcquires(70)
					.pendingAcquireTimeout(Duration.ofSeconds(3))
					.maxIdleTime(Duration.ofSeconds(4))
					.maxLifeTime(Duration.ofSeconds(5))
					.evictInBackground(Duration.ZERO)
					.build()));
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
			assertThat(context.getBean("coreClawConnectionProvider", ConnectionProvider.class).name())
				.matches("coreclaw-[0-9]+");
			assertThat(context.<ConfigurableApplicationContext>getSourceApplicationContext()
				.getBeanFactory()
				.getBeanDefinition("coreClawConnectionProvider")
				.getDestroyMethodName()).isEqualTo("dispose");
		});
	}

	@Test
	void theClientsOfTwoContextsHavePoolsOfTheirOwnName() {
		String[] names = new String[2];
		this.contextRunner.run((first) -> this.contextRunner.run((second) -> {
			names[0] = first.getBean("coreClawConnectionProvider", ConnectionProvider.class).name();
			names[1] = second.getBean("coreClawConnectionProvider", ConnectionProvider.class).name();
		}));
		assertThat(names[0]).startsWith("coreclaw-").isNotEqualTo(names[1]);
		assertThat(names[1]).startsWith("coreclaw-");
	}

	@Test
	void noPoolIsCreatedForAnotherConnector() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r1\"}}")));
		this.contextRunner.withPropertyValues("spring.http.clients.reactive.connector=jdk").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ClientHttpConnectorBuilder.class)).isInstanceOf(JdkClientHttpConnectorBuilder.class);
			assertThat(context.getBean(WorkerTaskOperations.class).runAsync("a").block(Duration.ofSeconds(5)))
				.isEqualTo(new RunSlug("r1"));
			assertThat(context.<ConfigurableApplicationContext>getSourceApplicationContext()
				.getBeanFactory()
				.containsSingleton("coreClawConnectionProvider")).isFalse();
		});
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/a/runs")));
	}

	@Test
	void poolPropertiesOnAnotherConnectorStopStartupNamingThem() {
		this.contextRunner
			.withPropertyValues("spring.http.clients.reactive.connector=jdk", "coreclaw.pool.max-connections=7",
					"coreclaw.pool.pending-acquire-timeout=3s")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("coreclaw.pool.max-connections, "
						+ "coreclaw.pool.pending-acquire-timeout are set, but the CoreClaw client's HTTP connector comes "
						+ "from JdkClientHttpConnectorBuilder, not from Reactor Netty: only a Reactor Netty connector "
						+ "has the client's own connection pool, so coreclaw.pool.* would be ignored.");
				assertThat(analysis.getAction()).startsWith("Remove coreclaw.pool.max-connections, "
						+ "coreclaw.pool.pending-acquire-timeout (the connector then pools connections its own way), "
						+ "or use Reactor Netty: ")
					.contains("spring.http.clients.reactive.connector=reactor");
			});
		wireMock.verify(0, anyRequestedFor(anyUrl()));
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
