/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests {@link WorkerTaskOperations} sends.
 */
@ExtendWith(ClosesClients.class)
class WorkerTaskOperationsRequestTests {

	private static final String ASYNC_REPLY = """
			{"code":0,"message":"success","request_id":"req-1","data":{"run_slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ"}}""";

	private static final String SYNC_REPLY = """
			{"code":0,"message":"success","request_id":"req-2","data":{"run_slug":"01KZAZV8F0ERXVTQF6Z7ZMWKAB"}}""";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void runAsyncPostsIsAsyncOnlyWithBearerKey() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		RunSlug slug = client(AuthScheme.BEARER).workerTasks().runAsync("demo-task").block(Duration.ofSeconds(5));
		assertThat(slug).isEqualTo(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("api-key", absent())
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"is_async\":true}")));
	}

	@Test
	void runAsyncSendsOnlyTheOptionsThatAreSet() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		RunOptions options = RunOptions.builder().callbackUrl(URI.create("https://app.example.com/hooks/coreclaw")).build();
		client(AuthScheme.BEARER).workerTasks().runAsync("demo-task", options).block(Duration.ofSeconds(5));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs")).withRequestBody(
				equalToJson("{\"is_async\":true,\"callback_url\":\"https://app.example.com/hooks/coreclaw\"}")));
	}

	@Test
	void runSyncPostsIsAsyncFalseAndTheDefaultLimit() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, SYNC_REPLY)));
		client(AuthScheme.BEARER).workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":20}")));
	}

	@Test
	void runSyncSendsEveryOptionThatIsSet() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, SYNC_REPLY)));
		RunOptions options = RunOptions.builder()
			.limit(5)
			.offset(0)
			.callbackUrl(URI.create("https://app.example.com/cb?sig=abc"))
			.build();
		client(AuthScheme.BEARER).workerTasks().runSync("demo-task", options).block(Duration.ofSeconds(5));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs")).withRequestBody(equalToJson(
				"{\"is_async\":false,\"limit\":5,\"offset\":0,\"callback_url\":\"https://app.example.com/cb?sig=abc\"}")));
	}

	@Test
	void configuredDefaultsApplyWhenOptionsSetNone() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, SYNC_REPLY)));
		CoreClawClientSettings settings = settings(wireMock)
			.withDefaultCallbackUrl(URI.create("https://app.example.com/default-cb"))
			.withDefaultResultLimit(50);
		ClosesClients.track(CoreClawClient.builder(settings).build()).workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs")).withRequestBody(equalToJson(
				"{\"is_async\":false,\"limit\":50,\"callback_url\":\"https://app.example.com/default-cb\"}")));
	}

	@Test
	void apiKeyHeaderSchemeSendsTheLegacyHeaderOnly() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		client(AuthScheme.API_KEY_HEADER).workerTasks().runAsync("demo-task").block(Duration.ofSeconds(5));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
			.withHeader("api-key", equalTo(API_KEY))
			.withHeader("Authorization", absent()));
	}

	@Test
	void queryTokenSchemeSendsTheKeyAsTokenParameterOnly() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		client(AuthScheme.QUERY_TOKEN).workerTasks().runAsync("demo-task").block(Duration.ofSeconds(5));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs?token=" + API_KEY))
			.withHeader("Authorization", absent())
			.withHeader("api-key", absent()));
	}

	@Test
	void queryTokenIsPercentEncoded() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		CoreClawClientSettings settings = CoreClawClientSettings.builder()
			.baseUrl(URI.create(wireMock.baseUrl()))
			.apiKey("k+y/=&1")
			.authScheme(AuthScheme.QUERY_TOKEN)
			.connectTimeout(Duration.ofSeconds(1))
			.responseTimeout(Duration.ofSeconds(5))
			.syncResponseTimeout(Duration.ofSeconds(5))
			.build();
		ClosesClients.track(CoreClawClient.builder(settings).build()).workerTasks().runAsync("demo-task").block(Duration.ofSeconds(5));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs?token=k%2By%2F%3D%261")));
	}

	@Test
	void ownerTildeNameIdsAndBaseUrlPathsAreKept() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		CoreClawClientSettings settings = settings(wireMock).withBaseUrl(URI.create(wireMock.baseUrl() + "/proxy"));
		ClosesClients.track(CoreClawClient.builder(settings).build()).workerTasks().runAsync("01KZ_owner~task.v2-x").block(Duration.ofSeconds(5));
		wireMock.verify(1, postRequestedFor(urlEqualTo("/proxy/api/v2/worker-tasks/01KZ_owner~task.v2-x/runs")));
	}

	@Test
	void eachSubscriptionSendsOneRequestAndNothingIsSentBeforeIt() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, ASYNC_REPLY)));
		var run = client(AuthScheme.BEARER).workerTasks().runAsync("demo-task");
		wireMock.verify(0, anyRequestedFor(anyUrl()));
		run.block(Duration.ofSeconds(5));
		run.block(Duration.ofSeconds(5));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	private static CoreClawClient client(AuthScheme scheme) {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock).withAuthScheme(scheme)).build());
	}

}
