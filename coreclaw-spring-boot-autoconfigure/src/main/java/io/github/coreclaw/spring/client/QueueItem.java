/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One item of CoreClaw's run queue: a run that was queued and has not started.
 * <p>
 * Built by the client; tests build one with {@link #builder(String, QueueStatus)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "queueRef", "status", "attributes" })
public final class QueueItem {

	private final String queueRef;

	private final QueueStatus status;

	private final Map<String, Object> attributes;

	private QueueItem(Builder builder) {
		this.queueRef = builder.queueRef;
		this.status = builder.status;
		this.attributes = builder.attributes;
	}

	/**
	 * Start building a QueueItem with what it always has.
	 * @param queueRef the item's reference, to activate or release it
	 * @param status the item's status
	 * @return a new builder
	 */
	public static Builder builder(String queueRef, QueueStatus status) {
		return new Builder(queueRef, status);
	}

	/**
	 * A builder holding this QueueItem's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.queueRef, this.status);
		builder.attributes = this.attributes;
		return builder;
	}

	/**
	 * The item's reference, to activate or release it.
	 * @return the queue reference, for example {@code 123456}
	 */
	@JsonProperty
	public String queueRef() {
		return this.queueRef;
	}

	/**
	 * The item's status.
	 * @return the status, {@link QueueStatus#UNKNOWN} if CoreClaw sent none or one this client does not know
	 */
	@JsonProperty
	public QueueStatus status() {
		return this.status;
	}

	/**
	 * Every other field CoreClaw sent for the item, by its name in CoreClaw's JSON.
	 * @return the other fields, empty if there are none
	 */
	@JsonProperty
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof QueueItem that)) {
			return false;
		}
		return Objects.equals(this.queueRef, that.queueRef)
				&& Objects.equals(this.status, that.status)
				&& Objects.equals(this.attributes, that.attributes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.queueRef, this.status, this.attributes);
	}

	@Override
	public String toString() {
		return "QueueItem[" + "queueRef=" + this.queueRef
				+ ", status=" + this.status
				+ ", attributes=" + this.attributes.keySet() + "]";
	}

	/**
	 * Builder of a {@link QueueItem}.
	 */
	public static final class Builder {

		private final String queueRef;

		private final QueueStatus status;

		private Map<String, Object> attributes = Map.of();

		private Builder(String queueRef, QueueStatus status) {
			this.queueRef = Objects.requireNonNull(queueRef, "queueRef must not be null");
			this.status = Objects.requireNonNull(status, "status must not be null");
		}

		/**
		 * Set every other field CoreClaw sent for the item, by its name in CoreClaw's JSON.
		 * @param attributes every other field CoreClaw sent for the item, by its name in CoreClaw's JSON
		 * @return this builder
		 */
		public Builder attributes(Map<String, Object> attributes) {
			this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
			return this;
		}

		/**
		 * Build the QueueItem.
		 * @return the QueueItem
		 */
		public QueueItem build() {
			return new QueueItem(this);
		}

	}

}
