/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Measures the performance goals of the starter side by side with their baselines, against a
 * stub CoreClaw in a process of its own, and prints one PASS or FAIL line per goal with its
 * ratio; exits with status 1 if a goal failed. Run it with {@code -Xmx256m} (see {@code docs/performance.md});
 * arguments name the goals to run ({@code 1 2 3 4 5}, all by default; goal 5 needs Java 21+ and is
 * skipped on an older JVM).
 *
 * @since 0.1.0
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public final class Benchmarks {

	private static final long SLOW_LATENCY_MILLIS = 50;

	/** Goal 5: the heap a blocking runAndAwait parked on a virtual thread may hold. */
	private static final long VIRTUAL_THREAD_WAIT_BYTES = 8 * 1024;

	private final List<String> report = new ArrayList<>();

	private boolean allPassed = true;

	/**
	 * Run the benchmarks and print the results.
	 * @param args the goals to run, all when none; {@code stub <latency>} runs the stub and
	 * {@code cpu <base-url>} runs goal 1 alone (both used in child processes); {@code profile <base-url>
	 * starter|raw|starter-results|raw-results <seconds>} makes the calls of goal 1 (or reads the rows
	 * of goal 3) on one side only, to profile it
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("stub")) {
			StubServer.runUntilStdinCloses(Long.parseLong(args[1]));
			return;
		}
		if (args.length == 2 && args[0].equals("cpu")) {
			CpuBoundCalls.Outcome outcome = CpuBoundCalls.measure(args[1]);
			System.out.printf("RESULT %.4f %s%n", outcome.medianRatio(), outcome.describe());
			System.exit(0);
		}
		if (args.length == 4 && args[0].equals("profile")) {
			if (args[2].endsWith("-results")) {
				ResultsAtScale.profile(args[1], args[2].startsWith("starter"), Integer.parseInt(args[3]));
			}
			else {
				CpuBoundCalls.profile(args[1], args[2].equals("starter"), Integer.parseInt(args[3]));
			}
			System.exit(0);
		}
		if (args.length >= 1 && args[0].equals("batch")) {
			batches(List.of(args).subList(1, args.length));
			return;
		}
		Set<String> goals = (args.length == 0) ? Set.of("1", "2", "3", "4", "5") : Set.of(args);
		Benchmarks benchmarks = new Benchmarks();
		System.out.printf("CoreClaw starter benchmarks, %s, Java %s (%s), %d cores, max heap %d MB, load average %s%n",
				LocalDate.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				loadAverage());
		try (StubProcess stub = StubProcess.start(SLOW_LATENCY_MILLIS)) {
			if (goals.contains("1")) {
				benchmarks.cpuBound(stub);
			}
			if (goals.contains("2")) {
				benchmarks.waiting(stub);
			}
			if (goals.contains("3")) {
				benchmarks.results(stub);
			}
			if (goals.contains("4")) {
				benchmarks.existing(stub);
			}
			if (goals.contains("5")) {
				benchmarks.virtualThreads();
			}
		}
		System.out.println();
		System.out.println("Load average at the end: " + loadAverage());
		benchmarks.report.forEach(System.out::println);
		System.exit(benchmarks.allPassed ? 0 : 1);
	}

	/** Goal 1: CPU-bound calls against a raw WebClient, with the JIT's top tier and with C1 only. */
	private void cpuBound(StubProcess stub) throws Exception {
		progress("goal 1: CPU-bound runAsync, JIT with all tiers");
		CpuBoundCalls.Outcome full = CpuBoundCalls.measure(stub.fastBaseUrl());
		progress("goal 1: CPU-bound runAsync, -XX:TieredStopAtLevel=1 (child JVM)");
		String[] quick = cpuBoundInChild(stub.fastBaseUrl(), "-XX:TieredStopAtLevel=1");
		double quickRatio = Double.parseDouble(quick[0]);
		boolean passed = full.medianRatio() >= 0.90 && quickRatio >= 0.85 && full.failures() == 0;
		record("1. CPU-bound runAsync vs raw WebClient (stub answering at once, in another process)", passed,
				String.format("median throughput ratio %.3f (>= 0.90 required), %.3f with -XX:TieredStopAtLevel=1 "
						+ "(>= 0.85 required)", full.medianRatio(), quickRatio),
				"all tiers: " + full.describe(), "C1 only:   " + quick[1]);
	}

	private static String[] cpuBoundInChild(String baseUrl, String option) throws Exception {
		Process child = new ProcessBuilder(StubProcess.javaCommand(List.of("-Xmx256m", option), "cpu", baseUrl))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String result = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("RESULT ")) {
					result = line.substring("RESULT ".length());
				}
			}
		}
		child.waitFor();
		if (result == null) {
			return new String[] { "0", "the child JVM printed no result" };
		}
		int space = result.indexOf(' ');
		return new String[] { result.substring(0, space), result.substring(space + 1) };
	}

	/** Goal 2: many waits at once, for real and under virtual time. */
	private void waiting(StubProcess stub) throws Exception {
		progress("goal 2: " + WaitingAtScale.RUNS + " awaitCompletion at once against the stub (about "
				+ WaitingAtScale.INTERVAL.multipliedBy(StubServer.RUNNING_READS).toSeconds() + " s)");
		WaitingAtScale.RealOutcome real = WaitingAtScale.real(stub.fastBaseUrl());
		progress("goal 2: the same under virtual time, and one wait of 100,000 reads");
		WaitingAtScale.VirtualOutcome virtual = WaitingAtScale.virtual(WaitingAtScale.RUNS);
		long[] longWait = WaitingAtScale.longWait();
		long idealMillis = WaitingAtScale.INTERVAL.toMillis() * StubServer.RUNNING_READS;
		long longWaitGrowth = longWait[2] - longWait[0];
		boolean passed = real.finished() && real.completed() == WaitingAtScale.RUNS && real.failed() == 0
				&& real.threadGrowth() <= 8 && real.bytesPerWait() <= 4096 && virtual.completed() == virtual.runs()
				&& virtual.spread().ratio() <= 4 && longWait[3] == 1 && longWaitGrowth < 1024 * 1024;
		record("2. " + WaitingAtScale.RUNS + " awaitCompletion at once, each running for " + StubServer.RUNNING_READS
				+ " reads polled every " + WaitingAtScale.INTERVAL.toSeconds() + " s ± " + (int) (WaitingAtScale.JITTER * 100)
				+ "%", passed,
				String.format("%.2f KB heap per waiting run (<= 4 KB required), all done in %.2f× the ideal time, "
						+ "busiest 100 ms %.1f× an even spread (<= 4 required, lockstep would be %d)",
						real.bytesPerWait() / 1024, real.millis() / (double) idealMillis, virtual.spread().ratio(),
						WaitingAtScale.INTERVAL.toMillis() / 100),
				String.format("real: %d completed, %d failed in %.1f s (ideal %.0f s), thread growth %d, heap %.1f MB "
						+ "for %d waiting runs after GC; busiest 100 ms at the stub %.1f× an even spread",
						real.completed(), real.failed(), real.millis() / 1000.0, idealMillis / 1000.0,
						real.threadGrowth(), real.heapGrowth() / (1024.0 * 1024), real.waitingAtCheck(),
						real.spread().ratio()),
				String.format("virtual time: %d of %d completed, %.2f KB heap per waiting run, busiest 100 ms %d reads "
						+ "(even: %.0f)", virtual.completed(), virtual.runs(), virtual.bytesPerWait() / 1024,
						virtual.spread().peak(), virtual.spread().even()),
				String.format("one wait of 100,000 reads under virtual time: heap after GC %.1f MB at 10,000 reads, "
						+ "%.1f MB at 50,000, %.1f MB at 99,990 (growth %d KB, < 1 MB required), completed: %s",
						longWait[0] / 1048576.0, longWait[1] / 1048576.0, longWait[2] / 1048576.0,
						longWaitGrowth / 1024, longWait[3] == 1));
	}

	/** Goal 3: results at scale. */
	private void results(StubProcess stub) {
		progress("goal 3: results() over 1,000,000 rows");
		ResultsAtScale.Outcome outcome = ResultsAtScale.measure(stub.fastBaseUrl());
		boolean passed = outcome.rows() == StubServer.RESULT_ROWS && outcome.growth() < 4 * 1024 * 1024
				&& outcome.medianRatio() >= 0.9;
		record("3. results() over " + StubServer.RESULT_ROWS + " rows (10,000 pages of 100) vs a hand-written "
				+ "WebClient page loop", passed,
				String.format("median rows/s ratio %.3f (>= 0.9 required), heap growth from 100,000 to 1,000,000 rows "
						+ "%d KB (< 4 MB required)", outcome.medianRatio(), outcome.growth() / 1024),
				String.format("heap after GC: %.1f MB before, %.1f MB at 100,000 rows, %.1f MB at 1,000,000; full read "
						+ "%.1f s (with the collections); starter %.0f rows/s, raw loop %.0f rows/s (median of %d "
						+ "paired rounds, ratios %s)", outcome.heapBefore() / 1048576.0,
						outcome.heapAt100k() / 1048576.0, outcome.heapAt1m() / 1048576.0,
						outcome.fullMillis() / 1000.0, outcome.starterRowsPerSecond(), outcome.rawRowsPerSecond(),
						outcome.ratios().size(), Measure.range(outcome.ratios(), "%.3f")));
	}

	/** Goal 4: the goals met before still hold. */
	private void existing(StubProcess stub) {
		progress("goal 4: 10,000 runs in flight, startup, decoding");
		long[] inFlight = ExistingGoals.manyRunsInFlight(stub.slowBaseUrl());
		long[] raw = ExistingGoals.manyRunsInFlightRaw(stub.slowBaseUrl());
		WebClient bench = WebClient.create(stub.fastBaseUrl());
		bench.post().uri("/bench/reset").retrieve().toBodilessEntity().block();
		double[] startup = ExistingGoals.startup(stub.fastBaseUrl());
		String requestsAtStartup = bench.post().uri("/bench/reset").retrieve().bodyToMono(String.class).block();
		double[] decoding = ExistingGoals.decoding();
		boolean inFlightPassed = inFlight[0] == ExistingGoals.RUNS_IN_FLIGHT && inFlight[3] <= 8;
		boolean startupPassed = startup[0] <= 50 && "0".equals(requestsAtStartup);
		boolean decodingPassed = decoding[0] <= 1.1;
		record("4. the earlier goals: 10,000 runs in flight, startup, sync-result decoding",
				inFlightPassed && startupPassed && decodingPassed,
				String.format("%d of %d in flight completed; startup adds %.1f ms (<= 50 ms required); decoding ratio "
						+ "%.3f (<= 1.1 required)", inFlight[0], ExistingGoals.RUNS_IN_FLIGHT, startup[0], decoding[0]),
				String.format("%d runAsync in flight (%d ms stub): %d completed, %d failed in %d ms (%.0f runs/s), "
						+ "thread growth %d, peak heap growth %d MB (at most %.1f KB per run in flight, garbage "
						+ "included); a plain WebClient with Boot's defaults: %d completed, %d failed",
						ExistingGoals.RUNS_IN_FLIGHT, SLOW_LATENCY_MILLIS, inFlight[0], inFlight[1], inFlight[2],
						ExistingGoals.RUNS_IN_FLIGHT * 1000.0 / inFlight[2], inFlight[3], inFlight[4] / (1024 * 1024),
						inFlight[4] / 1024.0 / ExistingGoals.RUNS_IN_FLIGHT, raw[0], raw[1]),
				String.format("context start with coreclaw.enabled=true vs false: %+.1f ms (median of %d starts each), "
						+ "requests at startup: %s", startup[0], (int) startup[1], requestsAtStartup),
				String.format("decoding a 100-row sync result (%d KB) vs plain Jackson into maps: median time ratio "
						+ "%.3f over %d rounds", (int) decoding[2], decoding[0], (int) decoding[1]));
	}

	/** Goal 5: blocking runAndAwait calls parked on virtual threads against the reactive wait. */
	private void virtualThreads() throws Exception {
		String goal = "5. " + VirtualThreadWaits.RUNS + " blocking runAndAwait parked at once, each on a virtual thread, "
				+ "vs the same reactive runAndAwait";
		if (!VirtualThreadWaits.available()) {
			this.report.add("SKIP " + goal + ": skipped: needs JDK 21+ (this is Java "
					+ System.getProperty("java.version") + "; run the jar with /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)");
			return;
		}
		progress("goal 5: " + VirtualThreadWaits.RUNS + " blocking runAndAwait on virtual threads vs reactive, "
				+ "under virtual time");
		VirtualThreadWaits.Outcome outcome = VirtualThreadWaits.measure();
		VirtualThreadWaits.Side reactive = outcome.reactive();
		VirtualThreadWaits.Side blocking = outcome.blocking();
		int expectedRequests = VirtualThreadWaits.RUNS * (VirtualThreadWaits.RUNNING_READS + 3);
		boolean passed = reactive.completed() == reactive.runs() && blocking.completed() == blocking.runs()
				&& blocking.requests() == expectedRequests && reactive.requests() == expectedRequests
				&& blocking.pinned() == 0 && blocking.bytesPerWait() <= VIRTUAL_THREAD_WAIT_BYTES
				&& blocking.threadGrowth() <= Runtime.getRuntime().availableProcessors() + 8;
		record(goal, passed,
				String.format("%.2f KB heap per waiting run on a virtual thread (<= %d KB required), %.2f KB for the "
						+ "reactive wait: the blocking call adds %.2f KB (the parked virtual thread: its stack, the "
						+ "thread and the future); %d pinned (0 required)", blocking.bytesPerWait() / 1024,
						VIRTUAL_THREAD_WAIT_BYTES / 1024, reactive.bytesPerWait() / 1024,
						outcome.addedBytesPerWait() / 1024, blocking.pinned()),
				String.format("blocking: %d of %d completed with their own run, %d requests (%d expected), platform "
						+ "thread growth %d (the carriers); reactive: %d of %d completed, %d requests",
						blocking.completed(), blocking.runs(), blocking.requests(), expectedRequests,
						blocking.threadGrowth(), reactive.completed(), reactive.runs(), reactive.requests())
						+ blocking.failure() + reactive.failure());
		if (blocking.firstFailure() != null) {
			blocking.firstFailure().printStackTrace();
		}
	}

	/**
	 * A context with the starter, against the given base URL.
	 * @param baseUrl the base URL
	 * @param enabled the value of {@code coreclaw.enabled}
	 * @return the started context
	 */
	static ConfigurableApplicationContext starter(String baseUrl, boolean enabled) {
		return starter(baseUrl, enabled, Map.of());
	}

	/**
	 * A context with the starter, against the given base URL, with more properties.
	 * @param baseUrl the base URL
	 * @param enabled the value of {@code coreclaw.enabled}
	 * @param more more properties
	 * @return the started context
	 */
	static ConfigurableApplicationContext starter(String baseUrl, boolean enabled, Map<String, String> more) {
		Map<String, Object> properties = new HashMap<>(Map.of("coreclaw.enabled", Boolean.toString(enabled),
				"coreclaw.api-key", "benchmark-key", "coreclaw.base-url", baseUrl, "spring.main.banner-mode", "off",
				"logging.level.root", "warn"));
		properties.putAll(more);
		return new SpringApplicationBuilder(Benchmarks.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(properties)
			.run();
	}

	private static String loadAverage() {
		return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * Goal 6 (issue #21): batches of runs against the simulator, each case named in the arguments
	 * ({@code set learned learned-held naive naive-held}, all by default); each takes 100 s or more.
	 */
	private static void batches(List<String> names) {
		List<String> cases = names.isEmpty() ? List.of("set", "learned", "learned-held", "naive", "naive-held")
				: names;
		System.out.printf("CoreClaw starter batch benchmark, %s, Java %s, %d cores, load average %s%n", LocalDate.now(),
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
		boolean passed = true;
		List<String> lines = new ArrayList<>();
		progress("goal 6: warming up (a learned batch and a naive loop of 40 runs each)");
		BatchAtScale.warmUp();
		for (String name : cases) {
			progress("goal 6: " + BatchAtScale.RUNS + " runs of " + BatchAtScale.RUN_TIME.toSeconds() + " s, plan limit "
					+ BatchAtScale.PLAN_LIMIT + ", case " + name + " (load average " + loadAverage() + ")");
			BatchAtScale.Outcome outcome = BatchAtScale.measure(name);
			boolean baseline = name.startsWith("naive");
			if (!baseline) {
				passed &= outcome.passed();
			}
			lines.add((baseline ? "INFO " : (outcome.passed() ? "PASS " : "FAIL ")) + outcome.describe());
		}
		System.out.println();
		System.out.println("Load average at the end: " + loadAverage());
		lines.forEach(System.out::println);
		System.exit(passed ? 0 : 1);
	}

	private static void progress(String what) {
		System.out.printf("[%tT] %s%n", System.currentTimeMillis(), what);
	}

	private void record(String goal, boolean passed, String summary, String... details) {
		this.allPassed &= passed;
		this.report.add((passed ? "PASS " : "FAIL ") + goal + ": " + summary);
		for (String detail : details) {
			this.report.add("     " + detail);
		}
	}

}
