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
 * <p>
 * A reply with code 0 never fails the call: when it carries no per-item results (no
 * {@code data}, no {@code results} or an empty list, as in the examples of CoreClaw's OpenAPI
 * file), every item asked for was accepted, with no per-item detail.
 *
 * @param results one result per item
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueResultsData(@Nullable List<@Nullable Result> results) {

	/**
	 * The result of every item.
	 * @param data the reply's {@code data}, {@code null} if it had none
	 * @param requested the items that were asked for, in the order they were sent
	 * @return the results, in CoreClaw's order; every item asked for as accepted without detail
	 * if CoreClaw sent no result; {@code null} if a result lacks its {@code queue_ref}
	 */
	public static @Nullable List<QueueItemResult> toResults(@Nullable QueueResultsData data, List<String> requested) {
		if (data == null || data.results == null || data.results.isEmpty()) {
			return requested.stream().map(QueueItemResult::acceptedWithoutDetail).toList();
		}
		List<QueueItemResult> converted = new ArrayList<>(data.results.size());
		for (Result result : data.results) {
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
	 * @param data the reply's {@code data}, {@code null} if it had none
	 * @param queueRef the item that was asked for, also used when the result does not name it
	 * @return the result; the item as accepted without detail if CoreClaw sent no result;
	 * {@code null} if CoreClaw sent results but none for that item
	 */
	public static @Nullable QueueItemResult toResult(@Nullable QueueResultsData data, String queueRef) {
		if (data == null || data.results == null || data.results.isEmpty()) {
			return QueueItemResult.acceptedWithoutDetail(queueRef);
		}
		for (Result result : data.results) {
			if (result != null && queueRef.equals(ref(result.queueRef()))) {
				return result.toResult(queueRef);
			}
		}
		if (data.results.size() == 1 && data.results.get(0) != null && ref(data.results.get(0).queueRef()) == null) {
			return data.results.get(0).toResult(queueRef);
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
