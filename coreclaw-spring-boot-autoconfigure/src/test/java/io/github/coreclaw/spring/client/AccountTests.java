/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link CoreClawClient#account()} against WireMock.
 */
@ExtendWith(OutputOnFailure.class)
class AccountTests {

	private static final String ACCOUNT = "/api/v2/users/account";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void accountReadsTheBalanceExactlyAndItsExpiry() {
		wireMock.stubFor(get(urlEqualTo(ACCOUNT)).willReturn(json(200,
				"{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\",\"data\":{\"balance\":\"100.10\","
						+ "\"balance_expiration_at\":1782091200,\"traffic\":5}}")));
		try (CoreClawClient client = client()) {
			Account account = client.account().block(Duration.ofSeconds(5));
			assertThat(account).isEqualTo(Account.builder(new BigDecimal("100.10"))
				.balanceExpiresAt(Instant.ofEpochSecond(1782091200))
				.build());
			assertThat(account.balance().scale()).isEqualTo(2);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(ACCOUNT)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", absent()));
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "\"balance\":\"0\",\"balance_expiration_at\":0 | 0 | ",
			"\"balance\":\"-3.5\" | -3.5 | ", "\"balance\":12.75,\"balance_expiration_at\":null | 12.75 | ",
			"\"balance\":\" 7 \",\"balance_expiration_at\":1 | 7 | 1970-01-01T00:00:01Z" })
	void accountAcceptsEveryShapeOfBalanceAndExpiry(String data, BigDecimal balance, Instant expiresAt) {
		wireMock.stubFor(get(urlEqualTo(ACCOUNT)).willReturn(json(200, "{\"code\":0,\"data\":{" + data + "}}")));
		try (CoreClawClient client = client()) {
			Account account = client.account().block(Duration.ofSeconds(5));
			assertThat(account.balance()).isEqualTo(balance);
			assertThat(account.balanceExpiresAt()).isEqualTo(expiresAt);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{} | data.balance", "{\"balance\":\"\"} | data.balance",
			"{\"balance\":\"lots\"} | data.balance" })
	void anAccountWithoutANumericBalanceIsAnError(String data, String expected) {
		wireMock.stubFor(get(urlEqualTo(ACCOUNT))
			.willReturn(json(200, "{\"code\":0,\"request_id\":\"req-a\",\"data\":" + data + "}")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.account().block(Duration.ofSeconds(5)))
				.withMessage("CoreClaw answered GET /api/v2/users/account with HTTP 200, code 0 (request_id req-a) but "
						+ "without the expected " + expected);
		}
	}

	@Test
	void aWrongKeyIsAnAuthenticationError() {
		wireMock.stubFor(get(urlEqualTo(ACCOUNT)).willReturn(envelope(401, 12001, "authentication required")));
		try (CoreClawClient client = client()) {
			assertThatExceptionOfType(CoreClawAuthenticationException.class)
				.isThrownBy(() -> client.account().block(Duration.ofSeconds(5)))
				.withMessageStartingWith("CoreClaw rejected GET /api/v2/users/account: HTTP 401, code 12001");
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void accountIsLazyAndRetriedLikeARead() {
		AtomicInteger calls = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> (calls.incrementAndGet() < 3)
				? InMemoryConnector.error(500, 10000, "internal server error")
				: new InMemoryConnector.Reply(200, "{\"code\":0,\"data\":{\"balance\":\"1.00\"}}"));
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, CoreClawRetrySettings.defaults())) {
			client.account();
			assertThat(calls).hasValue(0);
			StepVerifier.withVirtualTime(client::account)
				.thenAwait(Duration.ofMinutes(1))
				.assertNext((account) -> assertThat(account.balance()).isEqualTo(new BigDecimal("1.00")))
				.verifyComplete();
		}
		assertThat(calls).hasValue(3);
	}

	private static CoreClawClient client() {
		return CoreClawClient.builder(settings(wireMock)).build();
	}

}
