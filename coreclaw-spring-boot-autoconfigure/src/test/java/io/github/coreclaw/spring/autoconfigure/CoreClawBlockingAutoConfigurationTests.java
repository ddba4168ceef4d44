/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.client.BlockingRunQueueOperations;
import io.github.coreclaw.spring.client.BlockingWorkerOperations;
import io.github.coreclaw.spring.client.BlockingWorkerRunOperations;
import io.github.coreclaw.spring.client.BlockingWorkerTaskOperations;
import io.github.coreclaw.spring.client.CoreClawClient;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the blocking operation beans of {@link CoreClawAutoConfiguration}.
 */
class CoreClawBlockingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=ck_test_blocking_5ecret");

	@Test
	void theFourBlockingTwinsAreTheClientsOwn() {
		this.contextRunner.run((context) -> {
			CoreClawClient client = context.getBean(CoreClawClient.class);
			assertThat(context).hasSingleBean(BlockingWorkerTaskOperations.class)
				.hasSingleBean(BlockingWorkerRunOperations.class)
				.hasSingleBean(BlockingWorkerOperations.class)
				.hasSingleBean(BlockingRunQueueOperations.class);
			assertThat(context.getBean(BlockingWorkerTaskOperations.class)).isSameAs(client.blocking().workerTasks());
			assertThat(context.getBean(BlockingWorkerRunOperations.class)).isSameAs(client.blocking().workerRuns());
			assertThat(context.getBean(BlockingWorkerOperations.class)).isSameAs(client.blocking().workers());
			assertThat(context.getBean(BlockingRunQueueOperations.class)).isSameAs(client.blocking().runQueue());
		});
	}

	@Test
	void eachBlockingTwinBacksOffForOneOfTheApplications() {
		BlockingWorkerTaskOperations tasks = Mockito.mock(BlockingWorkerTaskOperations.class);
		BlockingWorkerRunOperations runs = Mockito.mock(BlockingWorkerRunOperations.class);
		BlockingWorkerOperations workers = Mockito.mock(BlockingWorkerOperations.class);
		BlockingRunQueueOperations queue = Mockito.mock(BlockingRunQueueOperations.class);
		this.contextRunner.withBean(BlockingWorkerTaskOperations.class, () -> tasks).run((context) -> {
			assertThat(context).getBean(BlockingWorkerTaskOperations.class).isSameAs(tasks);
			assertThat(context).hasSingleBean(BlockingWorkerRunOperations.class);
		});
		this.contextRunner.withBean(BlockingWorkerRunOperations.class, () -> runs).run((context) -> {
			assertThat(context).getBean(BlockingWorkerRunOperations.class).isSameAs(runs);
			assertThat(context).hasSingleBean(BlockingWorkerTaskOperations.class);
		});
		this.contextRunner.withBean(BlockingWorkerOperations.class, () -> workers).run((context) -> {
			assertThat(context).getBean(BlockingWorkerOperations.class).isSameAs(workers);
			assertThat(context).hasSingleBean(BlockingRunQueueOperations.class);
		});
		this.contextRunner.withBean(BlockingRunQueueOperations.class, () -> queue).run((context) -> {
			assertThat(context).getBean(BlockingRunQueueOperations.class).isSameAs(queue);
			assertThat(context).hasSingleBean(BlockingWorkerOperations.class);
		});
	}

	@Test
	void noBlockingTwinWithoutTheClient() {
		this.contextRunner.withPropertyValues("coreclaw.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BlockingWorkerTaskOperations.class)
				.doesNotHaveBean(BlockingWorkerRunOperations.class)
				.doesNotHaveBean(BlockingWorkerOperations.class)
				.doesNotHaveBean(BlockingRunQueueOperations.class));
	}

}
