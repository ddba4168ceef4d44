/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests of {@link CoreClawHealthContributorAutoConfiguration}.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(OutputCaptureExtension.class)
class CoreClawHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class,
				CoreClawHealthContributorAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k", "coreclaw.base-url=" + wireMock.baseUrl());

	@Test
	void theCoreclawContributorReadsTheAccount() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"balance\":\"3.25\",\"balance_expiration_at\":0}}")));
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("coreclawHealthIndicator");
			ReactiveHealthIndicator contributor = (ReactiveHealthIndicator) context
				.getBean(ReactiveHealthContributorRegistry.class)
				.getContributor("coreclaw");
			assertThat(contributor).isNotNull();
			Health health = contributor.health().block(Duration.ofSeconds(5));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("balance");
		});
	}

	@Test
	void thePropertiesSetTheTimeToLive() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"balance\":\"3.25\"}}")));
		this.contextRunner.withPropertyValues("coreclaw.health.cache-ttl=0").run((context) -> {
			ReactiveHealthIndicator indicator = context.getBean("coreclawHealthIndicator",
					ReactiveHealthIndicator.class);
			indicator.health().block(Duration.ofSeconds(5));
			indicator.health().block(Duration.ofSeconds(5));
			wireMock.verify(2, getRequestedFor(urlEqualTo("/api/v2/users/account")));
			assertThat(context.getBean(CoreClawHealthProperties.class).getTimeout()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void itJoinsNeitherTheLivenessNorTheReadinessGroup() {
		this.contextRunner.withPropertyValues("management.endpoint.health.probes.enabled=true").run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.getPrimary().isMember("coreclaw")).isTrue();
			assertThat(groups.get("liveness").isMember("coreclaw")).isFalse();
			assertThat(groups.get("readiness").isMember("coreclaw")).isFalse();
		});
	}

	@Test
	void itCanBeAddedToAGroupOnPurpose() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState,coreclaw")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("coreclaw")).isTrue();
			});
	}

	@Test
	void managementHealthCoreclawEnabledFalseSwitchesItOff() {
		this.contextRunner.withPropertyValues("management.health.coreclaw.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("coreclawHealthIndicator"));
	}

	@Test
	void withoutTheClientThereIsNoIndicator() {
		this.contextRunner.withPropertyValues("coreclaw.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("coreclawHealthIndicator"));
	}

	@Test
	void theStarterNeedsNoActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class,
					CoreClawHealthContributorAutoConfiguration.class, CoreClawInfoContributorAutoConfiguration.class,
					WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					HttpClientAutoConfiguration.class))
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.health", "org.springframework.boot.actuate"))
			.withPropertyValues("coreclaw.api-key=k")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoreClawClient.class)
				.doesNotHaveBean("coreclawHealthIndicator")
				.doesNotHaveBean("coreclawInfoContributor"));
	}

	@Test
	void aNegativeTimeToLiveFailsStartupNamingTheProperty(CapturedOutput output) {
		SpringApplication application = new SpringApplication(HealthApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--coreclaw.api-key=k", "--coreclaw.health.cache-ttl=-1s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: coreclaw.health.cache-ttl")
			.contains("coreclaw.health.cache-ttl must be 0 or more (for example 30s) but was PT-1S");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoreClawAutoConfiguration.class, CoreClawHealthContributorAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			HttpClientAutoConfiguration.class })
	static class HealthApplication {

	}

}
