/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.net.URI;

import io.github.coreclaw.spring.autoconfigure.CoreClawConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test configuration that starts a {@link CoreClawSimulator} on a free port as a bean, closed
 * with the context, and points the CoreClaw client at it with {@link CoreClawConnectionDetails}
 * (which take precedence over {@code coreclaw.base-url} and {@code coreclaw.api-key}).
 * <p>
 * To run an application against the simulator during development, add it from a main class
 * under {@code src/test/java} and start that class with {@code ./mvnw spring-boot:test-run}:
 * <pre class="code">
 * SpringApplication.from(MyApplication::main).with(CoreClawSimulatorConfiguration.class).run(args);
 * </pre>
 * A test can {@code @Import} it as well.
 *
 * @since 0.1.0
 */
@TestConfiguration(proxyBeanMethods = false)
public class CoreClawSimulatorConfiguration {

	private static final Log logger = LogFactory.getLog(CoreClawSimulatorConfiguration.class);

	/**
	 * The simulator, started on a free port of the loopback interface.
	 * @return the running simulator
	 */
	@Bean(destroyMethod = "close")
	public CoreClawSimulator coreClawSimulator() {
		CoreClawSimulator simulator = CoreClawSimulator.start();
		logger.info("CoreClaw simulator started at " + simulator.baseUrl() + "; the CoreClaw client is pointed at it");
		return simulator;
	}

	/**
	 * Connection details that point the CoreClaw client at the simulator with its key.
	 * @param coreClawSimulator the simulator
	 * @return the connection details
	 */
	@Bean
	public CoreClawConnectionDetails coreClawSimulatorConnectionDetails(CoreClawSimulator coreClawSimulator) {
		return new SimulatorConnectionDetails(coreClawSimulator);
	}

	/**
	 * {@link CoreClawConnectionDetails} of a running simulator.
	 */
	static final class SimulatorConnectionDetails implements CoreClawConnectionDetails {

		private final CoreClawSimulator simulator;

		SimulatorConnectionDetails(CoreClawSimulator simulator) {
			this.simulator = simulator;
		}

		@Override
		public URI getBaseUrl() {
			return this.simulator.baseUrl();
		}

		@Override
		public String getApiKey() {
			return this.simulator.apiKey();
		}

		@Override
		public String toString() {
			return "SimulatorConnectionDetails[baseUrl=" + getBaseUrl() + "]";
		}

	}

}
