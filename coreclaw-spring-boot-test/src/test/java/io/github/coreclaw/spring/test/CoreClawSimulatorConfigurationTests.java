/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import io.github.coreclaw.spring.autoconfigure.CoreClawConnectionDetails;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CoreClawSimulatorConfiguration} runs an application against a simulator of its own,
 * as {@code spring-boot:test-run} does with a test-side main class.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoreClawSimulatorConfigurationTests {

	@Test
	void applicationStartedFromItsMainWithTheConfigurationUsesTheSimulator(CapturedOutput output) {
		CoreClawSimulator simulator;
		try (ConfigurableApplicationContext context = SpringApplication.from(DevApplication::main)
			.with(CoreClawSimulatorConfiguration.class)
			.run("--spring.main.web-application-type=none", "--coreclaw.api-key=a-real-key-that-must-not-be-used")
			.getApplicationContext()) {
			simulator = context.getBean(CoreClawSimulator.class);
			assertThat(context.getBeansOfType(CoreClawSimulator.class)).hasSize(1);
			assertThat(output).contains("CoreClaw simulator started at " + simulator.baseUrl()
					+ "; the CoreClaw client is pointed at it");
			CoreClawClient client = context.getBean(CoreClawClient.class);
			assertThat(client.settings().baseUrl()).isEqualTo(simulator.baseUrl());
			assertThat(client.settings().apiKey()).isEqualTo(CoreClawSimulator.API_KEY);
			RunSlug slug = context.getBean(WorkerTaskOperations.class)
				.runAsync(CoreClawSimulator.DEMO_TASK)
				.block(Duration.ofSeconds(5));
			assertThat(slug).isNotNull();
			simulator.server()
				.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
					.withHeader("Authorization", equalTo("Bearer " + CoreClawSimulator.API_KEY)));
			assertThat(simulator.server().isRunning()).isTrue();
		}
		assertThat(simulator.server().isRunning()).isFalse();
	}

	@Test
	void connectionDetailsPointAtTheSimulatorAndShowNoKey() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class))
			.withUserConfiguration(CoreClawSimulatorConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(CoreClawConnectionDetails.class);
				CoreClawSimulator simulator = context.getBean(CoreClawSimulator.class);
				CoreClawConnectionDetails details = context.getBean(CoreClawConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo(simulator.baseUrl());
				assertThat(details.getApiKey()).isEqualTo(CoreClawSimulator.API_KEY);
				assertThat(details).hasToString("SimulatorConnectionDetails[baseUrl=" + simulator.baseUrl() + "]");
				assertThat(context.getBean(CoreClawClient.class).settings().baseUrl()).isEqualTo(simulator.baseUrl());
			});
	}

	/**
	 * An application as a user writes it, knowing nothing of the simulator.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DevApplication {

		static void main(String[] args) {
			SpringApplication.run(DevApplication.class, args);
		}

	}

}
