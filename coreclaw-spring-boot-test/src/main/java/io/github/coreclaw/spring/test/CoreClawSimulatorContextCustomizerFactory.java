/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts a {@link CoreClawSimulator} for test contexts of classes annotated with
 * {@link EnableCoreClawSimulator}.
 */
class CoreClawSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, EnableCoreClawSimulator.class)
				? new SimulatorContextCustomizer() : null;
	}

	/**
	 * Starts the simulator, registers it as a bean closed with the context, and puts its URL
	 * and key first among the context's properties. All instances are equal, so test classes
	 * can share a cached context.
	 */
	static final class SimulatorContextCustomizer implements ContextCustomizer {

		static final String BEAN_NAME = "coreClawSimulator";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			CoreClawSimulator simulator = CoreClawSimulator.start();
			DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, simulator);
			beanFactory.registerDisposableBean(BEAN_NAME, simulator::close);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(BEAN_NAME, Map.of("coreclaw.base-url", simulator.baseUrl().toString(),
						"coreclaw.api-key", simulator.apiKey())));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof SimulatorContextCustomizer;
		}

		@Override
		public int hashCode() {
			return SimulatorContextCustomizer.class.hashCode();
		}

	}

}
