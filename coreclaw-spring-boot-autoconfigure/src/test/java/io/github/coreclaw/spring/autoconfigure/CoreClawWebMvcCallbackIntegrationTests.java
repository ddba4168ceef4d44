/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
			Answer answer = post("/coreclaw/callback/" + SECRET, CallbackReceiverContractTests.SUCCEEDED, false);
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
		assertThat(post("/coreclaw/callback/" + SECRET, "{\"run_status\":\"succeeded\"}", false))
			.isEqualTo(new Answer(400,
					"{\"error\":\"Not a CoreClaw run callback: the body names no run (run_slug or run_id)\"}"));
		String oversize = "{\"run_slug\":\"r1\",\"run_status\":\"succeeded\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
		Answer tooLarge = new Answer(413, "{\"error\":\"CoreClaw run callbacks are at most 65536 bytes\"}");
		assertThat(post("/coreclaw/callback/" + SECRET, oversize, true)).isEqualTo(tooLarge);
		assertThat(post("/coreclaw/callback/" + SECRET, oversize, false)).isEqualTo(tooLarge);
		assertThat(context.getBean(CallbackEvents.class).events).isEmpty();
	}

	/**
	 * Post a body to the application, announcing its length or sending it in chunks.
	 */
	private static Answer post(String path, String body, boolean chunked) throws IOException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
			.toURL()
			.openConnection();
		try {
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			if (chunked) {
				connection.setChunkedStreamingMode(4096);
			}
			else {
				connection.setFixedLengthStreamingMode(bytes.length);
			}
			try (OutputStream out = connection.getOutputStream()) {
				out.write(bytes);
			}
			int status = connection.getResponseCode();
			try (InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
				return new Answer(status, (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
			}
		}
		finally {
			connection.disconnect();
		}
	}

	record Answer(int status, String body) {
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
