/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad arguments to {@link WorkerOperations} get an {@link IllegalArgumentException} naming the
 * argument when the operation is called, and nothing is sent.
 */
class WorkerOperationsBadInputTests {

	private static final WorkerInput INPUT = WorkerInput.builder().custom("keywords", List.of("coffee")).build();

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final CoreClawClient client = CoreClawClient.builder(settings(wireMock)).build();

	private final WorkerOperations workers = this.client.workers();

	@AfterEach
	void nothingWasSent() {
		this.client.close();
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void blankWorkerIdsAreRefusedByEveryOperation(String id) {
		assertRefused(id, "workerId must not be blank");
	}

	@Test
	void nullWorkerIdIsRefusedByEveryOperation() {
		assertRefused(null, "workerId must not be null");
	}

	@Test
	void slashIsRefusedWithTheTildeHint() {
		assertRefused("owner/worker", "workerId must contain only letters, digits, '_', '~', '.' and '-' but "
				+ "\"owner/worker\" has '/' at index 5; write an owner/name path as owner~name");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", ".." })
	void dotSegmentsAreRefused(String id) {
		assertRefused(id, "workerId must not be \"" + id + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a?b", "a#b", "a%2Fb", "../admin", "a b" })
	void reservedCharactersAreRefused(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAsync(id, INPUT))
			.withMessageStartingWith("workerId must contain only letters, digits, '_', '~', '.' and '-' but ");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.inputSchema(id))
			.withMessageStartingWith("workerId must contain only letters, digits, '_', '~', '.' and '-' but ");
	}

	@Test
	void inputThatIsNotAJsonObjectIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAsync("demo-worker", List.of("coffee")))
			.withMessage("input must be written as a JSON object (a Map, a record, an ObjectNode or a WorkerInput) but "
					+ "java.util.ImmutableCollections$List12 was written as a JSON array");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runSync("demo-worker", "{\"a\":1}"))
			.withMessageEndingWith("but java.lang.String was written as a JSON string");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.queueRun("demo-worker", 42))
			.withMessageEndingWith("but java.lang.Integer was written as a JSON number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.workers.runAndAwait("demo-worker", JsonNodeFactory.instance.nullNode(),
					Duration.ofMinutes(1)))
			.withMessageEndingWith("was written as a JSON null");
	}

	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not ready");
		}

	}

	@Test
	void inputTheMapperCannotWriteIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAsync("demo-worker", new Unwritable()))
			.withMessageStartingWith("input of type " + Unwritable.class.getName() + " could not be written as JSON: ")
			.withCauseInstanceOf(JacksonException.class);
	}

	@Test
	void nullOptionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAsync("demo-worker", INPUT, null))
			.withMessage("options must not be null; use RunOptions.defaults()");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.queueRun("demo-worker", INPUT, null))
			.withMessage("options must not be null; use RunOptions.defaults()");
	}

	@Test
	void queuedRunsRefuseAResultWindow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.workers.queueRun("demo-worker", INPUT, RunOptions.builder().limit(5).build()))
			.withMessage("options must not set a limit or offset: a queued run returns no result rows (CoreClaw "
					+ "ignores both there)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.workers.queueRun("demo-worker", INPUT, RunOptions.builder().offset(0).build()))
			.withMessageStartingWith("options must not set a limit or offset");
	}

	@Test
	void callbackUrlWithTheApiKeyIsRefusedWithoutEchoingIt() {
		RunOptions options = RunOptions.builder().callbackUrl(URI.create("https://app.example.com/cb?k=" + API_KEY)).build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runSync("demo-worker", INPUT, options))
			.withMessageStartingWith("callbackUrl must not contain the CoreClaw API key")
			.withMessageNotContaining(API_KEY);
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.queueRun("demo-worker", INPUT, options))
			.withMessageStartingWith("callbackUrl must not contain the CoreClaw API key");
	}

	@Test
	void callbackToReceiverNeedsTheReceiver() {
		RunOptions options = RunOptions.builder().callbackToReceiver().build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.queueRun("demo-worker", INPUT, options))
			.withMessageStartingWith("callbackToReceiver() needs the callback receiver");
	}

	@Test
	void runAndAwaitRefusesATimeoutThatIsNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.workers.runAndAwait("demo-worker", INPUT, RunOptions.defaults(), Duration.ZERO))
			.withMessage("timeout must be positive but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAndAwait("demo-worker", INPUT, null))
			.withMessage("timeout must be positive but was null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankKeywordsAreRefused(String keyword) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.list(keyword))
			.withMessage("keyword must not be blank; pass null for every Worker");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.store(keyword))
			.withMessage("keyword must not be blank; pass null for every Worker");
	}

	@Test
	void languageMustBeOneWord() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.proxyRegions(null))
			.withMessage("language must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.proxyRegions(" "))
			.withMessage("language must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.proxyRegions("en us"))
			.withMessage("language must be a single word but \"en us\" has whitespace at index 2");
	}

	private void assertRefused(String id, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAsync(id, INPUT)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runSync(id, INPUT)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.runAndAwait(id, INPUT, Duration.ofMinutes(1)))
			.withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.queueRun(id, INPUT)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.get(id)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.workers.inputSchema(id)).withMessage(message);
	}

}
