/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.AuthScheme;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.BDDMockito;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link CoreClawAutoConfiguration}.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawAutoConfigurationTests {

	private static final String API_KEY = "ck_test_autoconf_5ecret";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				JacksonAutoConfiguration.class));

	@Test
	void defaultsGiveAClientOfThePublicApiWithBearerAuth() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(CoreClawClient.class)
				.hasSingleBean(WorkerTaskOperations.class)
				.hasSingleBean(CoreClawConnectionDetails.class)
				.hasSingleBean(CoreClawProperties.class);
			assertThat(context.getBean(CoreClawConnectionDetails.class))
				.isInstanceOf(PropertiesCoreClawConnectionDetails.class);
			assertThat(context.getBean(CoreClawClient.class).settings()).isEqualTo(CoreClawClientSettings.of(API_KEY));
			assertThat(context.getBean(WorkerTaskOperations.class))
				.isSameAs(context.getBean(CoreClawClient.class).workerTasks());
		});
	}

	@Test
	void everyPropertyReachesTheClientSettings() {
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=https://coreclaw.internal.example.com/gw",
					"coreclaw.auth-scheme=api-key-header", "coreclaw.connect-timeout=3s", "coreclaw.response-timeout=45s",
					"coreclaw.sync-response-timeout=7m", "coreclaw.default-callback-url=https://app.example.com/cb",
					"coreclaw.default-result-limit=100")
			.run((context) -> assertThat(context.getBean(CoreClawClient.class).settings())
				.isEqualTo(CoreClawClientSettings.builder()
					.baseUrl(URI.create("https://coreclaw.internal.example.com/gw"))
					.apiKey(API_KEY)
					.authScheme(AuthScheme.API_KEY_HEADER)
					.connectTimeout(Duration.ofSeconds(3))
					.responseTimeout(Duration.ofSeconds(45))
					.syncResponseTimeout(Duration.ofMinutes(7))
					.defaultCallbackUrl(URI.create("https://app.example.com/cb"))
					.defaultResultLimit(100)
					.build()));
	}

	@Test
	void queryTokenSchemeBinds() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.auth-scheme=query-token")
			.run((context) -> assertThat(context.getBean(CoreClawClient.class).settings().authScheme())
				.isEqualTo(AuthScheme.QUERY_TOKEN));
	}

	@Test
	void apiKeyBindsFromTheCoreclawApiKeyEnvironmentVariable() {
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CORECLAW_API_KEY", API_KEY))))
			.run((context) -> assertThat(context.getBean(CoreClawClient.class).settings().apiKey()).isEqualTo(API_KEY));
	}

	@Test
	void missingKeyStopsStartupWithAnAnalysisNamingTheProperty() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("No CoreClaw API key is configured: coreclaw.api-key is "
					+ "not set, so the CoreClaw client cannot authenticate its requests.");
			assertThat(analysis.getAction()).isEqualTo("Set coreclaw.api-key (in application.yml, or through the "
					+ "CORECLAW_API_KEY environment variable) to an API key from the CoreClaw console (Settings > API "
					+ "& Integrations). To start without the CoreClaw client, set coreclaw.enabled=false.");
		});
	}

	@Test
	void blankKeyStopsStartupToo() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=  ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidCoreClawConfigurationException.class)
				.hasMessageContaining("coreclaw.api-key"));
	}

	@Test
	void aKeyThatCannotBeSentAsItIsStopsStartupNamingThePropertyWithoutEchoingIt() {
		assertKeyRefused(API_KEY + "\n", "coreclaw.api-key must be a CoreClaw API key of printable ASCII characters "
				+ "only but it holds a line break (\\n) at its end: the CoreClaw client could not send it as it is.");
		assertKeyRefused("Bearer " + API_KEY, "coreclaw.api-key must be a CoreClaw API key without the \"Bearer \" "
				+ "prefix but it starts with \"Bearer \", which the client adds itself: the CoreClaw client could not "
				+ "send it as it is.");
		assertKeyRefused("ck_test_auto\u001bconf_5ecret", "coreclaw.api-key must be a CoreClaw API key of printable "
				+ "ASCII characters only but it holds a control character (\\u001b) at character 13: the CoreClaw "
				+ "client could not send it as it is.");
		assertKeyRefused("ck_test autoconf_5ecret", "coreclaw.api-key must be a CoreClaw API key of printable ASCII "
				+ "characters only but it holds a space at character 8: the CoreClaw client could not send it as it is.");
	}

	/**
	 * Start with the key as it is (property values given as {@code key=value} text are trimmed) and
	 * expect the analysis, which names coreclaw.api-key and, like every message of the failure,
	 * never shows the key.
	 */
	private void assertKeyRefused(String key, String description) {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("key", Map.of("coreclaw.api-key", key))))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo(description);
				assertThat(analysis.getAction()).isEqualTo("Set coreclaw.api-key to the key exactly as the CoreClaw "
						+ "console (Settings > API & Integrations) shows it: without a \"Bearer \" prefix (the client "
						+ "adds it), spaces or line breaks (check the end of a key read from a file or an environment "
						+ "variable).");
				for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
					assertThat(String.valueOf(failure.getMessage())).doesNotContain("5ecret");
				}
			});
	}

	@Test
	void disabledStarterCreatesNothingAndNeedsNoKey() {
		this.contextRunner.withPropertyValues("coreclaw.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CoreClawClient.class)
				.doesNotHaveBean(WorkerTaskOperations.class)
				.doesNotHaveBean(CoreClawConnectionDetails.class));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoreClawClient.class)
				.doesNotHaveBean(WorkerTaskOperations.class));
	}

	@Test
	void plainHttpToARemoteHostIsRefused() {
		assertAnalysis("coreclaw.base-url is 'http://openapi.coreclaw.com': plain http to a host other than loopback "
				+ "would send the CoreClaw API key in clear.",
				"Use an https URL in coreclaw.base-url, or set coreclaw.allow-insecure-http=true if this connection is "
						+ "protected in another way.",
				"coreclaw.api-key=" + API_KEY, "coreclaw.base-url=http://openapi.coreclaw.com");
	}

	@Test
	void plainHttpIsAllowedToLoopbackOrWhenExplicitlyAllowed() {
		for (String url : new String[] { "http://localhost:8089", "http://127.0.0.1:8089", "http://127.1.2.3",
				"http://[::1]:8089", "http://api.localhost" }) {
			this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=" + url)
				.run((context) -> assertThat(context).as(url).hasNotFailed().hasSingleBean(CoreClawClient.class));
		}
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=http://coreclaw.internal",
					"coreclaw.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CoreClawClient.class));
	}

	@Test
	void lookalikeLoopbackHostsAreNotLoopback() {
		for (String url : new String[] { "http://localhost.evil.example", "http://127.0.0.1.nip.io", "http://10.0.0.1" }) {
			this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=" + url)
				.run((context) -> assertThat(context).as(url)
					.getFailure()
					.rootCause()
					.hasMessageContaining("plain http to a host other than loopback"));
		}
	}

	@Test
	void baseUrlWithoutSchemeIsRefused() {
		assertAnalysis("coreclaw.base-url must be an absolute http or https URL with a host but it is relative.",
				"Set coreclaw.base-url to an absolute http or https URL with a host, or remove it to use the default.",
				"coreclaw.api-key=" + API_KEY, "coreclaw.base-url=openapi.coreclaw.com");
	}

	@Test
	void aBaseUrlWithUserInfoStopsStartupWithoutEchoingIt() {
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=https://gw-user:gw-pass@gateway.example.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("coreclaw.base-url must be a URL without user info");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("gw-user", "gw-pass");
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain("gw-pass");
				}
			});
	}

	@Test
	void outOfRangeValuesNameTheirProperty() {
		assertFailureNames("coreclaw.default-result-limit=0", "coreclaw.default-result-limit");
		assertFailureNames("coreclaw.default-result-limit=101", "coreclaw.default-result-limit");
		assertFailureNames("coreclaw.connect-timeout=0s", "coreclaw.connect-timeout");
		assertFailureNames("coreclaw.response-timeout=-1s", "coreclaw.response-timeout");
		assertFailureNames("coreclaw.sync-response-timeout=0ms", "coreclaw.sync-response-timeout");
		assertFailureNames("coreclaw.default-callback-url=/relative", "coreclaw.default-callback-url");
		assertFailureNames("coreclaw.default-callback-url=https://app.example.com/cb?k=" + API_KEY,
				"coreclaw.default-callback-url");
	}

	@Test
	void callbackUrlThatHoldsTheKeyIsRefusedWithoutEchoingEither() {
		assertAnalysis("coreclaw.default-callback-url must be a URL without the API key, which CoreClaw would send to "
				+ "the callback receiver but it contains the API key.",
				"Set coreclaw.default-callback-url to a URL without the API key, which CoreClaw would send to the "
						+ "callback receiver, or remove it.",
				"coreclaw.api-key=" + API_KEY, "coreclaw.default-callback-url=https://app.example.com/cb?k=" + API_KEY);
	}

	@Test
	void unresolvedApiKeyPlaceholderIsReportedLikeAMissingKeyAndNamesTheVariable() {
		assertAnalysis("No CoreClaw API key is configured: coreclaw.api-key is the unresolved placeholder "
				+ "${CORECLAW_TEST_KEY_THAT_IS_NOT_SET}, so the CoreClaw client cannot authenticate its requests.",
				"Set the environment variable CORECLAW_TEST_KEY_THAT_IS_NOT_SET to an API key from the CoreClaw console "
						+ "(Settings > API & Integrations), or write the key into coreclaw.api-key. To start without "
						+ "the CoreClaw client, set coreclaw.enabled=false.",
				"coreclaw.api-key=${CORECLAW_TEST_KEY_THAT_IS_NOT_SET}");
	}

	@Test
	void partlyResolvedApiKeyShowsOnlyThePlaceholder() {
		assertAnalysis("No CoreClaw API key is configured: coreclaw.api-key holds the unresolved placeholder "
				+ "${coreclaw.test.key-suffix}, so the CoreClaw client cannot authenticate its requests.",
				"Set the property coreclaw.test.key-suffix to an API key from the CoreClaw console (Settings > API & "
						+ "Integrations), or write the key into coreclaw.api-key. To start without the CoreClaw "
						+ "client, set coreclaw.enabled=false.",
				"coreclaw.api-key=ck_live_visible${coreclaw.test.key-suffix}");
	}

	@Test
	void unresolvedBaseUrlPlaceholderIsExplainedBeforeBootSaysItIsNoUrl() {
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=${CORECLAW_TEST_URL_THAT_IS_NOT_SET}")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new InvalidCoreClawConfigurationFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
				FailureAnalysis analysis = new UnresolvedPlaceholderFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("coreclaw.base-url is the unresolved placeholder "
						+ "${CORECLAW_TEST_URL_THAT_IS_NOT_SET}: the environment variable CORECLAW_TEST_URL_THAT_IS_NOT_SET "
						+ "is not set.");
				assertThat(analysis.getAction()).isEqualTo("Set the environment variable CORECLAW_TEST_URL_THAT_IS_NOT_SET, "
						+ "or change coreclaw.base-url so that it does not refer to it.");
			});
		assertAnalysis("coreclaw.base-url holds the unresolved placeholder ${CORECLAW_TEST_HOST_THAT_IS_NOT_SET}: the "
				+ "environment variable CORECLAW_TEST_HOST_THAT_IS_NOT_SET is not set.",
				"Set the environment variable CORECLAW_TEST_HOST_THAT_IS_NOT_SET to the root URL of the CoreClaw API, "
						+ "such as https://openapi.coreclaw.com, or remove coreclaw.base-url to use that default.",
				"coreclaw.api-key=" + API_KEY, "coreclaw.base-url=https://${CORECLAW_TEST_HOST_THAT_IS_NOT_SET}/api");
	}

	@Test
	void otherBindingFailuresAreLeftToBoot() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=https://bad url")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new UnresolvedPlaceholderFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
			});
	}

	private void assertAnalysis(String description, String action, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo(description);
			assertThat(analysis.getAction()).isEqualTo(action);
		});
	}

	private void assertFailureNames(String property, String name) {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY, property).run((context) -> {
			assertThat(context).as(property).hasFailed();
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).as(property).startsWith(name).doesNotContain(API_KEY);
			assertThat(analysis.getAction()).as(property).contains(name);
		});
	}

	@Test
	void userWorkerTaskOperationsWins() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY)
			.withUserConfiguration(UserOperationsConfiguration.class)
			.run((context) -> assertThat(context).getBean(WorkerTaskOperations.class)
				.isSameAs(context.getBean("userOperations")));
	}

	@Test
	void userClientWins() {
		this.contextRunner.withUserConfiguration(UserClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CoreClawClient.class);
			assertThat(context.getBean(CoreClawClient.class)).isSameAs(context.getBean("userClient"));
			assertThat(context.getBean(WorkerTaskOperations.class))
				.isSameAs(context.getBean(CoreClawClient.class).workerTasks());
		});
	}

	@Test
	void userConnectionDetailsRedirectTheClientAndSupplyTheKey() {
		this.contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CoreClawConnectionDetails.class);
			CoreClawClientSettings settings = context.getBean(CoreClawClient.class).settings();
			assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:9999"));
			assertThat(settings.apiKey()).isEqualTo("key-from-details");
		});
	}

	@Test
	void connectionDetailsWithoutKeyFallBackToTheProperty() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY)
			.withBean(CoreClawConnectionDetails.class, () -> () -> URI.create("https://gateway.example.com"))
			.run((context) -> {
				CoreClawClientSettings settings = context.getBean(CoreClawClient.class).settings();
				assertThat(settings.baseUrl()).isEqualTo(URI.create("https://gateway.example.com"));
				assertThat(settings.apiKey()).isEqualTo(API_KEY);
			});
	}

	@Test
	void requestsGoThroughBootsWebClientBuilderAndTheCoreClawCustomizers() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":0,\"data\":{\"run_slug\":\"r-42\"}}")));
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=" + wireMock.baseUrl())
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				RunSlug slug = context.getBean(WorkerTaskOperations.class).runAsync("demo-task").block(Duration.ofSeconds(5));
				assertThat(slug).isEqualTo(new RunSlug("r-42"));
				wireMock.verify(1, anyRequestedFor(anyUrl()));
				wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
					.withHeader("Authorization", equalTo("Bearer " + API_KEY))
					.withHeader("X-From-Boot-Customizer", equalTo("yes"))
					.withHeader("X-From-CoreClaw-Customizer", equalTo("yes")));
			});
	}

	@Test
	void typedRowsUseTheApplicationJsonMapper() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":0,\"data\":{\"run_slug\":\"r-1\",\"run_status\":\"succeeded\","
					+ "\"results\":{\"count\":1,\"list\":[{\"place_name\":\"Alpha\"}]}}}")));
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=" + wireMock.baseUrl())
			.withUserConfiguration(SnakeCaseMapperConfiguration.class)
			.run((context) -> {
				SyncRunResult result = context.getBean(WorkerTaskOperations.class)
					.runSync("demo-task")
					.block(Duration.ofSeconds(5));
				assertThat(result).isNotNull();
				assertThat(result.rows(Place.class)).containsExactly(new Place("Alpha"));
			});
	}

	@Test
	void settingsShowNoPathOrQueryOfTheDefaultCallbackUrl() {
		this.contextRunner
			.withPropertyValues("coreclaw.api-key=" + API_KEY,
					"coreclaw.default-callback-url=https://app.example.com:8443/coreclaw/callback/s3cretSegment?token=t0ken")
			.run((context) -> {
				String settings = context.getBean(CoreClawClient.class).settings().toString();
				assertThat(settings).contains("defaultCallbackUrl=https://app.example.com:8443/...")
					.doesNotContain("s3cretSegment")
					.doesNotContain("t0ken");
				assertThat(context.getBean(CoreClawClient.class).toString()).doesNotContain("s3cretSegment");
			});
	}

	@Test
	void noBeanOrPropertiesObjectShowsTheKey() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY).run((context) -> {
			assertThat(context.getBean(CoreClawClient.class).toString()).doesNotContain(API_KEY);
			assertThat(context.getBean(CoreClawClient.class).settings().toString()).doesNotContain(API_KEY);
			assertThat(context.getBean(CoreClawProperties.class).toString()).doesNotContain(API_KEY);
			assertThat(context.getBean(CoreClawConnectionDetails.class).toString()).doesNotContain(API_KEY);
			assertThat(context.getBean(WorkerTaskOperations.class).toString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void noRequestIsSentAtStartup() {
		this.contextRunner.withPropertyValues("coreclaw.api-key=" + API_KEY, "coreclaw.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				wireMock.verify(0, anyRequestedFor(anyUrl()));
			});
	}

	record Place(String placeName) {
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		@Bean
		WorkerTaskOperations userOperations() {
			return BDDMockito.mock(WorkerTaskOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		CoreClawClient userClient() {
			return CoreClawClient.builder(CoreClawClientSettings.of("user-key")).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		CoreClawConnectionDetails userConnectionDetails() {
			return new CoreClawConnectionDetails() {

				@Override
				public URI getBaseUrl() {
					return URI.create("http://localhost:9999");
				}

				@Override
				public String getApiKey() {
					return "key-from-details";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		WebClientCustomizer bootCustomizer() {
			return (builder) -> builder.defaultHeader("X-From-Boot-Customizer", "yes");
		}

		@Bean
		CoreClawWebClientCustomizer coreClawCustomizer() {
			return (builder) -> builder.defaultHeader("X-From-CoreClaw-Customizer", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SnakeCaseMapperConfiguration {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

	}

}
