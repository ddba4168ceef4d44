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

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.RunRequest;
import io.github.coreclaw.spring.client.internal.RunRequests;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import io.github.coreclaw.spring.client.internal.TaskInputData;
import io.github.coreclaw.spring.client.internal.TaskRequests;
import io.github.coreclaw.spring.client.internal.TaskSlugData;
import io.github.coreclaw.spring.client.internal.WorkerTaskData;
import io.github.coreclaw.spring.client.internal.WorkerTaskListData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link WorkerTaskOperations} over {@code /api/v2/worker-tasks}.
 */
final class DefaultWorkerTaskOperations implements WorkerTaskOperations {

	static final String TASKS_PATH = "/api/v2/worker-tasks";

	static final String TASK_PATH = TASKS_PATH + "/{workerTaskId}";

	static final String INPUT_PATH = TASK_PATH + "/input";

	static final String RUNS_PATH = TASK_PATH + "/runs";

	static final Endpoint<AsyncRunData, RunSlug> RUN = Endpoint
		.post("worker-task.run", RUNS_PATH, RetryClass.STARTS_RUN)
		.reply(AsyncRunData.class, "data.run_slug", (data, call) -> AsyncRunData.toRunSlug(data));

	static final Endpoint<SyncRunData, SyncRunData> RUN_SYNC = Endpoint
		.post("worker-task.run", RUNS_PATH, RetryClass.STARTS_RUN)
		.syncRun()
		.reply(SyncRunData.class, "data.run_slug", (data, call) -> SyncRunData.namingRun(data));

	static final Endpoint<WorkerTaskListData, Pager.Page<WorkerTask>> LIST = Endpoint
		.get("worker-task.list", TASKS_PATH)
		.reply(WorkerTaskListData.class, "data.list with a slug on every task",
				(data, call) -> (data != null) ? page(data) : null);

	static final Endpoint<WorkerTaskData, WorkerTask> GET = Endpoint.get("worker-task.get", TASK_PATH)
		.reply(WorkerTaskData.class, "task detail",
				(data, call) -> (data != null) ? data.toWorkerTask(call.variable("workerTaskId")) : null);

	static final Endpoint<TaskSlugData, String> CREATE = Endpoint
		.post("worker-task.create", TASKS_PATH, RetryClass.NON_IDEMPOTENT)
		.reply(TaskSlugData.class, "data.slug", (data, call) -> TaskSlugData.toSlug(data));

	static final Endpoint<Object, Boolean> UPDATE = Endpoint.put("worker-task.update", TASK_PATH).noReply();

	static final Endpoint<Object, Boolean> DELETE = Endpoint.delete("worker-task.delete", TASK_PATH).noReply();

	static final Endpoint<TaskInputData, TaskInput> GET_INPUT = Endpoint.get("worker-task.get-input", INPUT_PATH)
		.reply(TaskInputData.class, "data.input", (data, call) -> TaskInputData.toTaskInput(data));

	static final Endpoint<Object, Boolean> UPDATE_INPUT = Endpoint.put("worker-task.update-input", INPUT_PATH)
		.noReply();

	private final CoreClawClient client;

	DefaultWorkerTaskOperations(CoreClawClient client) {
		this.client = client;
	}

	@Override
	public Mono<RunSlug> runAsync(String workerTaskId, RunOptions options) {
		return start(workerTaskId, request(workerTaskId, options, true), options);
	}

	private Mono<RunSlug> start(String workerTaskId, RunRequest body, @Nullable RunOptions options) {
		return TrackedStart.start(this.client, options, "worker-task " + workerTaskId,
				this.client.execute(new Call<>(RUN, Map.of("workerTaskId", workerTaskId), Map.of(), body)));
	}

	@Override
	public Mono<SyncRunResult> runSync(String workerTaskId, RunOptions options) {
		RunRequest body = request(workerTaskId, options, false);
		TrackedStart.refuse(options, "runSync");
		return this.client.execute(new Call<>(RUN_SYNC, Map.of("workerTaskId", workerTaskId), Map.of(), body))
			.map((data) -> data.toResult(this.client.rowMapper()));
	}

	private RunRequest request(@Nullable String workerTaskId, @Nullable RunOptions options, boolean async) {
		Identifiers.checkSlug("workerTaskId", workerTaskId);
		return RunRequests.body(this.client.settings(), this.client.callbackReceiverUrl(), options, async);
	}

	@Override
	public Mono<CompletedRun> runAndAwait(String workerTaskId, RunOptions options, Duration timeout) {
		RunRequest body = request(workerTaskId, options, true);
		// Checked before the run starts: awaitCompletion would refuse it only after the POST.
		Identifiers.checkPositive("timeout", timeout);
		// Detached once the run has started: the wait must not hold the finished start's exchange.
		return start(workerTaskId, body, options).onTerminateDetach()
			.flatMap((slug) -> this.client.awaitAndReadFirstPage(slug, options, timeout));
	}

	@Override
	public Flux<WorkerTask> list(TaskQuery query) {
		return listSource(query).all();
	}

	/**
	 * The pages of the tasks a query finds, for {@link #list(TaskQuery)} and its blocking twin.
	 */
	Pager.Source<WorkerTask> listSource(TaskQuery query) {
		if (query == null) {
			throw new IllegalArgumentException("query must not be null; use TaskQuery.all()");
		}
		return new Pager.Source<>(describe(query), (page) -> {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("offset", Integer.toString(RunRequests.offsetOfPage(page)));
			parameters.put("limit", Integer.toString(Pager.PAGE_SIZE));
			if (query.workerId() != null) {
				parameters.put("worker_id", query.workerId());
			}
			if (query.keyword() != null) {
				parameters.put("keyword", query.keyword());
			}
			return this.client.execute(new Call<>(LIST, Map.of(), parameters, null));
		});
	}

	private static Pager.@Nullable Page<WorkerTask> page(WorkerTaskListData data) {
		List<WorkerTask> tasks = data.tasks();
		return (tasks != null) ? new Pager.Page<>(data.pageIndex(), data.count(), tasks) : null;
	}

	private static String describe(TaskQuery query) {
		StringBuilder what = new StringBuilder("the worker tasks");
		if (query.workerId() != null) {
			what.append(" of Worker ").append(query.workerId());
		}
		if (query.keyword() != null) {
			what.append(" matching ").append(Identifiers.quote(query.keyword()));
		}
		return what.toString();
	}

	@Override
	public Mono<WorkerTask> get(String workerTaskId) {
		return this.client.execute(Call.of(GET, task(workerTaskId)));
	}

	@Override
	public Mono<String> create(WorkerTaskDefinition definition) {
		TaskRequests.Create body = TaskRequests.create(definition, this.client.rowMapper());
		return this.client.execute(new Call<>(CREATE, Map.of(), Map.of(), body));
	}

	@Override
	public Mono<Void> update(String workerTaskId, WorkerTaskUpdate update) {
		Map<String, String> task = task(workerTaskId);
		TaskRequests.Update body = TaskRequests.update(update);
		return this.client.execute(new Call<>(UPDATE, task, Map.of(), body)).then();
	}

	@Override
	public Mono<Void> delete(String workerTaskId) {
		return this.client.execute(Call.of(DELETE, task(workerTaskId))).then();
	}

	@Override
	public Mono<TaskInput> getInput(String workerTaskId) {
		return this.client.execute(Call.of(GET_INPUT, task(workerTaskId)));
	}

	@Override
	public Mono<Void> updateInput(String workerTaskId, Object input) {
		return putInput(task(workerTaskId), input, null);
	}

	@Override
	public Mono<Void> updateInput(String workerTaskId, Object input, String version) {
		Map<String, String> task = task(workerTaskId);
		return putInput(task, input, WorkerTaskDefinition.checkVersion(version));
	}

	private Mono<Void> putInput(Map<String, String> task, @Nullable Object input, @Nullable String version) {
		TaskRequests.UpdateInput body = TaskRequests.updateInput(input, version, this.client.rowMapper());
		return this.client.execute(new Call<>(UPDATE_INPUT, task, Map.of(), body)).then();
	}

	/**
	 * The path variables naming a task, checked.
	 */
	private static Map<String, String> task(@Nullable String workerTaskId) {
		return Map.of("workerTaskId", Identifiers.checkSlug("workerTaskId", workerTaskId));
	}

	@Override
	public Flux<BatchOutcome> runBatch(List<String> workerTaskIds, BatchOptions options) {
		if (workerTaskIds == null) {
			throw new IllegalArgumentException("workerTaskIds must not be null");
		}
		if (options == null) {
			throw new IllegalArgumentException("options must not be null; use BatchOptions.defaults()");
		}
		// Every task id and body is checked before anything is sent.
		List<String> tasks = new ArrayList<>(workerTaskIds.size());
		List<RunRequest> bodies = new ArrayList<>(workerTaskIds.size());
		for (int i = 0; i < workerTaskIds.size(); i++) {
			String task = workerTaskIds.get(i);
			if (task == null || !Identifiers.isSlug(task)) {
				throw new IllegalArgumentException("workerTaskIds[" + i + "] must be a worker task id, was "
						+ ((task != null) ? Identifiers.quote(task) : "null"));
			}
			tasks.add(task);
			bodies.add(request(task, options.runOptions(), true));
		}
		// Every run the batch starts is tracked when its run options carry a track label.
		TrackedStart.check(this.client, options.runOptions());
		return this.client.runBatch("worker-task.run-batch", tasks.size(),
				(index) -> start(tasks.get(index), bodies.get(index), options.runOptions()), options);
	}

}
