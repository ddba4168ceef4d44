/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.client.internal.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures each {@link RetryClass} lets a retry repeat, with the client's own retry and
 * with an application's retry that would repeat anything.
 */
@ExtendWith(OutputOnFailure.class)
class RetryClassTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@ParameterizedTest(name = "{0} after {1}: own retry {2} attempts, any-retry {3} attempts")
	@CsvSource({
			// reads and idempotent changes: every transient failure is repeated
			"READ, rate-limited, 3, 3", "READ, server-error, 3, 3", "READ, timeout-after-write, 3, 3",
			"READ, broken-connection, 3, 3", "READ, not-sent, 3, 3", "READ, not-found, 1, 1",
			"IDEMPOTENT, server-error, 3, 3", "IDEMPOTENT, timeout-after-write, 3, 3", "IDEMPOTENT, not-found, 1, 1",
			// run requests: retryable statuses yes, anything that may have started a run never
			"STARTS_RUN, rate-limited, 3, 3", "STARTS_RUN, concurrency-limit, 1, 3", "STARTS_RUN, server-error, 3, 1",
			"STARTS_RUN, timeout-after-write, 1, 1", "STARTS_RUN, broken-connection, 1, 1",
			"STARTS_RUN, not-sent, 3, 3", "STARTS_RUN, not-found, 1, 1",
			// other changes: only what CoreClaw certainly did not carry out
			"NON_IDEMPOTENT, rate-limited, 3, 3", "NON_IDEMPOTENT, concurrency-limit, 1, 3",
			"NON_IDEMPOTENT, server-error, 1, 1", "NON_IDEMPOTENT, timeout-after-write, 1, 1",
			"NON_IDEMPOTENT, broken-connection, 1, 1", "NON_IDEMPOTENT, not-sent, 3, 3",
			"NON_IDEMPOTENT, not-found, 1, 1" })
	void theOperationDecidesWhatIsRepeated(RetryClass retryClass, String failure, int ownAttempts, int anyAttempts) {
		RetryConfig own = RetryPolicy.toRetryConfig(CoreClawRetrySettings.defaults()
			.withBackoff(3, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), 0.0));
		assertThat(attempts(Retry.of("own", own), retryClass, failure)).as("own retry").isEqualTo(ownAttempts);
		RetryConfig any = RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofSeconds(1)).build();
		assertThat(attempts(Retry.of("any", any), retryClass, failure)).as("any retry").isEqualTo(anyAttempts);
	}

	private static int attempts(Retry retry, RetryClass retryClass, String failure) {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> attempt = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(failure(failure, retryClass));
		});
		StepVerifier.withVirtualTime(() -> new RetryExecutor(retry).execute(retryClass, attempt))
			.thenAwait(Duration.ofSeconds(10))
			.expectError(CoreClawException.class)
			.verify();
		return attempts.get();
	}

	private static CoreClawException failure(String name, RetryClass retryClass) {
		boolean runMayExist = retryClass == RetryClass.STARTS_RUN;
		return switch (name) {
			case "rate-limited" -> new CoreClawRateLimitedException("429", 429, 13000, null, null, List.of(), null);
			case "concurrency-limit" -> new CoreClawConcurrencyLimitException("30003", 422, 30003, null, null, List.of());
			case "server-error" -> new CoreClawApiException("500", 500, 10000, null, null, List.of());
			case "not-found" -> new CoreClawNotFoundException("404", 404, 70001, null, null, List.of());
			case "timeout-after-write" -> new CoreClawTimeoutException("timeout", TIMEOUT, true, runMayExist);
			case "broken-connection" -> new CoreClawConnectionException("reset", true, runMayExist,
					new IllegalStateException("reset"));
			case "not-sent" -> new CoreClawConnectionException("refused", false, false,
					new IllegalStateException("refused"));
			default -> throw new IllegalArgumentException(name);
		};
	}

}
