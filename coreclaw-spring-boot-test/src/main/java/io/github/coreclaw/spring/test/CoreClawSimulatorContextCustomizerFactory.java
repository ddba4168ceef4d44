/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
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
	 * and key first among the context's properties; where the callback receiver is enabled
	 * without a usable secret, a generated one goes with them. All instances are equal, so
	 * test classes can share a cached context.
	 */
	static final class SimulatorContextCustomizer implements ContextCustomizer {

		static final String BEAN_NAME = "coreClawSimulator";

		private static final String CALLBACK_SECRET = "coreclaw.callback.secret";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			CoreClawSimulator simulator = CoreClawSimulator.start();
			DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, simulator);
			beanFactory.registerDisposableBean(BEAN_NAME, simulator::close);
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("coreclaw.base-url", simulator.baseUrl().toString());
			properties.put("coreclaw.api-key", simulator.apiKey());
			if (needsCallbackSecret(context.getEnvironment())) {
				properties.put(CALLBACK_SECRET, "simulator-" + UUID.randomUUID());
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, properties));
		}

		/**
		 * Whether the callback receiver is enabled without a usable secret, as it is when the
		 * application's configuration takes the secret from an environment variable that tests
		 * do not set ({@code secret: ${CORECLAW_CALLBACK_SECRET}}).
		 */
		private static boolean needsCallbackSecret(ConfigurableEnvironment environment) {
			Binder binder = Binder.get(environment);
			if (!binder.bind("coreclaw.callback.enabled", Boolean.class).orElse(false)) {
				return false;
			}
			// The binder leaves a placeholder nothing defines as it is written.
			String secret = binder.bind(CALLBACK_SECRET, String.class).orElse("");
			return secret.isBlank() || secret.contains("${");
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
