/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the callback receiver part of {@link CoreClawAutoConfiguration}.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawCallbackAutoConfigurationTests {

	private static final String SECRET = CallbackReceiverContractTests.SECRET;

	private static final String[] ENABLED = { "coreclaw.api-key=ck-test-key-for-callbacks",
			"coreclaw.callback.enabled=true", "coreclaw.callback.secret=" + SECRET };

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CoreClawAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
			JacksonAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner webFluxRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final WebApplicationContextRunner webMvcRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class));

	private final ApplicationContextRunner plainRunner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS);

	@Test
	void receiverIsOffUnlessEnabled() {
		for (AbstractApplicationContextRunner<?, ?, ?> runner : List.of(this.webFluxRunner, this.webMvcRunner,
				this.plainRunner)) {
			runner.withPropertyValues("coreclaw.api-key=k")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(CoreClawCallbackReceiver.class)
					.doesNotHaveBean("coreClawCallbackRouter"));
		}
	}

	@Test
	void webFluxApplicationsServeTheReceiverOnAWebFluxRoute() {
		// CoreClawRunsAutoConfigurationTests posts a callback through this route.
		this.webFluxRunner.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CoreClawCallbackReceiver.class);
			assertThat(context.getBean("coreClawCallbackRouter"))
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class);
		});
	}

	@Test
	void springMvcApplicationsServeTheReceiverWhereDispatcherServletFindsIt() {
		this.webMvcRunner.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CoreClawCallbackReceiver.class);
			assertThat(context.getBean("coreClawCallbackRouter"))
				.isInstanceOf(RouterFunction.class);
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(MockMvcRequestBuilders.post(CallbackPosts.callbackPath(SECRET))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CallbackReceiverContractTests.SUCCEEDED)).andExpect(MockMvcResultMatchers.status().isNoContent());
			mvc.perform(MockMvcRequestBuilders.post("/coreclaw/callback/not-the-secret-at-all")
				.contentType(MediaType.APPLICATION_JSON)
				.content(CallbackReceiverContractTests.SUCCEEDED)).andExpect(MockMvcResultMatchers.status().isNotFound());
		});
	}

	@Test
	void aRouteOfTheApplicationsOwnReplacesTheAutoConfiguredOne() {
		RouterFunction<?> own = RouterFunctions.route(RequestPredicates.POST("/own"),
				(request) -> ServerResponse.ok().build());
		this.webMvcRunner.withPropertyValues(ENABLED)
			.withBean("coreClawCallbackRouter", RouterFunction.class, () -> own)
			.run((context) -> assertThat(context.getBean("coreClawCallbackRouter")).isSameAs(own));
	}

	@Test
	void customPathIsServed() {
		this.webMvcRunner.withPropertyValues(ENABLED)
			.withPropertyValues("coreclaw.callback.path=/hooks/coreclaw/{secret}/run")
			.run((context) -> MockMvcBuilders.webAppContextSetup(context)
				.build()
				.perform(MockMvcRequestBuilders
					.post("/hooks/coreclaw/" + CallbackReceiverContractTests.TOKENS.mint() + "/run")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"run_id\":7,\"run_status\":\"running\"}"))
				.andExpect(MockMvcResultMatchers.status().isNoContent()));
	}

	@Test
	void nonWebApplicationThatEnablesTheReceiverFailsToStart() {
		this.plainRunner.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("coreclaw.callback.enabled is true, but this application "
					+ "serves no Spring MVC or WebFlux requests: the callback receiver needs a web application to "
					+ "receive CoreClaw's run callbacks.");
			assertThat(analysis.getAction()).isEqualTo("Run the application as a web application (add "
					+ "spring-boot-starter-webmvc or spring-boot-starter-webflux, and leave "
					+ "spring.main.web-application-type unset), or set coreclaw.callback.enabled=false.");
		});
		this.plainRunner.withPropertyValues(ENABLED)
			.withPropertyValues("spring.main.lazy-initialization=true")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void missingOrUnresolvedSecretIsExplainedWithoutOfferingADefault() {
		assertFailure("coreclaw.callback.secret=",
				"coreclaw.callback.enabled is true but coreclaw.callback.secret is not set: without it anyone could "
						+ "post run callbacks to the application.",
				"Set coreclaw.callback.secret to a random value of at least 16 letters and digits (for example the "
						+ "output of 'openssl rand -hex 24'), or set coreclaw.callback.enabled=false.");
		assertFailure("coreclaw.callback.secret=${CORECLAW_TEST_SECRET_THAT_IS_NOT_SET}",
				"coreclaw.callback.secret is the unresolved placeholder ${CORECLAW_TEST_SECRET_THAT_IS_NOT_SET}: the "
						+ "environment variable CORECLAW_TEST_SECRET_THAT_IS_NOT_SET is not set.",
				"Set the environment variable CORECLAW_TEST_SECRET_THAT_IS_NOT_SET to a random value of at least 16 "
						+ "letters and digits (for example the output of 'openssl rand -hex 24'), or set "
						+ "coreclaw.callback.enabled=false.");
	}

	@Test
	void badCallbackSettingsNameTheirProperty() {
		assertFailure("coreclaw.callback.secret=s3cr3t-tooshort",
				"coreclaw.callback.secret must be at least 16 letters, digits, '_', '~', '.' or '-' (for example the "
						+ "output of 'openssl rand -hex 24') but it has only 15 characters.",
				"Set coreclaw.callback.secret to at least 16 letters, digits, '_', '~', '.' or '-' (for example the "
						+ "output of 'openssl rand -hex 24'), or set coreclaw.callback.enabled=false.");
		assertFailure("coreclaw.callback.path=/cb",
				"coreclaw.callback.path must be a path that starts with / and holds {secret}, such as "
						+ "/coreclaw/callback/{secret} but was '/cb'.",
				"Set coreclaw.callback.path to a path that starts with / and holds {secret}, such as "
						+ "/coreclaw/callback/{secret}, or remove it to use the default.");
		assertFailure("coreclaw.callback.dedupe-window=0s",
				"coreclaw.callback.dedupe-window must be a positive duration but was 0ms.",
				"Set coreclaw.callback.dedupe-window to a positive duration, or remove it to use the default.");
		assertFailure("coreclaw.callback.dedupe-max-keys=0",
				"coreclaw.callback.dedupe-max-keys must be at least 1 but was 0.",
				"Set coreclaw.callback.dedupe-max-keys to at least 1, or remove it to use the default.");
		assertFailure("coreclaw.callback.public-base-url=app.example.com",
				"coreclaw.callback.public-base-url must be the URL at which CoreClaw reaches this application, such "
						+ "as https://app.example.com but it is relative.",
				"Set coreclaw.callback.public-base-url to the URL at which CoreClaw reaches this application, such as "
						+ "https://app.example.com, or remove it.");
		assertFailure("coreclaw.callback.public-base-url=https://${CORECLAW_TEST_HOST_THAT_IS_NOT_SET}/app",
				"coreclaw.callback.public-base-url holds the unresolved placeholder "
						+ "${CORECLAW_TEST_HOST_THAT_IS_NOT_SET}: the environment variable "
						+ "CORECLAW_TEST_HOST_THAT_IS_NOT_SET is not set.",
				"Set the environment variable CORECLAW_TEST_HOST_THAT_IS_NOT_SET, or remove "
						+ "coreclaw.callback.public-base-url.");
	}

	@Test
	void publicBaseUrlMustBeHttpsUnlessLoopbackOrAllowed() {
		assertFailure("coreclaw.callback.public-base-url=http://app.example.com",
				"coreclaw.callback.public-base-url is 'http://app.example.com': plain http to a host other than "
						+ "loopback would send the callback tokens in clear.",
				"Use an https URL in coreclaw.callback.public-base-url, or set coreclaw.allow-insecure-http=true if "
						+ "this connection is protected in another way.");
		assertReceiverUrl("https://app.example.com/", "https://app.example.com/coreclaw/callback/{secret}");
		assertReceiverUrl("http://localhost:8080", "http://localhost:8080/coreclaw/callback/{secret}");
		assertReceiverUrl("http://127.0.0.1:8080/app", "http://127.0.0.1:8080/app/coreclaw/callback/{secret}");
		assertReceiverUrl("http://app.example.com", "http://app.example.com/coreclaw/callback/{secret}",
				"coreclaw.allow-insecure-http=true");
	}

	private void assertReceiverUrl(String publicBaseUrl, String receiverUrl, String... more) {
		this.webMvcRunner.withPropertyValues(ENABLED)
			.withPropertyValues("coreclaw.callback.public-base-url=" + publicBaseUrl)
			.withPropertyValues(more)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CoreClawProperties properties = context.getBean(CoreClawProperties.class);
				assertThat(CoreClawClientSettingsMapper.callbackReceiverUrl(properties.getCallback(),
						properties.isAllowInsecureHttp()))
					.isEqualTo(receiverUrl);
			});
	}

	private void assertFailure(String property, String description, String action) {
		this.webMvcRunner.withPropertyValues(ENABLED).withPropertyValues(property).run((context) -> {
			assertThat(context).as(property).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).as(property).isEqualTo(description);
			assertThat(analysis.getAction()).as(property).isEqualTo(action);
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
