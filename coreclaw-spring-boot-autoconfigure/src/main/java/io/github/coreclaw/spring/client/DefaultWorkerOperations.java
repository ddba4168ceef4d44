/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.InputSchemaData;
import io.github.coreclaw.spring.client.internal.ProxyRegionData;
import io.github.coreclaw.spring.client.internal.QueuedRunData;
import io.github.coreclaw.spring.client.internal.RunRequest;
import io.github.coreclaw.spring.client.internal.RunRequests;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import io.github.coreclaw.spring.client.internal.WorkerDetailData;
import io.github.coreclaw.spring.client.internal.WorkerListData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link WorkerOperations} over {@code /api/v2/workers}, {@code /api/v2/store} and
 * {@code /api/v2/proxy/region}.
 */
final class DefaultWorkerOperations implements WorkerOperations {

	static final String BY_ID = "/api/v2/workers/{workerId}";

	static final Endpoint<AsyncRunData, RunSlug> RUN = Endpoint
		.post("worker.run", BY_ID + "/runs", RetryClass.STARTS_RUN)
		.reply(AsyncRunData.class, "data.run_slug", (data, call) -> AsyncRunData.toRunSlug(data));

	static final Endpoint<SyncRunData, SyncRunData> RUN_SYNC = Endpoint
		.post("worker.run", BY_ID + "/runs", RetryClass.STARTS_RUN)
		.syncRun()
		.reply(SyncRunData.class, "data.run_slug", (data, call) -> SyncRunData.namingRun(data));

	static final Endpoint<QueuedRunData, QueuedRun> QUEUE_RUN = Endpoint
		.post("worker.queue-run", BY_ID + "/queued-runs", RetryClass.NON_IDEMPOTENT)
		.reply(QueuedRunData.class, "data.queue_ref", (data, call) -> QueuedRunData.toQueuedRun(data));

	static final Endpoint<WorkerDetailData, Worker> GET = Endpoint.get("worker.get", BY_ID)
		.reply(WorkerDetailData.class, "data", (data, call) -> WorkerDetailData.toWorker(data));

	static final Endpoint<InputSchemaData, Map<String, Object>> INPUT_SCHEMA = Endpoint
		.get("worker.input-schema", BY_ID + "/input-schema")
		.reply(InputSchemaData.class, "data.input_schema", (data, call) -> InputSchemaData.toSchema(data));

	static final Endpoint<WorkerListData, WorkerListData> LIST = Endpoint.get("worker.list", "/api/v2/workers")
		.reply(WorkerListData.class, "data.scraper", (data, call) -> data);

	static final Endpoint<WorkerListData, WorkerListData> STORE = Endpoint.get("store.list", "/api/v2/store")
		.reply(WorkerListData.class, "data.scraper", (data, call) -> data);

	static final Endpoint<ProxyRegionData, List<ProxyRegion>> PROXY_REGIONS = Endpoint
		.get("proxy.regions", "/api/v2/proxy/region")
		.reply(ProxyRegionData.class, "data.list", (data, call) -> ProxyRegionData.toRegions(data));

	private final CoreClawClient client;

	DefaultWorkerOperations(CoreClawClient client) {
		this.client = client;
	}

	@Override
	public Mono<RunSlug> runAsync(String workerId, @Nullable Object input, RunOptions options) {
		return start(workerId, runBody(workerId, input, options, true), options);
	}

	@Override
	public Mono<SyncRunResult> runSync(String workerId, @Nullable Object input, RunOptions options) {
		RunRequest body = runBody(workerId, input, options, false);
		TrackedStart.refuse(options, "runSync");
		return this.client.execute(new Call<>(RUN_SYNC, Map.of("workerId", workerId), Map.of(), body))
			.map((data) -> data.toResult(this.client.rowMapper()));
	}

	@Override
	public Mono<CompletedRun> runAndAwait(String workerId, @Nullable Object input, RunOptions options,
			Duration timeout) {
		RunRequest body = runBody(workerId, input, options, true);
		// Checked before the run starts: awaitCompletion would refuse it only after the POST.
		Identifiers.checkPositive("timeout", timeout);
		// Detached once the run has started: the wait must not hold the finished start's exchange.
		return start(workerId, body, options).onTerminateDetach()
			.flatMap((slug) -> this.client.awaitAndReadFirstPage(slug, options, timeout));
	}

	@Override
	public Mono<QueuedRun> queueRun(String workerId, @Nullable Object input, RunOptions options) {
		Identifiers.checkSlug("workerId", workerId);
		TrackedStart.refuse(options, "queueRun");
		RunRequest body = RunRequests.queuedRunBody(this.client.settings(), this.client.callbackReceiverUrl(), options,
				RunRequests.input(this.client.rowMapper(), input));
		return this.client.execute(new Call<>(QUEUE_RUN, Map.of("workerId", workerId), Map.of(), body));
	}

	private RunRequest runBody(@Nullable String workerId, @Nullable Object input, @Nullable RunOptions options,
			boolean async) {
		Identifiers.checkSlug("workerId", workerId);
		return RunRequests.workerRunBody(this.client.settings(), this.client.callbackReceiverUrl(), options, async,
				RunRequests.input(this.client.rowMapper(), input));
	}

	private Mono<RunSlug> start(String workerId, RunRequest body, @Nullable RunOptions options) {
		return TrackedStart.start(this.client, options, "worker " + workerId,
				this.client.execute(new Call<>(RUN, Map.of("workerId", workerId), Map.of(), body)));
	}

	@Override
	public Mono<Worker> get(String workerId) {
		return this.client.execute(Call.of(GET, Map.of("workerId", Identifiers.checkSlug("workerId", workerId))));
	}

	@Override
	public Mono<Map<String, Object>> inputSchema(String workerId) {
		return this.client
			.execute(Call.of(INPUT_SCHEMA, Map.of("workerId", Identifiers.checkSlug("workerId", workerId))));
	}

	@Override
	public Flux<WorkerSummary> list(@Nullable String keyword) {
		checkKeyword(keyword);
		return Flux.defer(() -> listSource(keyword).all());
	}

	@Override
	public Flux<WorkerSummary> store(@Nullable String keyword) {
		checkKeyword(keyword);
		return Flux.defer(() -> storeSource(keyword).all());
	}

	/**
	 * The pages of the account's Workers, for one reading: {@link #list} and its blocking twin.
	 */
	Pager.Source<WorkerSummary> listSource(@Nullable String keyword) {
		return pages(LIST, "the account's Workers", keyword);
	}

	/**
	 * The pages of the store's Workers, for one reading: {@link #store} and its blocking twin.
	 */
	Pager.Source<WorkerSummary> storeSource(@Nullable String keyword) {
		return pages(STORE, "the store's Workers", keyword);
	}

	private static void checkKeyword(@Nullable String keyword) {
		if (keyword != null && keyword.isBlank()) {
			throw new IllegalArgumentException("keyword must not be blank; pass null for every Worker");
		}
	}

	private Pager.Source<WorkerSummary> pages(Endpoint<WorkerListData, WorkerListData> endpoint, String what,
			@Nullable String keyword) {
		checkKeyword(keyword);
		String described = (keyword != null) ? what + " matching " + Identifiers.quote(keyword) : what;
		// These replies echo no page number, so Pager cannot see an ignored offset; a page that
		// repeats the one before shows it (Workers are unique, unlike result rows). The state is
		// this reading's: each reading gets a source of its own.
		AtomicReference<List<WorkerSummary>> previous = new AtomicReference<>(List.of());
		return new Pager.Source<>(described, (page) -> {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("offset", Integer.toString(RunRequests.offsetOfPage(page)));
			query.put("limit", Integer.toString(Pager.PAGE_SIZE));
			if (keyword != null) {
				query.put("keyword", keyword);
			}
			return this.client.execute(new Call<>(endpoint, Map.of(), query, null)).map((data) -> {
				List<WorkerSummary> workers = data.workers();
				if (!workers.isEmpty() && workers.equals(previous.getAndSet(workers))) {
					throw new CoreClawException("CoreClaw answered page " + page + " of " + described
							+ " with the same Workers as page " + (page - 1) + ". Reading on would repeat them, so "
							+ "the read stops here; CoreClaw may have changed what its offset parameter means.");
				}
				return new Pager.Page<>(data.pageIndex(), data.count(), workers);
			});
		});
	}

	@Override
	public Mono<List<ProxyRegion>> proxyRegions() {
		return this.client.execute(Call.of(PROXY_REGIONS, Map.of()));
	}

	@Override
	public Mono<List<ProxyRegion>> proxyRegions(String language) {
		Map<String, String> query = Map.of("language", Identifiers.checkToken("language", language));
		return this.client.execute(new Call<>(PROXY_REGIONS, Map.of(), query, null));
	}

	@Override
	public Flux<BatchOutcome> runBatch(String workerId, List<?> inputs, BatchOptions options) {
		Identifiers.checkSlug("workerId", workerId);
		if (inputs == null) {
			throw new IllegalArgumentException("inputs must not be null");
		}
		if (options == null) {
			throw new IllegalArgumentException("options must not be null; use BatchOptions.defaults()");
		}
		// Every body is built (and its input checked) before anything is sent.
		List<RunRequest> bodies = new ArrayList<>(inputs.size());
		for (Object input : inputs) {
			bodies.add(runBody(workerId, input, options.runOptions(), true));
		}
		// Every run the batch starts is tracked when its run options carry a track label.
		TrackedStart.check(this.client, options.runOptions());
		return this.client.runBatch("worker.run-batch", bodies.size(),
				(index) -> start(workerId, bodies.get(index), options.runOptions()), options);
	}

}
