/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.time.Duration;

import io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration;
import io.github.coreclaw.spring.autoconfigure.CoreClawTrackingAutoConfiguration;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.test.CoreClawSimulatorConfiguration;
import io.github.coreclaw.spring.tracking.TrackedRunState;
import io.github.coreclaw.spring.tracking.TrackedRuns;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link TrackedImport} against the simulator: a tracked run's rows end up in the embedded H2
 * table once, found by reconciliation.
 */
class TrackedImportTests {

	@Test
	void aTrackedRunsRowsAreStoredOnceInTheEmbeddedTable() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
					JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, CoreClawTrackingAutoConfiguration.class))
			.withUserConfiguration(CoreClawSimulatorConfiguration.class, TrackedImport.class)
			.withPropertyValues("coreclaw.tracking.enabled=true", "coreclaw.tracking.reconcile-interval=200ms")
			.run((context) -> {
				RunSlug run = context.getBean(WorkerTaskOperations.class)
					.runAsync("demo-task", RunOptions.builder().track("sample:coffee").build())
					.block(Duration.ofSeconds(10));
				assertThat(run).isNotNull();
				TrackedRuns trackedRuns = context.getBean(TrackedRuns.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> trackedRuns.count(TrackedRunState.HANDLED) == 1);
				assertThat(context.getBean(TrackedImport.class).count("sample:coffee")).isEqualTo(5);
			});
	}

}
