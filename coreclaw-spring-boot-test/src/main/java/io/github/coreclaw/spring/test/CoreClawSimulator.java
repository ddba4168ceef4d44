/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.client.RunSlug;
import reactor.core.publisher.Flux;

/**
 * An in-process simulator of the CoreClaw API operations the starter offers, on WireMock,
 * answering from the mapping files under {@value #MAPPINGS_ROOT} on the classpath (the same files
 * a WireMock container can load).
 * <p>
 * It accepts the key {@value #API_KEY} in each of CoreClaw's three ways ({@code Authorization:
 * Bearer}, an {@code api-key} header, {@code ?token=}), asks none for the public operations, and
 * knows the worker
 * tasks {@value #DEMO_TASK}, {@value #RATE_LIMITED_TASK} (HTTP 429 with {@code Retry-After: 1} on
 * its first run) and {@value #BUSY_TASK} (code 13000 under HTTP 200 on its first run). A run of a
 * known task, asynchronous or synchronous, and a rerun of any run get a fresh run slug; a
 * synchronous one succeeds at once and returns the first of its five result rows, up to its
 * {@code limit} (20 by default).
 * <p>
 * Any run slug can be read: its detail answers {@code running} on its first two reads and
 * {@code succeeded} from the third on, each run on its own (reading one run, for example on a
 * callback for it, never moves another run on; {@link #reset(RunSlug)} puts one run back to its
 * first read, {@link #reset()} every run); its results are five rows with the columns
 * {@code title}, {@code city} and {@code rating} (a number), paged by {@code offset} (the page,
 * from 1) and {@code limit}, a page past the last row being empty; its log, abort and export
 * answer as CoreClaw does. Any other task id answers 404/60001, a missing or wrong key
 * 401/12001, and a limit outside 1&ndash;100 on a run or rerun 422/11000. A request it has no
 * mapping for gets WireMock's own 404 page, which the client reports as a reply that is not
 * CoreClaw's.
 * <p>
 * A WireMock container loading the same mappings answers alike, except that its run detail
 * sequence is one for all runs, moved on by a read of any run.
 * <p>
 * For batches and callbacks, the in-process simulator also plays the account: it can enforce a
 * plan limit ({@link #planLimit}: a start beyond it answers HTTP 400 with code 30003 and creates
 * no run; {@link #holdSlots} plays runs of another client), rate limit run starts
 * ({@link #rateLimitRunStarts}: HTTP 429, code 13000, {@code Retry-After}), give each run its own
 * duration, final status and rows, error rows among them ({@link #runs(Function)}), count the
 * requests per operation ({@link #requestCounts()}), and POST each run's callback to the
 * {@code callback_url} it was started with when the run finishes ({@link #sentCallbacks()},
 * {@link #callbackDelivery}, {@link #dropCallbacks}). Its time is Reactor's
 * {@code Schedulers.parallel()} clock, so a test under {@code StepVerifier.withVirtualTime} moves
 * the simulated runs on with its virtual time.
 *
 * @since 0.1.0
 */
public final class CoreClawSimulator implements AutoCloseable {

	/** The API key the simulator accepts. */
	public static final String API_KEY = "coreclaw-simulator-key";

	/** A task whose runs succeed with five result rows. */
	public static final String DEMO_TASK = "demo-task";

	/** A task whose first run is rate limited (HTTP 429, {@code Retry-After: 1}). */
	public static final String RATE_LIMITED_TASK = "rate-limited-task";

	/** A task whose first run answers code 13000 under HTTP 200. */
	public static final String BUSY_TASK = "busy-task";

	/** Classpath folder holding the simulator's {@code mappings/}. */
	public static final String MAPPINGS_ROOT = "coreclaw-simulator";

	private final SimulatedAccount account = new SimulatedAccount();

	private final SimulatedRunProgress runProgress = new SimulatedRunProgress(this.account);

	private final WireMockServer server;

	private CoreClawSimulator(int port) {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.port(port)
			.bindAddress("127.0.0.1")
			.usingFilesUnderClasspath(MAPPINGS_ROOT)
			.extensions(SimulatedWorkerTasks.extension())
			.extensions(this.runProgress)
			.extensions(this.account));
	}

	/**
	 * Start a simulator on a free port of the loopback interface.
	 * @return the running simulator
	 */
	public static CoreClawSimulator start() {
		return start(0);
	}

	/**
	 * Start a simulator on the given port of the loopback interface.
	 * @param port the port, 0 for a free one
	 * @return the running simulator
	 */
	public static CoreClawSimulator start(int port) {
		CoreClawSimulator simulator = new CoreClawSimulator(port);
		simulator.server.start();
		return simulator;
	}

	/**
	 * The URL to set as {@code coreclaw.base-url}.
	 * @return the base URL, for example {@code http://127.0.0.1:40123}
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/**
	 * The key to set as {@code coreclaw.api-key}.
	 * @return {@value #API_KEY}
	 */
	public String apiKey() {
		return API_KEY;
	}

	/**
	 * The WireMock server, to verify the requests it received or to add stubs of your own.
	 * @return the server
	 */
	public WireMockServer server() {
		return this.server;
	}

	/**
	 * Forget the requests received so far, put the once-only tasks back to their first run, the
	 * worker tasks back to the three known ones and every run back to its first read, forget the
	 * runs started and the callbacks sent, and drop the plan limit, the held slots, the rate
	 * limiting, the runs' behaviour and the callback settings.
	 */
	public void reset() {
		this.server.resetRequests();
		this.server.resetScenarios();
		this.runProgress.reset();
		this.account.reset();
	}

	/**
	 * Enforce a plan limit: a run start while that many runs are running (the held slots
	 * included) answers HTTP 400 with code 30003 ({@code running tasks reached the plan limit})
	 * and creates no run. A run counts as running until its detail would answer a final status
	 * (for a run without its own behaviour: until its third detail read) or it is aborted.
	 * @param limit the number of runs at once, 0 for no limit
	 * @throws IllegalArgumentException if the limit is negative
	 * @since 0.1.0
	 */
	public void planLimit(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative, was " + limit);
		}
		this.account.planLimit(limit);
	}

	/**
	 * Count that many runs of another client of the account as running, against the plan limit.
	 * @param slots the slots held, 0 for none
	 * @throws IllegalArgumentException if slots is negative
	 * @since 0.1.0
	 */
	public void holdSlots(int slots) {
		if (slots < 0) {
			throw new IllegalArgumentException("slots must not be negative, was " + slots);
		}
		this.account.holdSlots(slots);
	}

	/**
	 * Refuse the next run starts with HTTP 429, code 13000 and a {@code Retry-After} header (in
	 * whole seconds, at least 1); no run is created.
	 * @param starts how many of the next starts to refuse
	 * @param retryAfter the wait to announce
	 * @throws IllegalArgumentException if starts is negative or retryAfter null or negative
	 * @since 0.1.0
	 */
	public void rateLimitRunStarts(int starts, Duration retryAfter) {
		if (starts < 0) {
			throw new IllegalArgumentException("starts must not be negative, was " + starts);
		}
		if (retryAfter == null || retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be null or negative, was " + retryAfter);
		}
		this.account.rateLimitRunStarts(starts, retryAfter);
	}

	/**
	 * Give every run started from now on the same behaviour.
	 * @param run the behaviour, {@code null} to go back to runs that progress by reads
	 * @since 0.1.0
	 */
	public void runs(SimulatedRun run) {
		this.account.behaviour((run != null) ? (body) -> run : null);
	}

	/**
	 * Give each run started from now on its own behaviour, chosen from the body of the request
	 * that started it (for a Worker run, its {@code input}), so that a batch's items can differ
	 * whatever order they start in.
	 * @param behaviour the behaviour of a run, by the start request's body; answering
	 * {@code null} gives that run the default behaviour (progress by reads)
	 * @since 0.1.0
	 */
	public void runs(Function<String, SimulatedRun> behaviour) {
		if (behaviour == null) {
			throw new IllegalArgumentException("behaviour must not be null");
		}
		this.account.behaviour(behaviour);
	}

	/**
	 * The runs started through the simulator that are running now.
	 * @return the number of runs
	 * @since 0.1.0
	 */
	public int runningRuns() {
		return this.account.running();
	}

	/**
	 * How often each callback is attempted: a callback the target does not answer with a 2xx
	 * status (or does not answer) is attempted again after the backoff, up to the attempts. By
	 * default a callback is attempted once (CoreClaw documents no redelivery).
	 * @param attempts the attempts, at least 1
	 * @param backoff the wait between attempts
	 * @throws IllegalArgumentException if attempts is below 1 or backoff null or negative
	 * @since 0.1.0
	 */
	public void callbackDelivery(int attempts, Duration backoff) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
		}
		if (backoff == null || backoff.isNegative()) {
			throw new IllegalArgumentException("backoff must not be null or negative, was " + backoff);
		}
		this.account.callbackDelivery(attempts, backoff);
	}

	/**
	 * Fail the next callback attempts without sending them, as if the target were down; they are
	 * recorded with HTTP status 0 and the failure {@code dropped by the simulator}.
	 * @param attempts how many of the next attempts to drop
	 * @throws IllegalArgumentException if attempts is negative
	 * @since 0.1.0
	 */
	public void dropCallbacks(int attempts) {
		if (attempts < 0) {
			throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
		}
		this.account.dropCallbacks(attempts);
	}

	/**
	 * The callback attempts made so far, in order: each run started with a {@code callback_url}
	 * gets a POST of CoreClaw's payload ({@code run_slug}, {@code run_status},
	 * {@code error_message}, {@code execution_start_timestamp}, {@code execution_end_timestamp},
	 * {@code running_duration}, {@code result_count}, {@code result_message}) when it finishes
	 * (its duration passed, its third detail read, or an abort).
	 * @return the attempts
	 * @since 0.1.0
	 */
	public List<SentCallback> sentCallbacks() {
		return this.account.sentCallbacks();
	}

	/**
	 * The callback attempts, those made so far and those to come, until {@link #reset()} or
	 * {@link #close()}: for a test to wait for them without sleeping.
	 * @return the attempts
	 * @since 0.1.0
	 */
	public Flux<SentCallback> callbacks() {
		return this.account.callbacks();
	}

	/**
	 * The requests received since the last reset, per operation, named as the client's
	 * observations name them ({@code worker.run}, {@code worker-task.run},
	 * {@code worker-run.get}, {@code worker-run.results}, {@code worker-run.abort},
	 * {@code worker-run.rerun}, ...); a request of no known operation counts as {@code other}.
	 * @return the counts, by operation name
	 * @since 0.1.0
	 */
	public Map<String, Integer> requestCounts() {
		Map<String, Integer> counts = new TreeMap<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			String url = event.getRequest().getUrl();
			int query = url.indexOf('?');
			counts.merge(SimulatedOperations.of(event.getRequest().getMethod().getName(),
					(query >= 0) ? url.substring(0, query) : url), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * The requests of one operation received since the last reset.
	 * @param operation the operation, as named by {@link #requestCounts()}
	 * @return the count
	 * @since 0.1.0
	 */
	public int requestCount(String operation) {
		return requestCounts().getOrDefault(operation, 0);
	}

	/**
	 * Put one run back to its first read, so that its detail answers {@code running} twice
	 * again, leaving every other run and the requests received as they are.
	 * @param run the run
	 * @throws IllegalArgumentException if the run is {@code null}
	 * @since 0.1.0
	 */
	public void reset(RunSlug run) {
		if (run == null) {
			throw new IllegalArgumentException("run must not be null");
		}
		this.runProgress.reset(run.value());
	}

	/**
	 * Stop the simulator.
	 */
	@Override
	public void close() {
		this.server.stop();
		this.account.close();
	}

	@Override
	public String toString() {
		return "CoreClawSimulator[" + (this.server.isRunning() ? baseUrl() : "stopped") + "]";
	}

}
