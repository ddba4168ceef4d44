/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.client.CoreClawStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application in a child JVM starts tracked runs against a CoreClaw stub outside it and is
 * killed with SIGKILL; the runs finish while it is down (nobody receives their callbacks); restarted,
 * it stores each run's rows exactly once.
 */
class TrackedRunsCrashTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@TempDir
	Path directory;

	@Test
	void runsThatFinishWhileTheApplicationIsDeadAreHandledOnceAfterItsRestart() throws Exception {
		String database = "jdbc:h2:file:" + this.directory.resolve("crash").toAbsolutePath();
		for (int i = 1; i <= TrackedRunsCrashApp.RUNS; i++) {
			wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock
				.post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v2/worker-tasks/task-" + i + "/runs"))
				.willReturn(CoreClawStubs.json(200, "{\"code\":0,\"data\":{\"run_slug\":\"crash-r" + i + "\"}}")));
			TrackingTestSupport.stubRun(wireMock, "crash-r" + i, "running");
		}
		Process first = start("start", database);
		List<String> firstOutput = new CopyOnWriteArrayList<>();
		try {
			assertThat(awaitLine(first, firstOutput, "CRASH-TEST ALL STARTED")).as(String.join("\n", firstOutput)).isTrue();
		}
		finally {
			// SIGKILL: no shutdown hook, no context close, no chance to finish anything.
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(firstOutput).contains("CRASH-TEST STARTED crash-r1", "CRASH-TEST STARTED crash-r2",
				"CRASH-TEST STARTED crash-r3");
		// The runs finish while the application is dead: their callbacks reach nobody.
		TrackingTestSupport.stubRun(wireMock, "crash-r1", "succeeded");
		TrackingTestSupport.stubRun(wireMock, "crash-r2", "failed");
		TrackingTestSupport.stubRun(wireMock, "crash-r3", "aborted");
		Process second = start("resume", database);
		List<String> secondOutput = new CopyOnWriteArrayList<>();
		try {
			assertThat(awaitLine(second, secondOutput, "CRASH-TEST ALL HANDLED")).as(String.join("\n", secondOutput))
				.isTrue();
			assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			second.destroyForcibly();
		}
		wireMock.verify(TrackedRunsCrashApp.RUNS, postRequestedFor(urlPathMatching("/api/v2/worker-tasks/.*/runs")));
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database, true);
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			List<Map<String, Object>> rows = jdbc
				.sql("SELECT run_slug, COUNT(*) AS copies, COUNT(DISTINCT row_number) AS numbers FROM imported_row "
						+ "GROUP BY run_slug ORDER BY run_slug")
				.query()
				.listOfRows();
			assertThat(rows).hasSize(TrackedRunsCrashApp.RUNS).allSatisfy((row) -> {
				assertThat(((Number) row.get("COPIES")).longValue()).isEqualTo(3);
				assertThat(((Number) row.get("NUMBERS")).longValue()).isEqualTo(3);
			});
			assertThat(jdbc.sql("SELECT state FROM coreclaw_tracked_run").query(String.class).list())
				.containsOnly("HANDLED")
				.hasSize(TrackedRunsCrashApp.RUNS);
		}
		finally {
			dataSource.destroy();
		}
	}

	private static Process start(String mode, String database) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), TrackedRunsCrashApp.class.getName(), mode, database,
				wireMock.baseUrl()));
		return new ProcessBuilder(command).redirectErrorStream(true).directory(new File(".")).start();
	}

	/**
	 * Read the child's output until a line, the child's end or a minute; whether the line came.
	 */
	private static boolean awaitLine(Process process, List<String> output, String line) throws Exception {
		CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
			try (BufferedReader reader = process.inputReader()) {
				String read;
				while ((read = reader.readLine()) != null) {
					output.add(read);
					if (read.equals(line)) {
						return true;
					}
				}
				return false;
			}
			catch (IOException ex) {
				return false;
			}
		});
		try {
			return found.get(90, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
	}

}
