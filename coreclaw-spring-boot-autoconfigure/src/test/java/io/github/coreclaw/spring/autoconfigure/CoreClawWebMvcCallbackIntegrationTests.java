/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.autoconfigure.CallbackPosts.Answer;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The callback receiver of a Spring MVC application on a real embedded Tomcat, reached over
 * HTTP as CoreClaw reaches it.
 */
class CoreClawWebMvcCallbackIntegrationTests {

	private static final String SECRET = CallbackReceiverContractTests.SECRET;

	private static final String RUN = "01KKDXV2G26BT7NH4ZQR2R4NPZ";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void startTheApplication() {
		context = new SpringApplicationBuilder(ServletApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "coreclaw.api-key=ck-test-key-for-servlet",
					"coreclaw.base-url=" + wireMock.baseUrl(), "coreclaw.callback.enabled=true",
					"coreclaw.callback.secret=" + SECRET, "coreclaw.polling.initial-interval=30s",
					"coreclaw.polling.max-interval=30s")
			.run();
	}

	@AfterAll
	static void stopTheApplication() {
		context.close();
	}

	@BeforeEach
	void forgetEarlierEvents() {
		context.getBean(CallbackEvents.class).events.clear();
	}

	@Test
	void aCallbackIsAcknowledgedPublishedAndEndsAWaitingAwaitCompletionEarly() throws IOException {
		String detail = "/api/v2/worker-runs/" + RUN;
		CoreClawStubs.stubRunningThenSucceeded(wireMock, RUN);
		List<WorkerRun> done = new CopyOnWriteArrayList<>();
		Disposable waiting = context.getBean(WorkerRunOperations.class)
			.awaitCompletion(new RunSlug(RUN), Duration.ofMinutes(1))
			.subscribe(done::add);
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> wireMock.getAllServeEvents().size() == 1);
			Answer answer = post(CallbackPosts.callbackPath(SECRET), CallbackReceiverContractTests.SUCCEEDED, false);
			assertThat(answer).isEqualTo(new Answer(204, ""));
			await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1);
			assertThat(done.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
			wireMock.verify(2, getRequestedFor(urlEqualTo(detail)));
			List<CoreClawRunCallbackEvent> events = context.getBean(CallbackEvents.class).events;
			await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
			assertThat(events.get(0).getCallback().findRunSlug()).contains(new RunSlug(RUN));
		}
		finally {
			waiting.dispose();
		}
	}

	@Test
	void wrongSecretsMalformedAndOversizeBodiesAreRefusedOverHttp() throws IOException {
		Answer wrongSecret = post("/coreclaw/callback/" + SECRET.toUpperCase(), CallbackReceiverContractTests.SUCCEEDED,
				false);
		assertThat(wrongSecret.status()).isEqualTo(404);
		assertThat(wrongSecret).isEqualTo(post("/not-mapped/x", CallbackReceiverContractTests.SUCCEEDED, false));
		assertThat(post(CallbackPosts.callbackPath(SECRET), "{\"run_status\":\"succeeded\"}", false))
			.isEqualTo(new Answer(400,
					"{\"error\":\"Not a CoreClaw run callback: the body names no run (run_slug or run_id)\"}"));
		String oversize = "{\"run_slug\":\"r1\",\"run_status\":\"succeeded\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
		Answer tooLarge = new Answer(413, "{\"error\":\"CoreClaw run callbacks are at most 65536 bytes\"}");
		assertThat(post(CallbackPosts.callbackPath(SECRET), oversize, true)).isEqualTo(tooLarge);
		assertThat(post(CallbackPosts.callbackPath(SECRET), oversize, false)).isEqualTo(tooLarge);
		assertThat(context.getBean(CallbackEvents.class).events).isEmpty();
	}

	private static Answer post(String path, String body, boolean chunked) throws IOException {
		return CallbackPosts.post(context, path, body, chunked);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class, JacksonAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class })
	static class ServletApplication {

		@Bean
		CallbackEvents callbackEvents() {
			return new CallbackEvents();
		}

	}

	static class CallbackEvents implements ApplicationListener<CoreClawRunCallbackEvent> {

		final List<CoreClawRunCallbackEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(CoreClawRunCallbackEvent event) {
			this.events.add(event);
		}

	}

}
