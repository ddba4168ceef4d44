/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.QueueItemsData;
import io.github.coreclaw.spring.client.internal.QueueRequest;
import io.github.coreclaw.spring.client.internal.QueueResultsData;
import io.github.coreclaw.spring.client.internal.RunRequests;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link RunQueueOperations} over {@code /api/v2/run-queue/items}.
 */
final class DefaultRunQueueOperations implements RunQueueOperations {

	static final String ITEMS_PATH = "/api/v2/run-queue/items";

	static final Endpoint<QueueItemsData, Pager.Page<QueueItem>> LIST = Endpoint.get("run-queue.list", ITEMS_PATH)
		.reply(QueueItemsData.class, "data.list of queue items, each with its queue_ref",
				(data, call) -> (data != null) ? itemPage(data) : null);

	static final Endpoint<QueueResultsData, List<QueueItemResult>> ACTIVATE = Endpoint
		.post("run-queue.activate", ITEMS_PATH + "/activate", RetryClass.NON_IDEMPOTENT)
		.reply(QueueResultsData.class, "data.results, each with its queue_ref",
				(data, call) -> QueueResultsData.toResults(data, refsOf(call)));

	static final Endpoint<QueueResultsData, List<QueueItemResult>> RELEASE = Endpoint
		.post("run-queue.release", ITEMS_PATH + "/release", RetryClass.NON_IDEMPOTENT)
		.reply(QueueResultsData.class, "data.results, each with its queue_ref",
				(data, call) -> QueueResultsData.toResults(data, refsOf(call)));

	static final Endpoint<QueueResultsData, QueueItemResult> RELEASE_ONE = Endpoint
		.post("run-queue.release-one", ITEMS_PATH + "/{queueId}/release", RetryClass.NON_IDEMPOTENT)
		.reply(QueueResultsData.class, "data.results with the item's result",
				(data, call) -> QueueResultsData.toResult(data, queueIdOf(call)));

	private final CoreClawClient client;

	DefaultRunQueueOperations(CoreClawClient client) {
		this.client = client;
	}

	@Override
	public Flux<QueueItem> list() {
		return listSource(null).all();
	}

	@Override
	public Flux<QueueItem> list(QueueStatus status) {
		return listSource(checkStatus(status)).all();
	}

	/**
	 * The status to list the items of, checked.
	 */
	static QueueStatus checkStatus(@Nullable QueueStatus status) {
		if (status == null || status == QueueStatus.UNKNOWN) {
			throw new IllegalArgumentException("status must be WAITING or INACTIVE but was " + status);
		}
		return status;
	}

	/**
	 * The pages of the run queue's items in a {@link #checkStatus checked} status, or of every
	 * item for {@code null}: {@link #list} and its blocking twin.
	 */
	Pager.Source<QueueItem> listSource(@Nullable QueueStatus status) {
		String what = (status != null) ? "the " + status.value() + " items of the run queue" : "the run queue";
		return new Pager.Source<>(what, (page) -> {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("offset", Integer.toString(RunRequests.offsetOfPage(page)));
			query.put("limit", Integer.toString(Pager.PAGE_SIZE));
			if (status != null) {
				query.put("status", status.value());
			}
			return this.client.execute(new Call<>(LIST, Map.of(), query, null));
		});
	}

	@Override
	public Mono<List<QueueItemResult>> activate(List<String> queueRefs) {
		QueueRequest body = new QueueRequest(checkRefs(queueRefs), null);
		return this.client.execute(new Call<>(ACTIVATE, Map.of(), Map.of(), body));
	}

	@Override
	public Mono<List<QueueItemResult>> release(List<String> queueRefs, @Nullable String reason) {
		QueueRequest body = new QueueRequest(checkRefs(queueRefs), checkReason(reason));
		return this.client.execute(new Call<>(RELEASE, Map.of(), Map.of(), body));
	}

	@Override
	public Mono<QueueItemResult> release(String queueRef, @Nullable String reason) {
		Identifiers.checkSlug("queueRef", queueRef);
		QueueRequest body = new QueueRequest(null, checkReason(reason));
		return this.client.execute(new Call<>(RELEASE_ONE, Map.of("queueId", queueRef), Map.of(), body));
	}

	private static Pager.@Nullable Page<QueueItem> itemPage(QueueItemsData data) {
		List<QueueItem> items = data.items();
		return (items != null) ? new Pager.Page<>(data.pageIndex(), data.count(), items) : null;
	}

	private static List<String> refsOf(Call<?, ?> call) {
		List<String> refs = (call.body() instanceof QueueRequest request) ? request.queueRefs() : null;
		return (refs != null) ? refs : List.of();
	}

	private static String queueIdOf(Call<?, ?> call) {
		String queueId = call.variable("queueId");
		return (queueId != null) ? queueId : "";
	}

	private static List<String> checkRefs(@Nullable List<String> queueRefs) {
		if (queueRefs == null) {
			throw new IllegalArgumentException("queueRefs must not be null");
		}
		if (queueRefs.isEmpty()) {
			throw new IllegalArgumentException("queueRefs must not be empty");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < queueRefs.size(); i++) {
			String queueRef = Identifiers.checkSlug("queueRefs[" + i + "]", queueRefs.get(i));
			if (!seen.add(queueRef)) {
				throw new IllegalArgumentException("queueRefs must not name an item twice but has "
						+ Identifiers.quote(queueRef) + " twice");
			}
		}
		return List.copyOf(queueRefs);
	}

	private static @Nullable String checkReason(@Nullable String reason) {
		if (reason != null && reason.isBlank()) {
			throw new IllegalArgumentException("reason must not be blank; pass null for none");
		}
		return reason;
	}

}
