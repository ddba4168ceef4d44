/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.coreclaw.spring.client.Account;
import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawValues;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health of the connection to CoreClaw: reads the account the API key belongs to. Up with its
 * balance; down with the HTTP status, application code and request id of the failure when
 * CoreClaw refuses the key or cannot be reached. A result, up or down, is reused for a while, so
 * that frequent probes do not each call CoreClaw, and concurrent checks share one call.
 */
class CoreClawHealthIndicator implements ReactiveHealthIndicator {

	private final Mono<Health> health;

	/**
	 * Create an indicator.
	 * @param client the client
	 * @param timeout the longest wait for CoreClaw's answer
	 * @param cacheTtl how long a result is reused, zero for never
	 * @param scheduler the scheduler of the timeout and of the cache's clock
	 */
	CoreClawHealthIndicator(CoreClawClient client, Duration timeout, Duration cacheTtl, Scheduler scheduler) {
		Mono<Health> check = Mono.defer(client::account)
			.timeout(timeout, scheduler)
			.map(CoreClawHealthIndicator::up)
			.onErrorResume((ex) -> Mono.just(down(ex, timeout)));
		this.health = (cacheTtl.isZero()) ? check : check.cache(cacheTtl, scheduler);
	}

	@Override
	public Mono<Health> health() {
		return this.health;
	}

	private static Health up(Account account) {
		Health.Builder health = Health.up().withDetail("balance", account.balance());
		if (account.balanceExpiresAt() != null) {
			health.withDetail("balanceExpiresAt", account.balanceExpiresAt());
		}
		return health.build();
	}

	private static Health down(Throwable ex, Duration timeout) {
		if (ex instanceof TimeoutException) {
			return Health.down()
				.withDetail("error", "No answer from CoreClaw within " + CoreClawValues.formatDuration(timeout)
						+ " (coreclaw.health.timeout)")
				.build();
		}
		Health.Builder health = Health.down(ex);
		if (ex instanceof CoreClawApiException api) {
			health.withDetail("httpStatus", api.getHttpStatus());
			if (api.getCode() != CoreClawApiException.NO_CODE) {
				health.withDetail("code", api.getCode());
			}
			if (api.getRequestId() != null) {
				health.withDetail("requestId", api.getRequestId());
			}
		}
		return health.build();
	}

}
