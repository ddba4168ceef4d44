/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.QueueItemResult;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a reply to activating or releasing run queue items: what happened to each.
 *
 * @param results one result per item
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueResultsData(@Nullable List<@Nullable Result> results) {

	/**
	 * The result of every item.
	 * @return the results, {@code null} if CoreClaw sent none or one without its {@code queue_ref}
	 */
	public @Nullable List<QueueItemResult> toResults() {
		if (this.results == null) {
			return null;
		}
		List<QueueItemResult> converted = new ArrayList<>(this.results.size());
		for (Result result : this.results) {
			String queueRef = (result != null) ? ref(result.queueRef()) : null;
			if (queueRef == null) {
				return null;
			}
			converted.add(result.toResult(queueRef));
		}
		return List.copyOf(converted);
	}

	/**
	 * The result of the one item that was asked for.
	 * @param queueRef the item that was asked for, also used when the result does not name it
	 * @return the result, {@code null} if CoreClaw sent no result for that item
	 */
	public @Nullable QueueItemResult toResult(String queueRef) {
		if (this.results == null) {
			return null;
		}
		for (Result result : this.results) {
			if (result != null && queueRef.equals(ref(result.queueRef()))) {
				return result.toResult(queueRef);
			}
		}
		if (this.results.size() == 1 && this.results.get(0) != null && ref(this.results.get(0).queueRef()) == null) {
			return this.results.get(0).toResult(queueRef);
		}
		return null;
	}

	/**
	 * A queue reference as CoreClaw sent it: a string, or a number.
	 * @param value the value
	 * @return the reference, {@code null} if none or blank
	 */
	static @Nullable String ref(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isBlank() ? null : text;
	}

	/**
	 * What happened to one item.
	 *
	 * @param queueRef the item
	 * @param success whether it was activated or released
	 * @param error why not
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Result(@JsonProperty("queue_ref") @Nullable Object queueRef, @Nullable Boolean success,
			@Nullable String error) {

		QueueItemResult toResult(String ref) {
			return new QueueItemResult(ref, Boolean.TRUE.equals(this.success), WireValues.text(this.error));
		}

	}

}
