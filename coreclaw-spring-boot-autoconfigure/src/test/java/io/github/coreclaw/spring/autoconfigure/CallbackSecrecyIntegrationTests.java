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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The callback secret, as a real server of each web stack handles callbacks: it is in no
 * observation (so in no metric and no trace), and a wrong secret gets the very answer the
 * application gives to a path it does not map, so that a probe cannot tell the receiver is there.
 */
@ExtendWith(OutputOnFailure.class)
abstract class CallbackSecrecyIntegrationTests {

	static final String SECRET = CallbackReceiverContractTests.SECRET;

	static final String[] PROPERTIES = { "server.port=0", "server.address=127.0.0.1",
			"coreclaw.api-key=ck-test-key-for-callbacks", "coreclaw.base-url=http://127.0.0.1:9",
			"coreclaw.callback.enabled=true", "coreclaw.callback.secret=" + SECRET };

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	/**
	 * Start the application on a random port, with the given configuration among its sources.
	 * @param configuration the test's configuration
	 * @return the running application
	 */
	protected abstract ConfigurableApplicationContext start(Class<?> configuration);

	@BeforeEach
	void startTheApplication() {
		this.context = start(Recording.class);
	}

	@AfterEach
	void stopTheApplication() {
		this.context.close();
	}

	@Test
	void theSecretIsInNoKeyValueOfAnyObservationNorInAnyMeterTag() throws IOException {
		assertThat(post("/coreclaw/callback/" + SECRET, CallbackReceiverContractTests.SUCCEEDED).status())
			.isEqualTo(204);
		assertThat(post("/coreclaw/callback/" + SECRET, "{\"run_status\":\"succeeded\"}").status()).isEqualTo(400);
		Recording recording = this.context.getBean(Recording.class);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> recording.observations.stream()
				.filter((observation) -> observation.name().equals("http.server.requests"))
				.count() == 2);
		assertThat(recording.startNames).isNotEmpty().allSatisfy((name) -> assertThat(name).doesNotContain(SECRET));
		assertThat(recording.observations).allSatisfy((observation) -> assertThat(observation.toString())
			.doesNotContain(SECRET)
			.doesNotContain(SECRET.toUpperCase()));
		assertThat(recording.observations)
			.filteredOn((observation) -> observation.name().equals("http.server.requests"))
			.allSatisfy((observation) -> {
				assertThat(observation.keyValues()).containsEntry("http.url", "/coreclaw/callback/{secret}")
					.containsEntry("uri", "/coreclaw/callback/{secret}");
				assertThat(observation.contextualName()).isEqualTo("http post /coreclaw/callback/{secret}");
			});
		List<String> tags = new ArrayList<>();
		for (Meter meter : this.context.getBean(MeterRegistry.class).getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				tags.add(meter.getId().getName() + " " + tag.getKey() + "=" + tag.getValue());
			}
		}
		assertThat(tags).contains("http.server.requests uri=/coreclaw/callback/{secret}")
			.allSatisfy((tag) -> assertThat(tag).doesNotContain(SECRET));
	}

	@Test
	void theSecretIsInNoLogLineWithEveryLoggerAtTrace() throws IOException {
		ch.qos.logback.classic.LoggerContext logging = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory
			.getILoggerFactory();
		ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ch.qos.logback.classic.Level before = root.getLevel();
		ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
		lines.setContext(logging);
		lines.start();
		root.addAppender(lines);
		root.setLevel(ch.qos.logback.classic.Level.TRACE);
		try {
			assertThat(post("/coreclaw/callback/" + SECRET, CallbackReceiverContractTests.SUCCEEDED).status())
				.isEqualTo(204);
			assertThat(post("/coreclaw/callback/" + SECRET, "{\"run_status\":\"succeeded\"}").status())
				.isEqualTo(400);
		}
		finally {
			root.setLevel(before);
			root.detachAppender(lines);
		}
		assertThat(lines.list).as("lines logged at TRACE").isNotEmpty();
		List<String> loggersWithTheSecret = lines.list.stream()
			.filter((event) -> (event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
				.contains(SECRET))
			.map(ch.qos.logback.classic.spi.ILoggingEvent::getLoggerName)
			.distinct()
			.toList();
		// Only the loggers docs/security.md names print the request path: the HTTP server's own and
		// Spring's request logging and routing at DEBUG and TRACE (and this test's own client).
		assertThat(loggersWithTheSecret).isNotEmpty()
			.allSatisfy((logger) -> assertThat(java.util.Arrays.stream(SERVER_SIDE_REQUEST_LOGGERS).anyMatch(logger::startsWith))
				.as("%s is one of the loggers docs/security.md names", logger)
				.isTrue());
	}

	/** The loggers that print a request's path, and so the callback secret, at DEBUG or TRACE. */
	static final String[] SERVER_SIDE_REQUEST_LOGGERS = { "org.apache.coyote.", "org.apache.catalina.",
			"org.apache.tomcat.", "reactor.netty.http.server.", "org.springframework.web.servlet.DispatcherServlet",
			"org.springframework.web.servlet.function.", "org.springframework.web.server.adapter.HttpWebHandlerAdapter",
			"org.springframework.web.reactive.function.server.", "sun.net.www.protocol.http." };

	@Test
	void aWrongSecretIsAnsweredExactlyAsAPathTheApplicationDoesNotMap() throws IOException {
		String wrongSecret = "/coreclaw/callback/" + SECRET.toUpperCase();
		String unmapped = "/no-such-path/" + SECRET.toUpperCase();
		Answer wrong = post(wrongSecret, CallbackReceiverContractTests.SUCCEEDED);
		Answer nothing = post(unmapped, CallbackReceiverContractTests.SUCCEEDED);
		assertThat(wrong.status()).isEqualTo(nothing.status()).isEqualTo(404);
		assertThat(wrong.contentType()).isEqualTo(nothing.contentType()).isNotNull();
		assertThat(shape(wrong.body(), wrongSecret)).isEqualTo(shape(nothing.body(), unmapped));
		Answer noSecret = post("/coreclaw/callback/", CallbackReceiverContractTests.SUCCEEDED);
		assertThat(shape(noSecret.body(), "/coreclaw/callback/")).isEqualTo(shape(nothing.body(), unmapped));
		assertThat(noSecret.status()).isEqualTo(404);
	}

	@Test
	void theRouteDescribesItsSecretCheckWithoutTheSecret() {
		assertThat(this.context.getBean(CoreClawCallbackConfiguration.ROUTER_BEAN_NAME).toString())
			.startsWith("((POST && /coreclaw/callback/{secret}) && {secret} is the callback secret) -> ")
			.doesNotContain(SECRET);
	}

	/**
	 * The fields of an error body, with the values that differ from request to request
	 * (timestamp, request id) left out and the request path replaced by a placeholder.
	 */
	private static Map<String, String> shape(String body, String path) {
		JsonNode json = mapper.readTree(body);
		Map<String, String> shape = new TreeMap<>();
		for (Map.Entry<String, JsonNode> field : json.properties()) {
			String value = field.getValue().asString();
			shape.put(field.getKey(), switch (field.getKey()) {
				case "timestamp", "requestId" -> "(varies)";
				default -> value.replace(path, "(path)");
			});
		}
		return shape;
	}

	private Answer post(String path, String body) throws IOException {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
			.toURL()
			.openConnection();
		try {
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			connection.setRequestProperty("Accept", "application/json");
			connection.setFixedLengthStreamingMode(bytes.length);
			try (OutputStream out = connection.getOutputStream()) {
				out.write(bytes);
			}
			int status = connection.getResponseCode();
			try (InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
				return new Answer(status, connection.getContentType(),
						(in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
			}
		}
		finally {
			connection.disconnect();
		}
	}

	record Answer(int status, @Nullable String contentType, String body) {
	}

	/**
	 * One stopped observation: its name, contextual name and every key value.
	 */
	record Recorded(String name, @Nullable String contextualName, Map<String, String> keyValues) {
	}

	/**
	 * Records every observation of the application as it stops.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Recording implements ObservationHandler<Observation.Context> {

		final List<Recorded> observations = new CopyOnWriteArrayList<>();

		final List<String> startNames = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStart(Observation.Context context) {
			// What a tracer names the span after when it starts it
			this.startNames.add(context.getName() + " " + context.getContextualName());
		}

		@Override
		public void onStop(Observation.Context context) {
			Map<String, String> keyValues = new TreeMap<>();
			for (KeyValue keyValue : context.getAllKeyValues()) {
				keyValues.put(keyValue.getKey(), keyValue.getValue());
			}
			this.observations.add(new Recorded(context.getName(), context.getContextualName(), keyValues));
		}

	}

}
