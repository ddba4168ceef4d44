/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.coreclaw.spring.client.CallbackTokens;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.test.CoreClawSimulator;
import io.github.coreclaw.spring.test.SentCallback;
import io.github.coreclaw.spring.test.SimulatedRun;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash test of tracked runs: the sample's {@link TrackedImport} in a JVM of its own
 * ({@link TrackedRunsCrashApp}) starts tracked runs against a {@link CoreClawSimulator} in this
 * JVM and is killed with SIGKILL; the runs finish while it is down, so the simulator's callbacks
 * to it fail; restarted, it finds them by reconciliation and stores each run's rows exactly once.
 * A second test shows a callback that reaches the running application triggering the handling
 * without reconciliation.
 * <p>
 * The tracking tables and the sample's table, which outlive the application's JVM, are in an H2
 * file database under {@code target/crash-tests} and, for the crash test, also in the local
 * PostgreSQL of {@code .ci/run}, in a schema of the test's own that is dropped afterwards (skipped,
 * with the reason, when PostgreSQL does not answer). The H2 database is served to the other JVMs
 * by the first that opens it: in the crash test the killed application, whose file this JVM then
 * opens, and serves to the restarted application; in the callback test this JVM. The applications' output goes to
 * {@code target/crash-tests} too, and is shown when a wait for them fails.
 */
class TrackedRunsCrashTests {

	static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/coreclaw_test";

	static final String POSTGRESQL = "PostgreSQL";

	static final String H2 = "an H2 file database";

	/** How long the runs that finish on their own run: long enough for the kill to come first. */
	private static final Duration RUN_TIME = Duration.ofSeconds(3);

	/** The longest wait for an application or for the simulator. */
	private static final Duration DEADLINE = Duration.ofSeconds(40);

	private static final String SECRET = "crash-test-callback-secret";

	private static final Path WORK = Path.of("target", "crash-tests").toAbsolutePath();

	private final List<Process> applications = new ArrayList<>();

	private CoreClawSimulator simulator;

	private Database database;

	private Path directory;

	@BeforeEach
	void start() throws IOException {
		this.directory = Files.createDirectories(WORK.resolve(UUID.randomUUID().toString()));
		this.simulator = CoreClawSimulator.start();
	}

	@AfterEach
	void stop() throws InterruptedException {
		try {
			for (Process application : this.applications) {
				application.destroyForcibly();
				application.waitFor(30, TimeUnit.SECONDS);
			}
		}
		finally {
			this.simulator.close();
			if (this.database != null) {
				this.database.close();
			}
		}
	}

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { POSTGRESQL, H2 })
	void runsThatFinishWhileTheApplicationIsKilledAreHandledOnceAfterItsRestart(String database) throws Exception {
		this.database = Database.open(database, this.directory);
		Map<String, SimulatedRun> runs = Map.of("two-rows", new SimulatedRun(RUN_TIME, "succeeded", 2, 0), "four-rows",
				new SimulatedRun(RUN_TIME, "succeeded", 4, 0), "failing", SimulatedRun.failingAfter(RUN_TIME),
				"aborted-meanwhile", SimulatedRun.succeedingAfter(Duration.ofHours(1)));
		this.simulator.runs((body) -> runs.entrySet()
			.stream()
			.filter((run) -> body.contains("\"" + run.getKey() + "\""))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null));
		int port = freePort();
		Process first = startApplication("first", port, "200ms", runs.keySet());
		Map<String, String> slugs = awaitUntil(first, "the application has started the runs",
				() -> startedRuns("first"), (started) -> started.size() == runs.size());
		assertThat(this.simulator.sentCallbacks()).as("callbacks before the kill").isEmpty();
		// SIGKILL: no shutdown hook, no context close, no chance to finish anything.
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("exit status of a JVM killed with SIGKILL").isEqualTo(128 + 9);
		// Each run whose start returned was recorded before: on H2, this reads the file the killed JVM wrote.
		assertThat(this.database.trackedRuns()).isEqualTo(slugs);
		assertThat(this.database.states()).containsOnly("OPEN").hasSize(runs.size());
		// While the application is down, someone aborts one run in CoreClaw; the others finish on their own.
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of(this.simulator.apiKey()).withBaseUrl(this.simulator.baseUrl()))
			.build()) {
			client.workerRuns().abort(new RunSlug(slugs.get("aborted-meanwhile"))).block(DEADLINE);
		}
		List<SentCallback> callbacks = awaitUntil(null, "the callbacks of the finished runs are sent",
				this.simulator::sentCallbacks, (sent) -> sent.size() == runs.size());
		assertThat(callbacks).extracting(SentCallback::runSlug).containsExactlyInAnyOrderElementsOf(slugs.values());
		assertThat(callbacks).allSatisfy((callback) -> {
			assertReceiverUrl(callback.url(), port);
			assertThat(callback.delivered()).isFalse();
			assertThat(callback.httpStatus()).isZero();
			assertThat(callback.failure()).isNotBlank();
		});
		assertThat(statusesByName(callbacks, slugs)).containsExactlyInAnyOrderEntriesOf(Map.of("two-rows", "succeeded",
				"four-rows", "succeeded", "failing", "failed", "aborted-meanwhile", "aborted"));
		Process second = startApplication("second", port, "200ms", List.of());
		awaitUntil(second, "every run is handled", this.database::states,
				(states) -> states.size() == runs.size() && states.stream().allMatch("HANDLED"::equals));
		assertThat(this.database.rowsByRun()).containsExactlyInAnyOrderEntriesOf(
				Map.of(slugs.get("two-rows"), List.of(2L, 2L), slugs.get("four-rows"), List.of(4L, 4L)));
		assertThat(this.simulator.requestCount("worker.run")).as("run starts").isEqualTo(runs.size());
		assertThat(this.simulator.sentCallbacks()).hasSize(runs.size());
	}

	@Test
	void aCallbackReachingTheRunningApplicationTriggersTheHandlingWithoutReconciliation() throws Exception {
		this.database = Database.open(H2, this.directory);
		// This JVM opens the H2 database first, to read it while the application runs.
		this.database.connect();
		Duration runTime = Duration.ofSeconds(1);
		this.simulator.runs((body) -> body.contains("\"three-rows\"")
				? new SimulatedRun(runTime, "succeeded", 3, 0) : SimulatedRun.failingAfter(runTime));
		int port = freePort();
		Process application = startApplication("only", port, "1h", List.of("three-rows", "failing"));
		List<SentCallback> callbacks = awaitUntil(application, "the callbacks of the finished runs are sent",
				this.simulator::sentCallbacks, (sent) -> sent.size() == 2);
		assertThat(callbacks).allSatisfy((callback) -> {
			assertReceiverUrl(callback.url(), port);
			assertThat(callback.delivered()).isTrue();
		});
		awaitUntil(application, "both runs are handled", this.database::states,
				(states) -> states.size() == 2 && states.stream().allMatch("HANDLED"::equals));
		Map<String, String> slugs = this.database.trackedRuns();
		assertThat(statusesByName(callbacks, slugs))
			.containsExactlyInAnyOrderEntriesOf(Map.of("three-rows", "succeeded", "failing", "failed"));
		assertThat(this.database.rowsByRun()).containsExactlyEntriesOf(Map.of(slugs.get("three-rows"), List.of(3L, 3L)));
		// One read of each run, after its callback: reconciliation, every hour, never read them.
		assertThat(this.simulator.requestCount("worker-run.get")).isEqualTo(2);
		assertThat(this.simulator.requestCount("worker.run")).isEqualTo(2);
	}

	/**
	 * Start the application in a JVM of its own, its output in {@code <name>.log}.
	 */
	private Process startApplication(String name, int port, String reconcileInterval, Iterable<String> runs)
			throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xmx256m", "-cp", TestClasspath.asString(), TrackedRunsCrashApp.class.getName()));
		command.addAll(List.of("--spring.main.banner-mode=off", "--spring.main.web-application-type=reactive",
				"--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource",
				"--spring.datasource.url=" + this.database.url, "--spring.datasource.username=" + this.database.username,
				"--spring.datasource.password=" + this.database.password,
				"--coreclaw.base-url=" + this.simulator.baseUrl(), "--coreclaw.api-key=" + this.simulator.apiKey(),
				"--coreclaw.callback.enabled=true", "--coreclaw.callback.secret=" + SECRET,
				"--coreclaw.callback.public-base-url=http://127.0.0.1:" + port, "--coreclaw.tracking.enabled=true",
				"--coreclaw.tracking.initialize-schema=always",
				"--coreclaw.tracking.reconcile-interval=" + reconcileInterval, "--coreclaw.tracking.lease=2s",
				"--crash.runs=" + String.join(",", runs)));
		Path log = this.directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.applications.add(process);
		return process;
	}

	/**
	 * Poll until a condition holds, failing with the applications' output when the deadline passes
	 * or, at once, when the application that should make it hold exits.
	 * @param application the application, {@code null} when none runs
	 */
	private <T> T awaitUntil(@Nullable Process application, String condition, Callable<T> probe,
			Predicate<T> done) {
		try {
			return await(condition).atMost(DEADLINE)
				.pollInterval(Duration.ofMillis(100))
				.failFast("the application exited", () -> application != null && !application.isAlive())
				.until(probe, done::test);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError(ex.getMessage() + "; the application's output:\n" + output(), ex);
		}
	}

	private String output() {
		try (var files = Files.list(this.directory)) {
			List<Path> logs = files.filter((file) -> file.toString().endsWith(".log")).sorted().toList();
			StringBuilder output = new StringBuilder();
			for (Path log : logs) {
				output.append("--- ").append(log.getFileName()).append('\n');
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				lines.subList(Math.max(0, lines.size() - 100), lines.size()).forEach((line) -> output.append(line).append('\n'));
			}
			return output.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The runs an application has started so far, by name, from its output.
	 */
	private Map<String, String> startedRuns(String application) throws IOException {
		Map<String, String> runs = new TreeMap<>();
		for (String line : Files.readAllLines(this.directory.resolve(application + ".log"), StandardCharsets.UTF_8)) {
			String[] words = line.split(" ");
			if (line.startsWith("CRASH-TEST STARTED ") && words.length == 4) {
				runs.put(words[3], words[2]);
			}
		}
		return runs;
	}

	/**
	 * The {@code run_status} of each callback, by the name of its run.
	 */
	private static Map<String, String> statusesByName(List<SentCallback> callbacks, Map<String, String> slugs) {
		Map<String, String> statuses = new TreeMap<>();
		slugs.forEach((name, slug) -> callbacks.stream()
			.filter((callback) -> callback.runSlug().equals(slug))
			.forEach((callback) -> statuses.put(name,
					callback.payload().replaceAll(".*\"run_status\":\"([a-z]+)\".*", "$1"))));
		return statuses;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The database of a test, which outlives the application's JVM: a schema of its own in the
	 * local PostgreSQL, or an H2 file database held open by this JVM.
	 */
	private static final class Database {

		final String url;

		final String username;

		final String password;

		private final String schema;

		private final SingleConnectionDataSource dataSource;

		private final JdbcClient jdbc;

		private Database(String url, String username, String password, String schema) {
			this.url = url;
			this.username = username;
			this.password = password;
			this.schema = schema;
			this.dataSource = new SingleConnectionDataSource(url, username, password, true);
			this.jdbc = JdbcClient.create(this.dataSource);
		}

		/**
		 * Connect now rather than on the first query: an H2 database is served to the other JVMs by
		 * the JVM that opens it first.
		 */
		void connect() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}

		/**
		 * Open a database: {@value TrackedRunsCrashTests#H2} or {@value TrackedRunsCrashTests#POSTGRESQL},
		 * skipping the test, with the reason, when PostgreSQL does not answer.
		 */
		static Database open(String kind, Path directory) {
			if (kind.equals(H2)) {
				// The JVM that opens it first serves it to the others (AUTO_SERVER). By default H2 writes a commit to
				// its file up to 500 ms later (WRITE_DELAY), so that a JVM killed with SIGKILL loses the commits of
				// its last half second, such as the record of a run whose start had returned.
				return new Database("jdbc:h2:file:" + directory.resolve("tracking") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
						"sa", "", null);
			}
			String schema = "crash_" + UUID.randomUUID().toString().replace("-", "");
			try (Connection connection = DriverManager.getConnection(POSTGRESQL_URL + "?connectTimeout=2", "coreclaw",
					"coreclaw"); Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA " + schema);
			}
			catch (SQLException ex) {
				Assumptions.abort("PostgreSQL is not reachable at " + POSTGRESQL_URL + " as coreclaw (start it with "
						+ ".ci/servers.sh): " + ex.getMessage());
			}
			return new Database(POSTGRESQL_URL + "?currentSchema=" + schema, "coreclaw", "coreclaw", schema);
		}

		/**
		 * The tracked runs' slugs, by the name in their label.
		 */
		Map<String, String> trackedRuns() {
			if (!hasTable("coreclaw_tracked_run")) {
				return Map.of();
			}
			Map<String, String> runs = new TreeMap<>();
			this.jdbc.sql("SELECT run_slug, label FROM coreclaw_tracked_run")
				.query((rs, row) -> runs.put(rs.getString(2).substring(TrackedRunsCrashApp.LABEL_PREFIX.length()),
						rs.getString(1)))
				.list();
			return runs;
		}

		List<String> states() {
			if (!hasTable("coreclaw_tracked_run")) {
				return List.of();
			}
			return this.jdbc.sql("SELECT state FROM coreclaw_tracked_run").query(String.class).list();
		}

		/**
		 * The rows {@link TrackedImport} stored, by run: how many, and how many different ones.
		 */
		Map<String, List<Long>> rowsByRun() {
			Map<String, List<Long>> rows = new TreeMap<>();
			this.jdbc
				.sql("SELECT run_slug, COUNT(*), COUNT(DISTINCT row_text) FROM imported_row GROUP BY run_slug")
				.query((rs, row) -> rows.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3))))
				.list();
			return rows;
		}

		private boolean hasTable(String table) {
			return this.jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?"
					+ ((this.schema != null) ? " AND table_schema = '" + this.schema + "'" : ""))
				.param(table)
				.query(Long.class)
				.single() > 0;
		}

		void close() {
			try {
				if (this.schema != null) {
					this.jdbc.sql("DROP SCHEMA " + this.schema + " CASCADE").update();
				}
			}
			finally {
				this.dataSource.destroy();
			}
		}

	}

	/**
	 * A callback URL of the application's receiver: its own token in place of the secret.
	 */
	private static void assertReceiverUrl(String url, int port) {
		String receiver = "http://127.0.0.1:" + port + "/coreclaw/callback/";
		assertThat(url).startsWith(receiver).doesNotContain(SECRET);
		assertThat(new CallbackTokens(SECRET, CallbackTokens.DEFAULT_VALIDITY).accepts(url.substring(receiver.length())))
			.isTrue();
	}

}
