/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A run put in CoreClaw's run queue: the queue item that stands for it and its status. A
 * {@link QueueStatus#WAITING waiting} item never starts by itself; activate it through the run queue.
 * <p>
 * Built by the client; tests build one with {@link #builder(String, QueueStatus)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "queueRef", "status", "queued" })
public final class QueuedRun {

	private final String queueRef;

	private final QueueStatus status;

	private final boolean queued;

	private QueuedRun(Builder builder) {
		this.queueRef = builder.queueRef;
		this.status = builder.status;
		this.queued = builder.queued;
	}

	/**
	 * Start building a QueuedRun with what it always has.
	 * @param queueRef the queue item's reference, for example {@code 123456}
	 * @param status the queue item's status
	 * @return a new builder
	 */
	public static Builder builder(String queueRef, QueueStatus status) {
		return new Builder(queueRef, status);
	}

	/**
	 * A builder holding this QueuedRun's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.queueRef, this.status);
		builder.queued = this.queued;
		return builder;
	}

	/**
	 * The queue item's reference, for example {@code 123456}.
	 * @return the queue item's reference, for example {@code 123456}
	 */
	@JsonProperty
	public String queueRef() {
		return this.queueRef;
	}

	/**
	 * The queue item's status.
	 * @return the queue item's status
	 */
	@JsonProperty
	public QueueStatus status() {
		return this.status;
	}

	/**
	 * Whether CoreClaw put the run in the queue.
	 * @return whether CoreClaw put the run in the queue
	 */
	@JsonProperty
	public boolean queued() {
		return this.queued;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof QueuedRun that)) {
			return false;
		}
		return Objects.equals(this.queueRef, that.queueRef)
				&& Objects.equals(this.status, that.status)
				&& this.queued == that.queued;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.queueRef, this.status, this.queued);
	}

	@Override
	public String toString() {
		return "QueuedRun[" + "queueRef=" + this.queueRef
				+ ", status=" + this.status
				+ ", queued=" + this.queued + "]";
	}

	/**
	 * Builder of a {@link QueuedRun}.
	 */
	public static final class Builder {

		private final String queueRef;

		private final QueueStatus status;

		private boolean queued;

		private Builder(String queueRef, QueueStatus status) {
			this.queueRef = Objects.requireNonNull(queueRef, "queueRef must not be null");
			this.status = Objects.requireNonNull(status, "status must not be null");
		}

		/**
		 * Set whether CoreClaw put the run in the queue.
		 * @param queued whether CoreClaw put the run in the queue
		 * @return this builder
		 */
		public Builder queued(boolean queued) {
			this.queued = queued;
			return this;
		}

		/**
		 * Build the QueuedRun.
		 * @return the QueuedRun
		 */
		public QueuedRun build() {
			return new QueuedRun(this);
		}

	}

}
