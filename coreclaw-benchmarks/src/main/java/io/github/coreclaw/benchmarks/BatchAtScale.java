/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.client.BatchOptions;
import io.github.coreclaw.spring.client.BatchOutcome;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.test.CoreClawSimulator;
import io.github.coreclaw.spring.test.SimulatedRun;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Goal 6: a batch of {@link #RUNS} runs (500, or the system property {@code coreclaw.benchmark.batch-runs}) against the simulator with a plan limit of
 * {@value #PLAN_LIMIT} runs at once and runs that take {@link #RUN_TIME} each, with the limit set,
 * learned, and learned while another client holds {@value #HELD} slots; beside a naive
 * {@code flatMap(..., 10)} loop of {@code runAndAwait}. The runs' callbacks go to a small receiver
 * that wakes the waits ({@link CoreClawClient#runChanged}), as the starter's callback receiver does.
 */
final class BatchAtScale {

	static final int RUNS = Integer.getInteger("coreclaw.benchmark.batch-runs", 500);

	static final int PLAN_LIMIT = 10;

	static final int HELD = 3;

	static final Duration RUN_TIME = Duration.ofSeconds(2);

	private static final Pattern RUN_SLUG = Pattern.compile("\"run_slug\"\\s*:\\s*\"([^\"]+)\"");

	private BatchAtScale() {
	}

	/**
	 * What one case measured.
	 *
	 * @param name the case
	 * @param seconds the wall time of the batch
	 * @param bound the plan's bound for the slots the batch could use, 1.05 × ceil(runs / slots) × T
	 * @param failed items failed
	 * @param startedTwice items with more than one run
	 * @param startRequests start requests sent
	 * @param runsCreated runs CoreClaw created
	 */
	record Outcome(String name, double seconds, double bound, int failed, int startedTwice, int startRequests,
			int runsCreated) {

		double startsPerRun() {
			return (double) this.startRequests / RUNS;
		}

		boolean passed() {
			return this.seconds <= this.bound && this.failed == 0 && this.startedTwice == 0
					&& startsPerRun() <= 1.2;
		}

		String describe() {
			return String.format("%s: %.1f s (bound %.1f s), %d failed, %d started twice, %d start requests "
					+ "(%.3f per run), %d runs created", this.name, this.seconds, this.bound, this.failed,
					this.startedTwice, this.startRequests, startsPerRun(), this.runsCreated);
		}

	}

	/**
	 * Run one case.
	 * @param name the case: {@code set}, {@code learned}, {@code learned-held}, {@code naive} or
	 * {@code naive-held}
	 * @return what it measured
	 */
	static Outcome measure(String name) {
		return measure(name, RUNS);
	}

	/**
	 * Run a small batch of each kind first, so that the JIT has compiled the code paths before the
	 * first case is measured.
	 */
	static void warmUp() {
		measure("learned", 40);
		measure("naive", 40);
	}

	private static Outcome measure(String name, int runs) {
		boolean held = name.endsWith("-held");
		try (CoreClawSimulator simulator = CoreClawSimulator.start();
				CoreClawClient client = CoreClawClient
					.builder(CoreClawClientSettings.of(simulator.apiKey()).withBaseUrl(simulator.baseUrl()))
					.build()) {
			DisposableServer receiver = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.route((routes) -> routes.post("/callback", (request, response) -> request.receive()
					.aggregate()
					.asString()
					.doOnNext((body) -> {
						Matcher slug = RUN_SLUG.matcher(body);
						if (slug.find()) {
							client.runChanged(RunSlug.of(slug.group(1)));
						}
					})
					.then(response.status(204).send())))
				.bindNow();
			try {
				simulator.planLimit(PLAN_LIMIT);
				simulator.holdSlots(held ? HELD : 0);
				simulator.runs(SimulatedRun.succeedingAfter(RUN_TIME).withRows(1, 0));
				RunOptions runOptions = RunOptions.builder()
					.callbackUrl(URI.create("http://127.0.0.1:" + receiver.port() + "/callback"))
					.build();
				List<String> tasks = Collections.nCopies(runs, CoreClawSimulator.DEMO_TASK);
				int slots = PLAN_LIMIT - (held ? HELD : 0);
				double bound = 1.05 * Math.ceil((double) runs / slots) * RUN_TIME.toMillis() / 1000.0;
				long start = System.nanoTime();
				AtomicInteger failed = new AtomicInteger();
				Set<RunSlug> slugs = Collections.synchronizedSet(new HashSet<>());
				if (name.startsWith("naive")) {
					Flux.fromIterable(tasks)
						.flatMap((task) -> client.workerTasks()
							.runAndAwait(task, runOptions, Duration.ofMinutes(10))
							.doOnNext((run) -> slugs.add(run.run().runSlug()))
							.onErrorResume((ex) -> {
								failed.incrementAndGet();
								return Mono.empty();
							}), 10)
						.blockLast();
				}
				else {
					BatchOptions.Builder options = BatchOptions.builder().runOptions(runOptions);
					if (name.equals("set")) {
						options.maxRunning(PLAN_LIMIT);
					}
					List<BatchOutcome> outcomes = client.workerTasks()
						.runBatch(tasks, options.build())
						.collectList()
						.block(Duration.ofMinutes(30));
					for (BatchOutcome outcome : outcomes) {
						if (!outcome.succeeded() || outcome.run() == null
								|| outcome.run().status() != RunStatus.SUCCEEDED) {
							failed.incrementAndGet();
						}
						if (outcome.runSlug() != null) {
							slugs.add(outcome.runSlug());
						}
					}
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				int startRequests = simulator.requestCount("worker-task.run");
				int created = 0;
				for (ServeEvent event : simulator.server().getAllServeEvents()) {
					if (event.getRequest().getMethod().getName().equals("POST")
							&& event.getRequest().getUrl().endsWith("/runs") && event.getResponse().getStatus() == 200) {
						created++;
					}
				}
				// Runs CoreClaw created beyond one per item that has a run: items started twice.
				int startedTwice = created - slugs.size();
				return new Outcome(name, seconds, bound, failed.get(), startedTwice, startRequests, created);
			}
			finally {
				receiver.disposeNow();
			}
		}
	}

}
