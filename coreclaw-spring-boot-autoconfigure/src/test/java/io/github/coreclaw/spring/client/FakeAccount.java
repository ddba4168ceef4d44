/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.coreclaw.spring.client.InMemoryConnector.Reply;
import reactor.core.scheduler.Schedulers;

import org.springframework.mock.http.client.reactive.MockClientHttpRequest;

/**
 * A CoreClaw account in memory, for batches under virtual time: worker task runs that last their
 * task's duration on Reactor's parallel clock, a plan limit (code 30003, no run created), slots
 * held by another client, rate-limit refusals on demand, and results by task ({@code captcha-*}
 * tasks produce error rows, {@code empty-*} none, {@code broken-*} runs fail, {@code ambiguous-*}
 * starts answer HTTP 500).
 */
final class FakeAccount implements Function<MockClientHttpRequest, Reply> {

	private static final Pattern START = Pattern.compile("/api/v2/worker-tasks/([^/]+)/runs");

	private static final Pattern DETAIL = Pattern.compile("/api/v2/worker-runs/([^/]+)");

	private static final Pattern RESULT = Pattern.compile("/api/v2/worker-runs/([^/]+)/result");

	private static final Pattern ABORT = Pattern.compile("/api/v2/worker-runs/([^/]+)/abort");

	private final Map<String, Run> runs = new ConcurrentHashMap<>();

	private final List<String> requests = new ArrayList<>();

	private final Map<String, Integer> runsPerTask = new ConcurrentHashMap<>();

	private final Deque<Reply> startRefusals = new ConcurrentLinkedDeque<>();

	private final Duration duration;

	private int planLimit = Integer.MAX_VALUE;

	private int heldSlots;

	private Duration startLatency = Duration.ZERO;

	private int maxRunning;

	private int next;

	FakeAccount(Duration duration) {
		this.duration = duration;
	}

	FakeAccount planLimit(int limit) {
		this.planLimit = limit;
		return this;
	}

	FakeAccount heldSlots(int slots) {
		this.heldSlots = slots;
		return this;
	}

	/**
	 * Answer each start this long after deciding it: a run ending meanwhile does not change the
	 * answer, as at CoreClaw.
	 */
	FakeAccount startLatency(Duration latency) {
		this.startLatency = latency;
		return this;
	}

	/**
	 * Refuse the next start with this reply, before looking at the plan limit.
	 */
	FakeAccount refuseNextStart(Reply refusal) {
		this.startRefusals.add(refusal);
		return this;
	}

	@Override
	public synchronized Reply apply(MockClientHttpRequest request) {
		String method = request.getMethod().name();
		String path = request.getURI().getRawPath();
		this.requests.add(method + " " + path);
		long now = now();
		Matcher start = START.matcher(path);
		if (method.equals("POST") && start.matches()) {
			String task = start.group(1);
			if (task.startsWith("ambiguous")) {
				return InMemoryConnector.error(500, 10000, "internal server error");
			}
			Reply refusal = this.startRefusals.poll();
			if (refusal != null) {
				return refusal;
			}
			if (running(now) + this.heldSlots >= this.planLimit) {
				return InMemoryConnector.error(400, 30003, "running tasks reached the plan limit").after(this.startLatency);
			}
			String slug = "01RUN" + (this.next++);
			this.runs.put(slug, new Run(task, now));
			this.runsPerTask.merge(task, 1, Integer::sum);
			this.maxRunning = Math.max(this.maxRunning, running(now));
			return new Reply(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-s\",\"data\":{\"run_slug\":\""
					+ slug + "\"}}").after(this.startLatency);
		}
		Matcher abort = ABORT.matcher(path);
		if (method.equals("POST") && abort.matches()) {
			this.runs.get(abort.group(1)).aborted = true;
			return new Reply(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-a\"}");
		}
		Matcher result = RESULT.matcher(path);
		if (result.matches()) {
			String task = this.runs.get(result.group(1)).task;
			String rows = task.startsWith("captcha") ? "{\"error\":\"CAPTCHA\",\"status_code\":403,\"url\":\"https://x\"}"
					: task.startsWith("empty") ? "" : "{\"title\":\"Blue Bottle\",\"error\":null}";
			int count = rows.isEmpty() ? 0 : 1;
			return new Reply(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-r\",\"data\":{\"count\":"
					+ count + ",\"page_index\":1,\"page_size\":10,\"headers\":[],\"list\":[" + rows + "]}}");
		}
		Matcher detail = DETAIL.matcher(path);
		if (detail.matches()) {
			Run run = this.runs.get(detail.group(1));
			return InMemoryConnector.runDetail(detail.group(1), run.status(now));
		}
		return InMemoryConnector.error(404, 11004, "not found");
	}

	synchronized int running() {
		return running(now());
	}

	private int running(long now) {
		int running = 0;
		for (Run run : this.runs.values()) {
			if (run.status(now).equals("running")) {
				running++;
			}
		}
		return running;
	}

	synchronized List<String> requests() {
		return List.copyOf(this.requests);
	}

	synchronized long count(String request) {
		return this.requests.stream().filter(request::equals).count();
	}

	synchronized long startRequests() {
		return this.requests.stream().filter((request) -> request.startsWith("POST") && request.endsWith("/runs")).count();
	}

	Map<String, Integer> runsPerTask() {
		return this.runsPerTask;
	}

	synchronized int maxRunning() {
		return this.maxRunning;
	}

	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

	private final class Run {

		final String task;

		final long started;

		volatile boolean aborted;

		Run(String task, long started) {
			this.task = task;
			this.started = started;
		}

		String status(long now) {
			if (this.aborted) {
				return "aborted";
			}
			if (now - this.started < FakeAccount.this.duration.toMillis()) {
				return "running";
			}
			return this.task.startsWith("broken") ? "failed" : "succeeded";
		}

	}

}
