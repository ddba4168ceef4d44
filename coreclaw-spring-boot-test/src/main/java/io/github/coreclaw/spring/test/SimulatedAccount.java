/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's account: a global WireMock extension that follows the runs the simulator
 * starts, so that it can enforce a plan limit (code 30003, no run created), rate limit run
 * starts on demand (HTTP 429, code 13000, {@code Retry-After}), give runs their own
 * {@link SimulatedRun} behaviour, and send each run's callback when it finishes.
 * <p>
 * It only ever changes an answer the mappings already gave as a success, so that their own
 * refusals (an unknown task, a missing key, an invalid limit) keep precedence. Time is read from
 * Reactor's {@code Schedulers.parallel()}, which a test's virtual time replaces.
 */
final class SimulatedAccount implements ResponseDefinitionTransformerV2 {

	/** The name of the extension. */
	static final String NAME = "coreclaw-account";

	private static final Pattern START = Pattern.compile(
			"/api/v2/(workers/[^/]+/runs|worker-tasks/[^/]+/runs|worker-runs/[^/]+/rerun|workers/[^/]+/runs/last/rerun)");

	private static final Pattern RESULT = Pattern.compile("/api/v2/worker-runs/([A-Za-z0-9_~.-]+)/result");

	private static final Pattern ABORT = Pattern.compile("/api/v2/worker-runs/([A-Za-z0-9_~.-]+)/abort");

	private static final String PAYLOAD_ROWS = """
			[{"title":"Blue Bottle Coffee","city":"Oakland","rating":4.6},
			{"title":"Tartine Bakery","city":"San Francisco","rating":4.7},
			{"title":"Sightglass Coffee","city":"San Francisco","rating":4.5},
			{"title":"Ritual Coffee Roasters","city":"San Francisco","rating":4.4},
			{"title":"Philz Coffee","city":"Berkeley","rating":4.6}]""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Run> runs = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	private volatile Disposable.Composite timers = Disposables.composite();

	private final ConnectionProvider connections = ConnectionProvider.builder("coreclaw-simulator-callbacks")
		.maxConnections(64)
		.build();

	private final HttpClient http = HttpClient.create(this.connections).responseTimeout(Duration.ofSeconds(10));

	private final List<SentCallback> sent = new ArrayList<>();

	private Sinks.Many<SentCallback> sentSink = Sinks.many().replay().all();

	private final ArrayNode payloadRows = (ArrayNode) this.json.readTree(PAYLOAD_ROWS);

	private int planLimit;

	private int heldSlots;

	private int rateLimitedStarts;

	private Duration retryAfter = Duration.ofSeconds(1);

	private @Nullable Function<String, SimulatedRun> behaviour;

	private int callbackAttempts = 1;

	private Duration callbackBackoff = Duration.ofSeconds(1);

	private int droppedCallbacks;

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return true;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		ResponseDefinition answer = serveEvent.getResponseDefinition();
		LoggedRequest request = serveEvent.getRequest();
		if (answer.getStatus() != 200) {
			return answer;
		}
		String url = request.getUrl();
		String path = SimulatedResponses.pathOf(url);
		String method = request.getMethod().getName();
		if (method.equals("POST") && START.matcher(path).matches()) {
			return start(request, answer);
		}
		Matcher result = RESULT.matcher(path);
		if (method.equals("GET") && result.matches()) {
			Run run = this.runs.get(result.group(1));
			return (run != null && run.spec != null) ? results(run, request) : answer;
		}
		Matcher abort = ABORT.matcher(path);
		if (method.equals("POST") && abort.matches()) {
			Run run = this.runs.get(abort.group(1));
			if (run != null) {
				finish(run, "aborted");
			}
		}
		return answer;
	}

	// Configuration

	void planLimit(int limit) {
		synchronized (this.lock) {
			this.planLimit = limit;
		}
	}

	void holdSlots(int slots) {
		synchronized (this.lock) {
			this.heldSlots = slots;
		}
	}

	void rateLimitRunStarts(int starts, Duration retryAfter) {
		synchronized (this.lock) {
			this.rateLimitedStarts = starts;
			this.retryAfter = retryAfter;
		}
	}

	void behaviour(@Nullable Function<String, SimulatedRun> behaviour) {
		this.behaviour = behaviour;
	}

	void callbackDelivery(int attempts, Duration backoff) {
		synchronized (this.lock) {
			this.callbackAttempts = attempts;
			this.callbackBackoff = backoff;
		}
	}

	void dropCallbacks(int attempts) {
		synchronized (this.lock) {
			this.droppedCallbacks = attempts;
		}
	}

	int running() {
		synchronized (this.lock) {
			return runningNow();
		}
	}

	List<SentCallback> sentCallbacks() {
		synchronized (this.sent) {
			return List.copyOf(this.sent);
		}
	}

	Flux<SentCallback> callbacks() {
		synchronized (this.sent) {
			return this.sentSink.asFlux();
		}
	}

	void reset() {
		synchronized (this.lock) {
			Disposable.Composite before = this.timers;
			this.timers = Disposables.composite();
			before.dispose();
			this.runs.clear();
			this.planLimit = 0;
			this.heldSlots = 0;
			this.rateLimitedStarts = 0;
			this.retryAfter = Duration.ofSeconds(1);
			this.behaviour = null;
			this.callbackAttempts = 1;
			this.callbackBackoff = Duration.ofSeconds(1);
			this.droppedCallbacks = 0;
		}
		synchronized (this.sent) {
			this.sent.clear();
			this.sentSink.tryEmitComplete();
			this.sentSink = Sinks.many().replay().all();
		}
	}

	void close() {
		this.timers.dispose();
		synchronized (this.sent) {
			this.sentSink.tryEmitComplete();
		}
		this.connections.dispose();
	}

	// Runs

	/**
	 * The detail of a run with its own behaviour, {@code null} for a run that progresses by
	 * reads.
	 */
	@Nullable ObjectNode timedDetail(String slug) {
		Run run = this.runs.get(slug);
		// A run that progresses by reads keeps doing so, unless it was aborted.
		if (run == null || (run.spec == null && !"aborted".equals(run.endStatus))) {
			return null;
		}
		long now = now();
		String status = run.statusAt(now);
		boolean finished = !status.equals("running");
		ObjectNode data = this.json.createObjectNode();
		data.put("slug", slug);
		data.put("scraper_slug", "coffee-shops");
		data.put("scraper_title", "Coffee Shops");
		data.put("version", "v1.2.0");
		data.put("status", status);
		data.put("results", finished ? run.rowCount() : 0);
		data.put("usage", "0.02");
		data.put("traffic", 0);
		data.put("origin", "openapi");
		data.put("started_at", run.startedMillis / 1000);
		data.put("finished_at", finished ? run.endMillis(now) / 1000 : 0);
		data.put("duration", finished ? (run.endMillis(now) - run.startedMillis) / 1000 : 0);
		if (status.equals("failed")) {
			data.put("err_msg", "simulated failure");
		}
		return data;
	}

	/**
	 * A run that progresses by reads answered a finished detail.
	 */
	void finishedByRead(String slug) {
		Run run = this.runs.get(slug);
		if (run != null && run.spec == null) {
			finish(run, "succeeded");
		}
	}

	private ResponseDefinition start(LoggedRequest request, ResponseDefinition answer) {
		ObjectNode body = objectOf(request.getBodyAsString());
		boolean async = body == null || !body.path("is_async").isBoolean() || body.get("is_async").asBoolean();
		if (!async || !isSuccess(answer)) {
			return answer;
		}
		Run run;
		synchronized (this.lock) {
			if (this.rateLimitedStarts > 0) {
				this.rateLimitedStarts--;
				long seconds = Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
				return SimulatedResponses.respond(429, SimulatedResponses.envelope(13000, "too many requests"))
					.withHeader("Retry-After", Long.toString(seconds))
					.build();
			}
			if (this.planLimit > 0 && runningNow() + this.heldSlots >= this.planLimit) {
				return SimulatedResponses
					.respond(400, SimulatedResponses.envelope(30003, "running tasks reached the plan limit"))
					.build();
			}
			Function<String, SimulatedRun> behaviour = this.behaviour;
			SimulatedRun spec = (behaviour != null) ? behaviour.apply(request.getBodyAsString()) : null;
			String callbackUrl = (body != null && body.path("callback_url").isString())
					? body.get("callback_url").asString() : null;
			String slug = SimulatedResponses.newRunSlug();
			run = new Run(slug, now(), spec, callbackUrl);
			this.runs.put(slug, run);
		}
		if (run.spec != null) {
			this.timers.add(Mono.delay(run.spec.duration(), Schedulers.parallel())
				.subscribe((tick) -> finish(run, run.spec.finalStatus())));
		}
		ObjectNode data = this.json.createObjectNode();
		data.put("run_slug", run.slug);
		return SimulatedResponses.success(data);
	}

	private boolean isSuccess(ResponseDefinition answer) {
		ObjectNode body = objectOf(answer.getBody());
		return body != null && body.path("code").asLong(-1) == 0;
	}

	private int runningNow() {
		long now = now();
		int running = 0;
		for (Run run : this.runs.values()) {
			if (run.statusAt(now).equals("running")) {
				running++;
			}
		}
		return running;
	}

	private void finish(Run run, String status) {
		synchronized (this.lock) {
			if (run.endStatus != null) {
				return;
			}
			run.endStatus = status;
			run.endedMillis = now();
		}
		if (run.callbackUrl != null) {
			deliver(run, status);
		}
	}

	private ResponseDefinition results(Run run, LoggedRequest request) {
		int page = Math.max(1, intParameter(request, "offset", 1));
		int limit = Math.max(1, intParameter(request, "limit", 20));
		int total = run.rowCount();
		ObjectNode data = this.json.createObjectNode();
		data.put("count", total);
		data.put("page_index", page);
		data.put("page_size", limit);
		data.set("headers", this.json.readTree("""
				[{"key":"title","label":"Title"},{"key":"city","label":"City"},{"key":"rating","label":"Rating"}]"""));
		ArrayNode list = data.putArray("list");
		long first = (long) (page - 1) * limit;
		for (long i = first; i < total && i < first + limit; i++) {
			if (i < run.spec.rows()) {
				list.add(this.payloadRows.get((int) (i % this.payloadRows.size())));
			}
			else {
				ObjectNode error = list.addObject();
				error.put("error", "CAPTCHA challenge");
				error.put("status_code", 403);
				error.put("input_url", "https://maps.example.com/search?q=coffee&page=" + (i + 1));
			}
		}
		return SimulatedResponses.success(data);
	}

	// Callbacks

	private void deliver(Run run, String status) {
		long now = now();
		ObjectNode payload = this.json.createObjectNode();
		payload.put("run_slug", run.slug);
		payload.put("run_status", status);
		payload.put("error_message", status.equals("failed") ? "simulated failure" : "");
		payload.put("execution_start_timestamp", run.startedMillis / 1000);
		payload.put("execution_end_timestamp", now / 1000);
		payload.put("running_duration", (now - run.startedMillis) / 1000);
		payload.put("result_count", status.equals("succeeded") ? run.rowCount() : 0);
		payload.put("result_message", status.equals("succeeded") ? "done" : status);
		String body = this.json.writeValueAsString(payload);
		int attempts;
		Duration backoff;
		synchronized (this.lock) {
			attempts = this.callbackAttempts;
			backoff = this.callbackBackoff;
		}
		this.timers.add(attempt(run, body, 1, attempts, backoff).subscribe());
	}

	private Mono<Void> attempt(Run run, String body, int attempt, int attempts, Duration backoff) {
		return post(run.callbackUrl, body).flatMap((answer) -> {
			SentCallback sent = new SentCallback(run.slug, run.callbackUrl, body, attempt, answer.status,
					answer.failure);
			record(sent);
			if (sent.delivered() || attempt >= attempts) {
				return Mono.<Void>empty();
			}
			return Mono.delay(backoff, Schedulers.parallel())
				.then(Mono.defer(() -> attempt(run, body, attempt + 1, attempts, backoff)));
		});
	}

	private Mono<Answer> post(String url, String body) {
		synchronized (this.lock) {
			if (this.droppedCallbacks > 0) {
				this.droppedCallbacks--;
				return Mono.just(new Answer(0, "dropped by the simulator"));
			}
		}
		return this.http.headers((headers) -> headers.set("Content-Type", "application/json"))
			.post()
			.uri(url)
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.then(Mono.just(new Answer(response.status().code(), null)))
				.defaultIfEmpty(new Answer(response.status().code(), null)))
			.onErrorResume((ex) -> Mono.just(new Answer(0, ex.getClass().getSimpleName() + ": " + ex.getMessage())));
	}

	private void record(SentCallback callback) {
		synchronized (this.sent) {
			this.sent.add(callback);
			this.sentSink.tryEmitNext(callback);
		}
	}

	// Helpers

	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

	private @Nullable ObjectNode objectOf(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(text);
			return (node instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static int intParameter(LoggedRequest request, String name, int defaultValue) {
		QueryParameter parameter = request.queryParameter(name);
		if (parameter == null || !parameter.isPresent()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(parameter.firstValue());
		}
		catch (NumberFormatException ex) {
			return defaultValue;
		}
	}

	private record Answer(int status, @Nullable String failure) {
	}

	/**
	 * A run the simulator started.
	 */
	private static final class Run {

		final String slug;

		final long startedMillis;

		final @Nullable SimulatedRun spec;

		final @Nullable String callbackUrl;

		volatile @Nullable String endStatus;

		volatile long endedMillis;

		Run(String slug, long startedMillis, @Nullable SimulatedRun spec, @Nullable String callbackUrl) {
			this.slug = slug;
			this.startedMillis = startedMillis;
			this.spec = spec;
			this.callbackUrl = callbackUrl;
		}

		String statusAt(long now) {
			String ended = this.endStatus;
			if (ended != null) {
				return ended;
			}
			if (this.spec != null && now - this.startedMillis >= this.spec.duration().toMillis()) {
				return this.spec.finalStatus();
			}
			return "running";
		}

		long endMillis(long now) {
			if (this.endStatus != null) {
				return this.endedMillis;
			}
			return (this.spec != null) ? this.startedMillis + this.spec.duration().toMillis() : now;
		}

		int rowCount() {
			return (this.spec != null) ? this.spec.rows() + this.spec.errorRows() : 5;
		}

	}

}
