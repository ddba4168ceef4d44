/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.autoconfigure.CallbackPosts.TypedAnswer;
import io.github.coreclaw.spring.autoconfigure.actuate.CoreClawHealthContributorAutoConfiguration;
import io.github.coreclaw.spring.autoconfigure.actuate.CoreClawInfoContributorAutoConfiguration;
import io.github.coreclaw.spring.autoconfigure.actuate.CoreClawSanitizingAutoConfiguration;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.client.AuthScheme;
import io.github.coreclaw.spring.client.CoreClawAuthenticationException;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.mappings.MappingsEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.actuate.web.mappings.MappingsEndpoint;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The callback secret, as a real server of each web stack handles callbacks: it is in no
 * observation (so in no metric and no trace), and a wrong secret gets the very answer the
 * application gives to a path it does not map, so that a probe cannot tell the receiver is there.
 */
@ExtendWith(OutputOnFailure.class)
abstract class CallbackSecrecyIntegrationTests {

	static final String SECRET = CallbackReceiverContractTests.SECRET;

	static final String API_KEY = CoreClawStubs.API_KEY;

	/** Tag of the tests that start the application themselves. */
	static final String OWN_APPLICATION = "own-application";

	private static final String RUN = "01KKDXV2G26BT7NH4ZQR2R4NPZ";

	static final String[] PROPERTIES = { "server.port=0", "server.address=127.0.0.1",
			"coreclaw.api-key=ck-test-key-for-callbacks", "coreclaw.base-url=http://127.0.0.1:9",
			"coreclaw.callback.enabled=true", "coreclaw.callback.secret=" + SECRET };

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension coreClaw = CoreClawStubs.wireMock();

	private @Nullable ConfigurableApplicationContext context;

	/**
	 * The application of the web stack under test, with its auto-configurations.
	 * @return the application's builder
	 */
	protected abstract SpringApplicationBuilder application();

	/**
	 * The loggers of the web stack under test that print a request's path at DEBUG or TRACE.
	 * @return their names, or the starts of their names
	 */
	protected abstract List<String> requestPathLoggers();

	/**
	 * Start the application on a random port, with the given configuration among its sources,
	 * {@link #PROPERTIES} and the given properties.
	 * @param configuration the test's configuration
	 * @param properties more properties
	 * @return the running application
	 */
	private ConfigurableApplicationContext start(Class<?> configuration, String... properties) {
		return application().sources(configuration).properties(PROPERTIES).properties(properties).run();
	}

	@BeforeEach
	void startTheApplication(TestInfo test) {
		if (!test.getTags().contains(OWN_APPLICATION)) {
			this.context = start(Recording.class);
		}
	}

	@AfterEach
	void stopTheApplication() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void noTokenNorTheSecretIsInAnyKeyValueOfAnyObservationNorInAnyMeterTag() throws IOException {
		String valid = CallbackPosts.callbackPath(SECRET);
		String foreign = CallbackPosts.callbackPath("another-secret-0123456789");
		assertThat(post(valid, CallbackReceiverContractTests.SUCCEEDED).status()).isEqualTo(204);
		assertThat(post(valid, "{\"run_status\":\"succeeded\"}").status()).isEqualTo(400);
		assertThat(post(foreign, CallbackReceiverContractTests.SUCCEEDED).status()).isEqualTo(404);
		Recording recording = this.context.getBean(Recording.class);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> recording.observations.stream()
				.filter((observation) -> observation.name().equals("http.server.requests"))
				.count() == 3);
		List<String> secrets = List.of(SECRET, SECRET.toUpperCase(), token(valid), token(foreign));
		for (String secret : secrets) {
			assertThat(recording.startNames).isNotEmpty().allSatisfy((name) -> assertThat(name).doesNotContain(secret));
			assertThat(recording.observations)
				.allSatisfy((observation) -> assertThat(observation.toString()).doesNotContain(secret));
		}
		assertThat(recording.observations)
			.filteredOn((observation) -> observation.name().equals("http.server.requests"))
			.allSatisfy((observation) -> assertThat(observation.keyValues()).containsEntry("http.url",
					"/coreclaw/callback/{secret}"))
			.filteredOn((observation) -> !observation.keyValues().get("status").equals("404"))
			.hasSize(2)
			.allSatisfy((observation) -> {
				assertThat(observation.keyValues()).containsEntry("uri", "/coreclaw/callback/{secret}");
				assertThat(observation.contextualName()).isEqualTo("http post /coreclaw/callback/{secret}");
			});
		List<String> tags = new ArrayList<>();
		for (Meter meter : this.context.getBean(MeterRegistry.class).getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				tags.add(meter.getId().getName() + " " + tag.getKey() + "=" + tag.getValue());
			}
		}
		assertThat(tags).contains("http.server.requests uri=/coreclaw/callback/{secret}");
		for (String secret : secrets) {
			assertThat(tags).allSatisfy((tag) -> assertThat(tag).doesNotContain(secret));
		}
	}

	/** The token of a callback path: its last segment. */
	private static String token(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * What the issue asks of the whole: a request through each auth scheme, and a callback through
	 * the receiver at the URL the client gave CoreClaw, with every log line (root at TRACE, from
	 * startup on), every observation and meter, and Actuator's endpoints captured: neither the API
	 * key nor the callback secret is in any of them.
	 */
	@ParameterizedTest
	@EnumSource(AuthScheme.class)
	@org.junit.jupiter.api.Tag(OWN_APPLICATION)
	void neitherSecretIsInAnyLogLineObservationMeterOrActuatorEndpoint(AuthScheme scheme) throws IOException {
		coreClaw.stubFor(WireMock.post(urlPathEqualTo("/api/v2/worker-tasks/t1/runs"))
			.willReturn(CoreClawStubs.json(200, "{\"code\":0,\"request_id\":\"req-1\",\"data\":{\"run_slug\":\"" + RUN
					+ "\"}}")));
		coreClaw.stubFor(WireMock.get(urlPathEqualTo("/api/v2/worker-runs/" + RUN)).willReturn(CoreClawStubs.json(200,
				"{\"code\":0,\"request_id\":\"req-2\",\"data\":{\"slug\":\"" + RUN + "\",\"status\":\"running\"}}")));
		coreClaw.stubFor(WireMock.post(urlPathEqualTo("/api/v2/worker-tasks/denied/runs"))
			.willReturn(CoreClawStubs.envelope(401, 12001, "authentication required")));
		coreClaw.stubFor(WireMock.get(urlPathEqualTo("/api/v2/users/account")).willReturn(CoreClawStubs.json(200,
				"{\"code\":0,\"request_id\":\"req-3\",\"data\":{\"balance\":\"12.50\"}}")));
		ch.qos.logback.classic.LoggerContext logging = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory
			.getILoggerFactory();
		ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ch.qos.logback.classic.Level before = root.getLevel();
		ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
		lines.setContext(logging);
		lines.start();
		List<String> endpoints = new ArrayList<>();
		String callbackUrl;
		try {
			// Boot sets up logging anew as the application starts (root at TRACE from then on, as
			// logging.level.root says); the lines are captured from right after that.
			this.context = application().sources(Recording.class)
				.listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) (event) -> root.addAppender(lines))
				.properties(PROPERTIES)
				.properties("logging.level.root=TRACE", "coreclaw.api-key=" + API_KEY, "coreclaw.base-url=" + coreClaw.baseUrl(),
					"coreclaw.auth-scheme=" + scheme.name().toLowerCase().replace('_', '-'),
					"coreclaw.callback.public-base-url=http://127.0.0.1:1", "coreclaw.retry.enabled=false",
					"management.endpoints.web.exposure.include=*", "management.endpoint.configprops.show-values=always",
					"management.endpoint.env.show-values=always", "management.endpoint.health.show-details=always",
					"management.info.env.enabled=true")
				.run();
			WorkerTaskOperations workerTasks = this.context.getBean(WorkerTaskOperations.class);
			workerTasks.runAsync("t1", RunOptions.builder().callbackToReceiver().build()).block(Duration.ofSeconds(5));
			this.context.getBean(WorkerRunOperations.class).getRun(new RunSlug(RUN)).block(Duration.ofSeconds(5));
			assertThatExceptionOfType(CoreClawAuthenticationException.class)
				.isThrownBy(() -> workerTasks.runAsync("denied").block(Duration.ofSeconds(5)));
			callbackUrl = sentCallbackUrl();
			// CoreClaw posts to the URL it was given: here to the application's own port.
			String callbackPath = URI.create(callbackUrl).getRawPath();
			assertThat(post(callbackPath, CallbackReceiverContractTests.SUCCEEDED).status()).isEqualTo(204);
			assertThat(post(callbackPath, "{\"run_status\":\"succeeded\"}").status()).isEqualTo(400);
			assertThat(post(CallbackPosts.callbackPath("another-secret-0123456789"), CallbackReceiverContractTests.SUCCEEDED)
				.status()).isEqualTo(404);
			endpoints.add(json(this.context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()));
			endpoints.add(json(this.context.getBean(EnvironmentEndpoint.class).environment(null)));
			endpoints.add(json(this.context.getBean(EnvironmentEndpoint.class).environmentEntry("coreclaw.api-key")));
			endpoints.add(json(this.context.getBean(EnvironmentEndpoint.class).environmentEntry("coreclaw.callback.secret")));
			endpoints.add(json(this.context.getBean(MappingsEndpoint.class).mappings()));
			endpoints.add(json(this.context.getBean(InfoEndpoint.class).info()));
			endpoints.add(json(this.context.getBean(HealthEndpoint.class).health()));
			endpoints.add(json(this.context.getBean(MetricsEndpoint.class).listNames()));
		}
		finally {
			root.setLevel(before);
			root.detachAppender(lines);
		}
		// What would let this test pass for the wrong reason: the key not sent, no callback, no output.
		assertKeySent(scheme);
		assertThat(callbackUrl).startsWith("http://127.0.0.1:1/coreclaw/callback/").doesNotContain(SECRET);
		Recording published = this.context.getBean(Recording.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> published.callbacks.size() == 1);
		assertThat(lines.list).as("lines logged at TRACE").hasSizeGreaterThan(1000)
			.anySatisfy((event) -> assertThat(event.getLoggerName()).startsWith("reactor.netty.http.client"));
		String token = callbackUrl.substring(callbackUrl.lastIndexOf('/') + 1);
		// The server's and Spring's request logging print the path: the token, not the secret.
		List<String> withTheToken = lines.list.stream()
			.filter((event) -> render(event).contains(token))
			.map(ch.qos.logback.classic.spi.ILoggingEvent::getLoggerName)
			.distinct()
			.toList();
		assertThat(withTheToken).as("loggers that printed the callback path")
			.containsAll(requestPathLoggers());
		assertThat(endpoints).hasSize(8);
		assertThat(endpoints.get(0)).contains("\"secret\":\"******\"");
		assertThat(endpoints.get(6)).contains("\"coreclaw\":{\"details\":{\"balance\":12.50},\"status\":\"UP\"}");

		for (String secret : List.of(API_KEY, SECRET)) {
			assertThat(lines.list).as("log lines").noneSatisfy((event) -> assertThat(render(event)).contains(secret));
			assertThat(endpoints).as("Actuator endpoints").noneSatisfy((endpoint) -> assertThat(endpoint).contains(secret));
		}
		// Neither is the token in a metric or a trace.
		for (String secret : List.of(API_KEY, SECRET, token)) {
			Recording recording = this.context.getBean(Recording.class);
			assertThat(recording.startNames).as("observations as they start").noneSatisfy((name) -> assertThat(name).contains(secret));
			assertThat(recording.observations).as("observations").isNotEmpty()
				.noneSatisfy((observation) -> assertThat(observation.toString()).contains(secret));
			assertThat(meterTags()).as("meter tags").noneSatisfy((tag) -> assertThat(tag).contains(secret));
		}
	}

	private static String render(ch.qos.logback.classic.spi.ILoggingEvent event) {
		return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + ((event.getThrowableProxy() != null)
				? ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
	}

	/** The callback URL the client sent CoreClaw with the run. */
	private static String sentCallbackUrl() {
		List<String> urls = coreClaw.findAll(postRequestedFor(urlPathEqualTo("/api/v2/worker-tasks/t1/runs")))
			.stream()
			.map((request) -> mapper.readTree(request.getBodyAsString()).get("callback_url").asString())
			.toList();
		assertThat(urls).hasSize(1);
		return urls.get(0);
	}

	/** Each request CoreClaw received carried the key where the scheme puts it, and only there. */
	private static void assertKeySent(AuthScheme scheme) {
		List<LoggedRequest> requests = coreClaw.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(4).allSatisfy((request) -> {
			switch (scheme) {
				case BEARER -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
				case API_KEY_HEADER -> assertThat(request.getHeader("api-key")).isEqualTo(API_KEY);
				case QUERY_TOKEN -> assertThat(request.queryParameter("token").values()).containsExactly(API_KEY);
			}
		});
	}

	private List<String> meterTags() {
		List<String> tags = new ArrayList<>();
		for (Meter meter : this.context.getBean(MeterRegistry.class).getMeters()) {
			tags.add(meter.getId().getName() + " " + meter.getId().getTags());
		}
		return tags;
	}

	private static String json(Object value) {
		return mapper.writeValueAsString(value);
	}

	@Test
	void aWrongSecretIsAnsweredExactlyAsAPathTheApplicationDoesNotMap() throws IOException {
		String wrongSecret = "/coreclaw/callback/" + SECRET.toUpperCase();
		String unmapped = "/no-such-path/" + SECRET.toUpperCase();
		TypedAnswer wrong = post(wrongSecret, CallbackReceiverContractTests.SUCCEEDED);
		TypedAnswer nothing = post(unmapped, CallbackReceiverContractTests.SUCCEEDED);
		assertThat(wrong.status()).isEqualTo(nothing.status()).isEqualTo(404);
		assertThat(wrong.contentType()).isEqualTo(nothing.contentType()).isNotNull();
		assertThat(shape(wrong.body(), wrongSecret)).isEqualTo(shape(nothing.body(), unmapped));
		TypedAnswer noSecret = post("/coreclaw/callback/", CallbackReceiverContractTests.SUCCEEDED);
		assertThat(shape(noSecret.body(), "/coreclaw/callback/")).isEqualTo(shape(nothing.body(), unmapped));
		assertThat(noSecret.status()).isEqualTo(404);
	}

	@Test
	void theRouteDescribesItsSecretCheckWithoutTheSecret() {
		assertThat(this.context.getBean(CoreClawCallbackConfiguration.ROUTER_BEAN_NAME).toString())
			.startsWith("((POST && /coreclaw/callback/{secret}) && {secret} is a callback token signed with the "
					+ "callback secret) -> ")
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

	private TypedAnswer post(String path, String body) throws IOException {
		return CallbackPosts.postAcceptingJson(this.context, path, body);
	}


	/**
	 * One stopped observation: its name, contextual name and every key value.
	 */
	record Recorded(String name, @Nullable String contextualName, Map<String, String> keyValues) {
	}

	/**
	 * Records every observation of the application as it stops, and every callback published;
	 * brings Actuator's endpoints and the starter's contributions to them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
			EnvironmentEndpointAutoConfiguration.class, MappingsEndpointAutoConfiguration.class,
			InfoContributorAutoConfiguration.class, InfoEndpointAutoConfiguration.class,
			HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class, MetricsEndpointAutoConfiguration.class,
			CoreClawSanitizingAutoConfiguration.class, CoreClawInfoContributorAutoConfiguration.class,
			CoreClawHealthContributorAutoConfiguration.class })
	static class Recording implements ObservationHandler<Observation.Context> {

		final List<Recorded> observations = new CopyOnWriteArrayList<>();

		final List<String> startNames = new CopyOnWriteArrayList<>();

		final List<CoreClawRunCallbackEvent> callbacks = new CopyOnWriteArrayList<>();

		@EventListener
		void onCallback(CoreClawRunCallbackEvent event) {
			this.callbacks.add(event);
		}

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
