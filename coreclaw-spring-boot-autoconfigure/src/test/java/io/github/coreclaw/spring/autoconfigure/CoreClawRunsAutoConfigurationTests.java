/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the run operations, polling and callback receiver parts of {@link CoreClawAutoConfiguration}.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawRunsAutoConfigurationTests {

	private static final String SECRET = CallbackReceiverContractTests.SECRET;

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CoreClawAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
			JacksonAutoConfiguration.class);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ReactiveWebApplicationContextRunner webRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("coreclaw.api-key=ck-test-key-for-runs", "coreclaw.base-url=" + wireMock.baseUrl());

	@Test
	void runOperationsAndDefaultPollingAreConfigured() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).withPropertyValues("coreclaw.api-key=k")
			.run((context) -> {
				assertThat(context).hasSingleBean(WorkerRunOperations.class).doesNotHaveBean("coreClawCallbackRouter");
				assertThat(context.getBean(WorkerRunOperations.class))
					.isSameAs(context.getBean(CoreClawClient.class).workerRuns());
				assertThat(CoreClawClientSettingsMapper.mapPolling(new CoreClawProperties().getPolling()))
					.isEqualTo(CoreClawPollingSettings.defaults());
			});
	}

	@Test
	void pollingPropertiesAreMapped() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("coreclaw.api-key=k", "coreclaw.polling.initial-interval=1s",
					"coreclaw.polling.max-interval=20s", "coreclaw.polling.multiplier=1.5", "coreclaw.polling.jitter=0",
					"coreclaw.polling.aborting-grace=2m", "coreclaw.polling.abort-on-timeout=true",
					"coreclaw.polling.default-timeout=45m")
			.run((context) -> assertThat(
					CoreClawClientSettingsMapper.mapPolling(context.getBean(CoreClawProperties.class).getPolling()))
				.isEqualTo(CoreClawPollingSettings.builder()
					.initialInterval(Duration.ofSeconds(1))
					.maxInterval(Duration.ofSeconds(20))
					.multiplier(1.5)
					.jitter(0.0)
					.abortingGrace(Duration.ofMinutes(2))
					.abortOnTimeout(true)
					.defaultTimeout(Duration.ofMinutes(45))
					.build()));
	}

	@Test
	void defaultTimeoutIsThirtyMinutes() {
		assertThat(new CoreClawProperties().getPolling().getDefaultTimeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(CoreClawPollingSettings.defaults().defaultTimeout()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void badPollingSettingsNameTheirProperty() {
		assertFailure("coreclaw.polling.initial-interval=0s",
				"coreclaw.polling.initial-interval must be a duration of at least 1ms but was 0ms.",
				"Set coreclaw.polling.initial-interval to a duration of at least 1ms, or remove it to use the default.");
		assertFailure("coreclaw.polling.max-interval=1s",
				"coreclaw.polling.max-interval must be a duration of at least coreclaw.polling.initial-interval (2s) "
						+ "but was 1s.",
				"Set coreclaw.polling.max-interval to a duration of at least coreclaw.polling.initial-interval (2s), "
						+ "or remove it to use the default.");
		assertFailure("coreclaw.polling.jitter=1",
				"coreclaw.polling.jitter must be a randomization factor from 0 (none) to below 1 but was 1.0.",
				"Set coreclaw.polling.jitter to a randomization factor from 0 (none) to below 1, or remove it to use "
						+ "the default.");
		assertFailure("coreclaw.polling.multiplier=0.9",
				"coreclaw.polling.multiplier must be a factor of 1.0 or more but was 0.9.",
				"Set coreclaw.polling.multiplier to a factor of 1.0 or more, or remove it to use the default.");
		assertFailure("coreclaw.polling.aborting-grace=-1s",
				"coreclaw.polling.aborting-grace must be a duration of 0 or more but was -1s.",
				"Set coreclaw.polling.aborting-grace to a duration of 0 or more, or remove it to use the default.");
		assertFailure("coreclaw.polling.default-timeout=0s",
				"coreclaw.polling.default-timeout must be a positive duration but was 0ms.",
				"Set coreclaw.polling.default-timeout to a positive duration, or remove it to use the default.");
	}

	private void assertFailure(String property, String description, String action) {
		this.webRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).as(property).hasFailed();
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).as(property).isNotNull();
			assertThat(analysis.getDescription()).as(property).isEqualTo(description);
			assertThat(analysis.getAction()).as(property).isEqualTo(action);
		});
	}

	@Test
	void callbackToReceiverSendsThePublicReceiverUrlWithATokenOfEachRunInPlaceOfTheSecret() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r1\"}}")));
		this.webRunner
			.withPropertyValues("coreclaw.callback.enabled=true", "coreclaw.callback.secret=" + SECRET,
					"coreclaw.callback.public-base-url=https://app.example.com/")
			.run((context) -> {
				context.getBean(WorkerTaskOperations.class)
					.runAsync("t1", RunOptions.builder().callbackToReceiver().build())
					.block(Duration.ofSeconds(5));
				wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1/runs")).withRequestBody(equalToJson(
						"{\"is_async\":true,\"callback_url\":\"${json-unit.any-string}\"}")));
				String callbackUrl = callbackUrlOfNewestRequest();
				String prefix = "https://app.example.com/coreclaw/callback/";
				assertThat(callbackUrl).startsWith(prefix).doesNotContain(SECRET);
				assertThat(CallbackReceiverContractTests.TOKENS.accepts(callbackUrl.substring(prefix.length()))).isTrue();
				context.getBean(WorkerTaskOperations.class)
					.runAsync("t1", RunOptions.builder().callbackToReceiver().build())
					.block(Duration.ofSeconds(5));
				assertThat(wireMock.getAllServeEvents()).hasSize(2)
					.allSatisfy((event) -> assertThat(event.getRequest().getBodyAsString()).doesNotContain(SECRET));
				assertThat(callbackUrlOfNewestRequest())
					.as("each run has a callback URL of its own")
					.isNotEqualTo(callbackUrl);
			});
	}

	@Test
	void aCallbackIsPublishedAndEndsAWaitingAwaitCompletionEarly() {
		String detail = "/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ";
		wireMock.stubFor(get(urlEqualTo(detail)).inScenario("run").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"running\"}}"))
			.willSetStateTo("done"));
		wireMock.stubFor(get(urlEqualTo(detail)).inScenario("run").whenScenarioStateIs("done")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"succeeded\"}}")));
		List<CoreClawRunCallbackEvent> events = new CopyOnWriteArrayList<>();
		this.webRunner
			.withPropertyValues("coreclaw.callback.enabled=true", "coreclaw.callback.secret=" + SECRET,
					"coreclaw.polling.initial-interval=30s", "coreclaw.polling.max-interval=30s")
			.withBean("callbackListener", ApplicationListener.class, () -> (ApplicationListener<?>) (event) -> {
				if (event instanceof CoreClawRunCallbackEvent callbackEvent) {
					events.add(callbackEvent);
				}
			})
			.run((context) -> {
				List<WorkerRun> done = new CopyOnWriteArrayList<>();
				Disposable waiting = context.getBean(WorkerRunOperations.class)
					.awaitCompletion(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"), Duration.ofMinutes(1))
					.subscribe(done::add);
				await().atMost(Duration.ofSeconds(5)).until(() -> wireMock.getAllServeEvents().size() == 1);
				@SuppressWarnings("unchecked")
				RouterFunction<ServerResponse> router = context.getBean("coreClawCallbackRouter", RouterFunction.class);
				WebTestClient.bindToRouterFunction(router)
					.build()
					.post()
					.uri(CallbackPosts.callbackPath(SECRET))
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(CallbackReceiverContractTests.SUCCEEDED)
					.exchange()
					.expectStatus()
					.isNoContent();
				await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1 && events.size() == 1);
				assertThat(done.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
				assertThat(events.get(0).getCallback().runSlug()).isEqualTo(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
				wireMock.verify(2, getRequestedFor(urlEqualTo(detail)));
				waiting.dispose();
			});
	}

	private static String callbackUrlOfNewestRequest() {
		String body = wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString();
		return JsonMapper.builder().build().readTree(body).get("callback_url").asString();
	}

	@Test
	void receiverUrlNeedsTheReceiver() {
		CoreClawProperties.Callback callback = new CoreClawProperties().getCallback();
		callback.setPublicBaseUrl(URI.create("https://app.example.com"));
		assertThat(CoreClawClientSettingsMapper.callbackReceiverUrl(callback, false)).isNull();
	}

}
