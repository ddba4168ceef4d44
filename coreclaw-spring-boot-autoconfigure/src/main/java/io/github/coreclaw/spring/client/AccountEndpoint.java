/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Map;

import io.github.coreclaw.spring.client.internal.AccountData;
import reactor.core.publisher.Mono;

/**
 * The account endpoint, {@code GET /api/v2/users/account}, behind {@link CoreClawClient#account()}.
 */
final class AccountEndpoint {

	static final Endpoint<AccountData, Account> GET = Endpoint.get("account.get", "/api/v2/users/account")
		.reply(AccountData.class, "data.balance", (data, call) -> (data != null) ? data.toAccount() : null);

	private AccountEndpoint() {
	}

	/**
	 * Read the account.
	 * @param client the client to read it with
	 * @return the account
	 */
	static Mono<Account> read(CoreClawClient client) {
		return client.execute(Call.of(GET, Map.of()));
	}

}
