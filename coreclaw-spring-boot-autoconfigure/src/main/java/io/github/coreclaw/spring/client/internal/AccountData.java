/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.Account;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the account reply.
 *
 * @param balance the balance, a numeric string (a JSON number is accepted too)
 * @param balanceExpirationAt when the balance expires in Unix seconds, 0 for never or unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountData(@Nullable String balance,
		@JsonProperty("balance_expiration_at") @Nullable Long balanceExpirationAt) {

	/**
	 * Convert to the public type.
	 * @return the account, {@code null} if the balance is missing or not a number
	 */
	public @Nullable Account toAccount() {
		BigDecimal amount = decimal(this.balance);
		if (amount == null) {
			return null;
		}
		return Account.builder(amount).balanceExpiresAt(WireValues.instant(this.balanceExpirationAt)).build();
	}

	/**
	 * A decimal number sent as text.
	 * @param value the text, may be {@code null}
	 * @return the number, {@code null} if the text is missing, blank or not a number
	 */
	private static @Nullable BigDecimal decimal(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
