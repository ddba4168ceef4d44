/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Values of an error reply (message, request_id, details) reach exception messages, which are
 * logged, escaped: a line break in them cannot forge a log line.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class ReplyValuesInMessagesTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs("io.github.coreclaw.spring.client");

	@Test
	void requestIdAndDetailsWithLineBreaksAreEscapedInTheMessageAndTheLogButKeptRawInTheirGetters() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(422, """
				{"code":11000,"message":"invalid\\nargument","request_id":"req-4\\n2026-01-01 WARN forged",
				"details":["limit\\r\\nERROR forged","name\\u2028too long","tab\\there"]}""")));
		CoreClawValidationException ex = catchThrowableOfType(CoreClawValidationException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build())
					.workerTasks()
					.runSync("t1")
					.block(Duration.ofSeconds(5)));
		assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 422, code 11000 "
				+ "\"invalid\\u000aargument\" (request_id req-4\\u000a2026-01-01 WARN forged), details "
				+ "[limit\\u000d\\u000aERROR forged, name\\u2028too long, tab\\u0009here]");
		assertThat(ex.getRequestId()).isEqualTo("req-4\n2026-01-01 WARN forged");
		assertThat(ex.getDetails()).containsExactly("limit\r\nERROR forged", "name\u2028too long", "tab\there");
		assertThat(this.logs.events()).extracting(ILoggingEvent::getFormattedMessage)
			.filteredOn((line) -> line.contains("req-4"))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).doesNotContain("\n", "\r", "\u2028"));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aLongRequestIdIsCutShort() {
		String requestId = "r".repeat(250);
		wireMock.stubFor(post(anyUrl())
			.willReturn(json(404, "{\"code\":60001,\"message\":\"task does not exist\",\"request_id\":\"" + requestId + "\"}")));
		CoreClawNotFoundException ex = catchThrowableOfType(CoreClawNotFoundException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build())
					.workerTasks()
					.runAsync("t1")
					.block(Duration.ofSeconds(5)));
		assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 404, code 60001 "
				+ "\"task does not exist\" (request_id " + "r".repeat(200) + "...). Check the identifier in the "
				+ "request path.");
		assertThat(ex.getRequestId()).isEqualTo(requestId);
	}

	@Test
	void aRequestIdWithALineBreakInASuccessfulReplyWithoutDataIsEscaped() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, "{\"code\":0,\"request_id\":\"req-5\\nforged\"}")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build())
					.workerRuns()
					.getRun(new RunSlug("r1"))
					.block(Duration.ofSeconds(5)));
		assertThat(ex.getMessage()).contains("(request_id req-5\\u000aforged)").doesNotContain("\n");
		assertThat(ex.getRequestId()).isEqualTo("req-5\nforged");
		assertThat(this.logs.events()).extracting(ILoggingEvent::getFormattedMessage)
			.allSatisfy((line) -> assertThat(line).doesNotContain("\n"));
	}

}
