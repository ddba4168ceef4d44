/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.coreclaw.spring.autoconfigure.CoreClawConnectionDetails;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import org.testcontainers.utility.TestcontainersConfiguration;

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
@EnabledIf(value = "imageIsAvailable",
		disabledReason = "needs a Docker engine that already holds the image wiremock/wiremock:3.13.2, and Ryuk's "
				+ "unless TESTCONTAINERS_RYUK_DISABLED=true (not pulled here: with no registry answering, Testcontainers "
				+ "retries for minutes); docker pull them, or build WireMock's with .ci/wiremock-image.sh")
class CoreClawServiceConnectionIntegrationTests {

	/** The image, as .ci/wiremock-image.sh builds it without a registry. */
	static final String IMAGE = "wiremock/wiremock:3.13.2";

	@Container
	@ServiceConnection
	static GenericContainer<?> wiremock = new GenericContainer<>(DockerImageName.parse(IMAGE))
		.withExposedPorts(8080)
		.withCopyFileToContainer(MountableFile.forClasspathResource(CoreClawSimulator.MAPPINGS_ROOT + "/mappings"),
				"/home/wiremock/mappings")
		.waitingFor(Wait.forHttp("/__admin/health").forStatusCode(200))
		.withStartupTimeout(Duration.ofSeconds(60));

	@Autowired
	private WorkerTaskOperations workerTasks;

	@Autowired
	private CoreClawConnectionDetails connectionDetails;

	/**
	 * Whether a Docker engine runs and already holds {@link #IMAGE}: the test never waits for a
	 * pull, which Testcontainers retries for minutes where no registry answers.
	 * @return whether the container can start at once
	 */
	static boolean imageIsAvailable() {
		List<String> needed = new ArrayList<>(List.of(IMAGE));
		TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
		if (!Boolean.parseBoolean(configuration.getEnvVarOrProperty("ryuk.disabled", "false"))) {
			// Ryuk starts with the first container unless it is switched off: it must be there too.
			needed.add(RYUK);
		}
		try {
			DockerClient docker = engine();
			for (String image : needed) {
				if (!isHeld(docker, image)) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			// No Docker engine.
			return false;
		}
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

	/**
	 * A client of the local Docker engine, found the way Testcontainers finds it, without
	 * Testcontainers' own client (which starts Ryuk, and so pulls its image, when first used).
	 */
	private static DockerClient engine() {
		return DockerClientProviderStrategy
			.getFirstValidStrategy(List.of(new EnvironmentAndSystemPropertyClientProviderStrategy(),
					new UnixSocketClientProviderStrategy()))
			.getDockerClient();
	}

	/** Ryuk's repository: the tag Testcontainers starts depends on its version. */
	private static final String RYUK = "testcontainers/ryuk";

	/** Whether the engine holds the image (for Ryuk, any tag of its repository). */
	private static boolean isHeld(DockerClient docker, String image) {
		if (image.equals(RYUK)) {
			return !docker.listImagesCmd().withImageNameFilter(RYUK).exec().isEmpty();
		}
		try {
			docker.inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

}
