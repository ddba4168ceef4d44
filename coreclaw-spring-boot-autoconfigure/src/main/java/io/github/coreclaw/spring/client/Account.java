/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The CoreClaw account the API key belongs to: its balance and when that balance expires.
 * <p>
 * Built by the client; tests build one with {@link #builder(BigDecimal)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "balance", "balanceExpiresAt" })
public final class Account {

	private final BigDecimal balance;

	private final @Nullable Instant balanceExpiresAt;

	private Account(Builder builder) {
		this.balance = builder.balance;
		this.balanceExpiresAt = builder.balanceExpiresAt;
	}

	/**
	 * Start building an Account with what it always has.
	 * @param balance the account's balance
	 * @return a new builder
	 */
	public static Builder builder(BigDecimal balance) {
		return new Builder(balance);
	}

	/**
	 * A builder holding this Account's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.balance);
		builder.balanceExpiresAt = this.balanceExpiresAt;
		return builder;
	}

	/**
	 * The account's balance.
	 * @return the balance, as exact as CoreClaw sent it
	 */
	@JsonProperty
	public BigDecimal balance() {
		return this.balance;
	}

	/**
	 * When the balance expires.
	 * @return the expiry, {@code null} if CoreClaw sent none (or 0)
	 */
	@JsonProperty
	public @Nullable Instant balanceExpiresAt() {
		return this.balanceExpiresAt;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Account that)) {
			return false;
		}
		return Objects.equals(this.balance, that.balance)
				&& Objects.equals(this.balanceExpiresAt, that.balanceExpiresAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.balance, this.balanceExpiresAt);
	}

	@Override
	public String toString() {
		return "Account[" + "balance=" + this.balance
				+ ", balanceExpiresAt=" + this.balanceExpiresAt + "]";
	}

	/**
	 * Builder of a {@link Account}.
	 */
	public static final class Builder {

		private final BigDecimal balance;

		private @Nullable Instant balanceExpiresAt;

		private Builder(BigDecimal balance) {
			this.balance = Objects.requireNonNull(balance, "balance must not be null");
		}

		/**
		 * Set when the balance expires.
		 * @param balanceExpiresAt when the balance expires
		 * @return this builder
		 */
		public Builder balanceExpiresAt(@Nullable Instant balanceExpiresAt) {
			this.balanceExpiresAt = balanceExpiresAt;
			return this;
		}

		/**
		 * Build the Account.
		 * @return the Account
		 */
		public Account build() {
			return new Account(this);
		}

	}

}
