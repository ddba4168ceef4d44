/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.QueueItem;
import io.github.coreclaw.spring.client.QueueStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a run queue list reply: one page of items, whose fields beyond
 * {@code queue_ref} and {@code queue_status} CoreClaw does not document.
 *
 * @param count the total number of items the query matches
 * @param list the items of the page, each as CoreClaw sent it
 * @param pageIndex the page number, if CoreClaw echoed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueItemsData(@Nullable Long count, @Nullable List<@Nullable Map<String, Object>> list,
		@JsonProperty("page_index") @Nullable Integer pageIndex) {

	private static final String QUEUE_REF = "queue_ref";

	private static final String QUEUE_STATUS = "queue_status";

	/**
	 * The items of the page.
	 * @return the items, empty when CoreClaw sent none, {@code null} if one of them has no
	 * {@code queue_ref}
	 */
	public @Nullable List<QueueItem> items() {
		if (this.list == null) {
			return List.of();
		}
		List<QueueItem> items = new ArrayList<>(this.list.size());
		for (Map<String, Object> fields : this.list) {
			String queueRef = (fields != null) ? QueueResultsData.ref(fields.get(QUEUE_REF)) : null;
			if (queueRef == null) {
				return null;
			}
			Object status = fields.get(QUEUE_STATUS);
			Map<String, Object> attributes = new LinkedHashMap<>(fields);
			attributes.remove(QUEUE_REF);
			attributes.remove(QUEUE_STATUS);
			items.add(QueueItem.builder(queueRef, QueueStatus.from((status != null) ? status.toString() : null))
				.attributes(attributes)
				.build());
		}
		return items;
	}

}
