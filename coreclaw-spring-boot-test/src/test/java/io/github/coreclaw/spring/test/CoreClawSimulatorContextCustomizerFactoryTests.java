/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link CoreClawSimulatorContextCustomizerFactory}: the properties it gives a test's
 * context.
 */
class CoreClawSimulatorContextCustomizerFactoryTests {

	@Test
	void onlyAnnotatedTestClassesGetASimulator() {
		CoreClawSimulatorContextCustomizerFactory factory = new CoreClawSimulatorContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(Annotated.class, List.of())).isNotNull()
			.isEqualTo(factory.createContextCustomizer(Annotated.class, List.of()));
		assertThat(factory.createContextCustomizer(CoreClawSimulatorContextCustomizerFactoryTests.class, List.of()))
			.isNull();
	}

	@Test
	void simulatorUrlAndKeyComeFirst() {
		customize(Map.of("coreclaw.api-key", "${CORECLAW_API_KEY}", "coreclaw.base-url", "https://openapi.coreclaw.com"),
				(environment) -> {
					assertThat(environment.getProperty("coreclaw.api-key")).isEqualTo(CoreClawSimulator.API_KEY);
					assertThat(environment.getProperty("coreclaw.base-url")).startsWith("http://127.0.0.1:");
					assertThat(environment.containsProperty("coreclaw.callback.secret")).isFalse();
				});
	}

	@Test
	void enabledReceiverWithAnUnresolvablePlaceholderGetsAGeneratedSecretFirst() {
		customize(Map.of("coreclaw.callback.enabled", "true", "coreclaw.callback.secret",
				"${CORECLAW_TEST_SECRET_THAT_IS_NOT_SET}"), (environment) -> {
					assertThat(environment.getPropertySources().iterator().next().getName()).isEqualTo("coreClawSimulator");
					assertThat(environment.getProperty("coreclaw.callback.secret")).matches("simulator-[0-9a-f-]{36}");
				});
	}

	@Test
	void enabledReceiverWithoutASecretGetsOneToo() {
		customize(Map.of("coreclaw.callback.enabled", "true"), (environment) -> assertThat(
				environment.getProperty("coreclaw.callback.secret")).startsWith("simulator-"));
	}

	@Test
	void aSecretTheTestSetsIsKept() {
		customize(Map.of("coreclaw.callback.enabled", "true", "coreclaw.callback.secret", "my-own-test-secret-1234"),
				(environment) -> assertThat(environment.getProperty("coreclaw.callback.secret"))
					.isEqualTo("my-own-test-secret-1234"));
	}

	@Test
	void disabledReceiverGetsNoSecret() {
		customize(Map.of("coreclaw.callback.secret", "${CORECLAW_TEST_SECRET_THAT_IS_NOT_SET}"),
				(environment) -> assertThat(environment.getPropertySources().get("coreClawSimulator").getProperty(
						"coreclaw.callback.secret")).isNull());
	}

	/**
	 * Apply the customizer to a context with the given application properties, check its
	 * environment, and close the context and with it the simulator.
	 */
	private static void customize(Map<String, Object> applicationProperties, Consumer<ConfigurableEnvironment> check) {
		ContextCustomizer customizer = new CoreClawSimulatorContextCustomizerFactory()
			.createContextCustomizer(Annotated.class, List.of());
		assertThat(customizer).isNotNull();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application", applicationProperties));
			customizer.customizeContext(context, null);
			context.refresh();
			assertThat(context.getBean(CoreClawSimulator.class).baseUrl().toString())
				.isEqualTo(context.getEnvironment().getProperty("coreclaw.base-url"));
			check.accept(context.getEnvironment());
		}
	}

	@EnableCoreClawSimulator
	static class Annotated {

	}

}
