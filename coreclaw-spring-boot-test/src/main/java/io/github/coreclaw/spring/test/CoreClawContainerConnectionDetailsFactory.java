/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.net.URI;

import io.github.coreclaw.spring.autoconfigure.CoreClawConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Creates {@link CoreClawConnectionDetails} for a WireMock container declared with
 * {@code @ServiceConnection}: the client is pointed at the container's port 8080 with the
 * simulator's key, so a container loaded with the simulator's mappings stands in for CoreClaw.
 * <p>
 * It accepts containers of the {@value #WIREMOCK_IMAGE} image, and any container whose
 * {@code @ServiceConnection} names {@value #CONNECTION_NAME}.
 *
 * @since 0.1.0
 */
class CoreClawContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, CoreClawConnectionDetails> {

	/** The official WireMock image. */
	static final String WIREMOCK_IMAGE = "wiremock/wiremock";

	/** A connection name to use with any other image that serves the simulator's mappings. */
	static final String CONNECTION_NAME = "coreclaw";

	/** The port WireMock listens on in the container. */
	static final int WIREMOCK_PORT = 8080;

	CoreClawContainerConnectionDetailsFactory() {
		super(java.util.List.of(WIREMOCK_IMAGE, CONNECTION_NAME));
	}

	@Override
	protected CoreClawConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new ContainerCoreClawConnectionDetails(source);
	}

	/**
	 * Connection details of a running WireMock container.
	 */
	static final class ContainerCoreClawConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements CoreClawConnectionDetails {

		ContainerCoreClawConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public URI getBaseUrl() {
			Container<?> container = getContainer();
			return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(WIREMOCK_PORT));
		}

		@Override
		public String getApiKey() {
			return CoreClawSimulator.API_KEY;
		}

	}

}
