/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.context.ApplicationEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link CoreClawCallbackHandler} behind a router, as the auto-configuration sets it up.
 */
public class CoreClawCallbackHandlerTests {

	public static final String SECRET = "0123456789abcdef-secret";

	public static final String SUCCEEDED = """
			{"error_message":"","execution_end_timestamp":1782091210,"execution_start_timestamp":1782091200,
			"result_count":1,"result_message":"done","run_slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","run_status":"succeeded",
			"running_duration":10}""";

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	private final List<RunSlug> changed = new CopyOnWriteArrayList<>();

	private final WebTestClient client = WebTestClient
		.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/coreclaw/callback/{secret}"),
				new CoreClawCallbackHandler(SECRET, Duration.ofMinutes(10), (event) -> this.events.add((ApplicationEvent) event),
						this.changed::add)))
		.build();

	@Test
	void validCallbackIsAnsweredAndPublished() {
		post(SECRET, SUCCEEDED).expectStatus().isNoContent();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.size() == 1);
		RunCallback callback = ((CoreClawRunCallbackEvent) this.events.get(0)).getCallback();
		assertThat(callback).isEqualTo(new RunCallback(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"), null,
				RunStatus.SUCCEEDED, "succeeded", null, Instant.ofEpochSecond(1782091200),
				Instant.ofEpochSecond(1782091210), Duration.ofSeconds(10), 1, "done"));
		assertThat(this.changed).containsExactly(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
	}

	@Test
	void olderIntegerRunIdIsAccepted() {
		post(SECRET, "{\"run_id\":123456,\"run_status\":\"failed\",\"error_message\":\"blocked\"}").expectStatus()
			.isNoContent();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.size() == 1);
		RunCallback callback = ((CoreClawRunCallbackEvent) this.events.get(0)).getCallback();
		assertThat(callback.runSlug()).isNull();
		assertThat(callback.runId()).isEqualTo(123456L);
		assertThat(callback.status()).isEqualTo(RunStatus.FAILED);
		assertThat(callback.errorMessage()).isEqualTo("blocked");
		assertThat(this.changed).isEmpty();
	}

	@Test
	void wrongOrMissingSecretIsNotFoundAndPublishesNothing() {
		post("0123456789abcdef-secreT", SUCCEEDED).expectStatus().isNotFound();
		post("short", SUCCEEDED).expectStatus().isNotFound();
		this.client.post().uri("/coreclaw/callback/").contentType(MediaType.APPLICATION_JSON).bodyValue(SUCCEEDED)
			.exchange().expectStatus().isNotFound();
		assertNothingPublished();
	}

	@Test
	void repeatsWithinTheWindowAreAcknowledgedButNotPublished() {
		post(SECRET, SUCCEEDED).expectStatus().isNoContent();
		post(SECRET, SUCCEEDED).expectStatus().isNoContent();
		post(SECRET, SUCCEEDED.replace("\"succeeded\"", "\"running\"")).expectStatus().isNoContent();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.size() == 2);
		assertThat(this.events).extracting((event) -> ((CoreClawRunCallbackEvent) event).getCallback().status())
			.containsExactlyInAnyOrder(RunStatus.SUCCEEDED, RunStatus.RUNNING);
	}

	@Test
	void repeatsAfterTheWindowArePublishedAgain() throws InterruptedException {
		WebTestClient shortWindow = WebTestClient
			.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/cb/{secret}"),
					new CoreClawCallbackHandler(SECRET, Duration.ofMillis(50), (event) -> this.events.add((ApplicationEvent) event),
							this.changed::add)))
			.build();
		shortWindow.post().uri("/cb/" + SECRET).contentType(MediaType.APPLICATION_JSON).bodyValue(SUCCEEDED).exchange()
			.expectStatus().isNoContent();
		Thread.sleep(100);
		shortWindow.post().uri("/cb/" + SECRET).contentType(MediaType.APPLICATION_JSON).bodyValue(SUCCEEDED).exchange()
			.expectStatus().isNoContent();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.size() == 2);
	}

	@Test
	void payloadWithoutRunOrStatusIsABadRequest() {
		post(SECRET, "{\"run_status\":\"succeeded\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error").isEqualTo("Not a CoreClaw run callback: the body names no run (run_slug or run_id)");
		post(SECRET, "{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error").isEqualTo("Not a CoreClaw run callback: the body has no run_status");
		post(SECRET, "{\"run_slug\":\"../../etc\",\"run_status\":\"succeeded\"}").expectStatus().isBadRequest();
		assertNothingPublished();
	}

	@Test
	void malformedJsonIsABadRequest() {
		post(SECRET, "{\"run_slug\":").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error").isEqualTo("Not a CoreClaw run callback: the body is not JSON");
		post(SECRET, "[1,2]").expectStatus().isBadRequest();
		post(SECRET, "").expectStatus().isBadRequest();
		assertNothingPublished();
	}

	@Test
	void oversizeBodiesAreRefused() {
		String padding = "x".repeat(CoreClawCallbackHandler.MAX_BODY_BYTES);
		post(SECRET, "{\"run_slug\":\"r1\",\"run_status\":\"succeeded\",\"pad\":\"" + padding + "\"}").expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		this.client.post()
			.uri("/coreclaw/callback/" + SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just("{\"run_slug\":\"r1\",\"run_status\":\"succeeded\",\"pad\":\"", padding, "\"}"), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertNothingPublished();
	}

	private void assertNothingPublished() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(this.events).isEmpty();
		assertThat(this.changed).isEmpty();
	}

	private WebTestClient.ResponseSpec post(String secret, String body) {
		return this.client.post().uri("/coreclaw/callback/" + secret).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

}
