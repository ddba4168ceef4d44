/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StubServer} in a JVM of its own, started from the benchmarks' own class path and
 * stopped by closing its standard input.
 *
 * @since 0.1.0
 */
final class StubProcess implements AutoCloseable {

	private final Process process;

	private final String fastBaseUrl;

	private final String slowBaseUrl;

	private StubProcess(Process process, String fastBaseUrl, String slowBaseUrl) {
		this.process = process;
		this.fastBaseUrl = fastBaseUrl;
		this.slowBaseUrl = slowBaseUrl;
	}

	/**
	 * Start the stub and wait until it listens.
	 * @param slowLatencyMillis the latency of run requests on the slow port
	 * @return the running stub
	 */
	static StubProcess start(long slowLatencyMillis) throws IOException {
		Process process = new ProcessBuilder(javaCommand(List.of("-Xmx512m", "-XX:+UseSerialGC"), "stub",
				Long.toString(slowLatencyMillis)))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("STUB ")) {
				String[] urls = line.split(" ");
				return new StubProcess(process, urls[1], urls[2]);
			}
		}
		process.destroy();
		throw new IOException("The stub process ended without listening");
	}

	/**
	 * The command that runs the benchmarks' main class in another JVM with the same class path.
	 * @param jvmOptions options of the new JVM
	 * @param arguments arguments of the main class
	 * @return the command
	 */
	static List<String> javaCommand(List<String> jvmOptions, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
		command.addAll(jvmOptions);
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			command.add("-jar");
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add(Benchmarks.class.getName());
		}
		command.addAll(List.of(arguments));
		return command;
	}

	String fastBaseUrl() {
		return this.fastBaseUrl;
	}

	String slowBaseUrl() {
		return this.slowBaseUrl;
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
		catch (IOException | InterruptedException ex) {
			this.process.destroy();
		}
	}

}
