/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;

import io.github.coreclaw.spring.autoconfigure.CoreClawConnectionDetails;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter wired through {@code @ServiceConnection} to a WireMock container that serves the
 * simulator's mappings.
 */
@SpringBootTest
@Testcontainers
@EnabledIf(value = "dockerIsAvailable",
		disabledReason = "Docker is not available, so the WireMock container cannot start; run a Docker engine "
				+ "(CI starts one and builds the image with .ci/wiremock-image.sh) to run this test")
class CoreClawServiceConnectionIntegrationTests {

	@Container
	@ServiceConnection
	static GenericContainer<?> wiremock = new GenericContainer<>(DockerImageName.parse("wiremock/wiremock:3.13.2"))
		.withExposedPorts(8080)
		.withCopyFileToContainer(MountableFile.forClasspathResource(CoreClawSimulator.MAPPINGS_ROOT + "/mappings"),
				"/home/wiremock/mappings")
		.waitingFor(Wait.forHttp("/__admin/health").forStatusCode(200))
		.withStartupTimeout(Duration.ofSeconds(60));

	@Autowired
	private WorkerTaskOperations workerTasks;

	@Autowired
	private CoreClawConnectionDetails connectionDetails;

	static boolean dockerIsAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Test
	void connectionDetailsPointAtTheContainer() {
		assertThat(this.connectionDetails.getBaseUrl().getPort()).isEqualTo(wiremock.getMappedPort(8080));
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(CoreClawSimulator.API_KEY);
	}

	@Test
	void asyncRunThroughTheContainer() {
		RunSlug slug = this.workerTasks.runAsync(CoreClawSimulator.DEMO_TASK).block(Duration.ofSeconds(10));
		assertThat(slug).isNotNull();
		assertThat(slug.value()).startsWith("01SIM").hasSize(26);
	}

	@Test
	void syncRunThroughTheContainer() {
		SyncRunResult result = this.workerTasks.runSync(CoreClawSimulator.DEMO_TASK, RunOptions.builder().limit(2).build())
			.block(Duration.ofSeconds(10));
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(result.total()).isEqualTo(5);
		assertThat(result.rows()).hasSize(2);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
