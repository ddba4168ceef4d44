/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.RunRequest;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing of an application with the CoreClaw auto-configuration, as
 * {@code spring-boot:process-aot} does it: it succeeds and contributes the client's runtime
 * hints.
 */
class CoreClawAotProcessingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k");

	@Test
	void processingTheContextContributesTheClientsHints() {
		this.contextRunner.prepare((context) -> {
			RuntimeHints hints = processAheadOfTime(
					context.getSourceApplicationContext(GenericApplicationContext.class));
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(Envelope.class)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onType(RunRequest.class)).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RunSlug.class, "value")).accepts(hints);
		});
	}

	@Test
	void withTheClientSwitchedOffNoHintIsContributed() {
		this.contextRunner.withPropertyValues("coreclaw.enabled=false").prepare((context) -> {
			RuntimeHints hints = processAheadOfTime(
					context.getSourceApplicationContext(GenericApplicationContext.class));
			assertThat(RuntimeHintsPredicates.reflection().onType(Envelope.class)).rejects(hints);
		});
	}

	private static RuntimeHints processAheadOfTime(GenericApplicationContext context) {
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(CoreClawAotProcessingTests.class)), new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		generationContext.writeGeneratedContent();
		return generationContext.getRuntimeHints();
	}

}
