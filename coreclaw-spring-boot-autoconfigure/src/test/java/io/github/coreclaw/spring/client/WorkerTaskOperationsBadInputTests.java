/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad input gets an {@link IllegalArgumentException} naming the argument, and nothing is sent.
 */
@ExtendWith(ClosesClients.class)
class WorkerTaskOperationsBadInputTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final WorkerTaskOperations operations = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build()).workerTasks();

	@AfterEach
	void nothingWasSent() {
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void blankTaskIdsAreRefused(String id) {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(200, 0, "success")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync(id))
			.withMessage("workerTaskId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runSync(id))
			.withMessage("workerTaskId must not be blank");
	}

	@Test
	void nullTaskIdIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync(null))
			.withMessage("workerTaskId must not be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", ".." })
	void dotSegmentsAreRefused(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync(id))
			.withMessage("workerTaskId must not be \"" + id + "\"");
	}

	@Test
	void slashIsRefusedWithTheTildeHint() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync("owner/task"))
			.withMessage("workerTaskId must contain only letters, digits, '_', '~', '.' and '-' but \"owner/task\" "
					+ "has '/' at index 5; write an owner/name path as owner~name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a?b", "a#b", "a%2Fb", "a;b", "a\\b", "../admin", "tâche", "a{id}" })
	void reservedCharactersAreRefused(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runSync(id))
			.withMessageStartingWith("workerTaskId must contain only letters, digits, '_', '~', '.' and '-' but ");
	}

	@Test
	void whitespaceAndControlCharactersAreNamedAndEscaped() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync("a b"))
			.withMessageEndingWith("but \"a b\" has whitespace at index 1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync("a\u0000b"))
			.withMessageEndingWith("but \"a\\u0000b\" has a control character (\\u0000) at index 1");
	}

	@Test
	void nullOptionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync("t1", null))
			.withMessage("options must not be null; use RunOptions.defaults()");
	}

	@Test
	void callbackUrlWithTheApiKeyIsRefusedWithoutEchoingIt() {
		RunOptions options = RunOptions.builder().callbackUrl(URI.create("https://app.example.com/cb?key=" + API_KEY)).build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.operations.runAsync("t1", options))
			.withMessageStartingWith("callbackUrl must not contain the CoreClaw API key")
			.withMessageNotContaining(API_KEY);
	}

	@Test
	void defaultCallbackUrlWithTheApiKeyIsRefusedToo() {
		// The settings refuse it, so no client can be built with it.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(wireMock).withDefaultCallbackUrl(URI.create("https://app.example.com/" + API_KEY)))
			.withMessage("defaultCallbackUrl must be a URL without the API key, which CoreClaw would send to the "
					+ "callback receiver but it contains the API key")
			.withMessageNotContaining(API_KEY);
	}

}
