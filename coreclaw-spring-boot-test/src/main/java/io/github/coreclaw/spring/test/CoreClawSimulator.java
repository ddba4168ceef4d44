/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.coreclaw.spring.client.RunSlug;

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

	private final SimulatedRunProgress runProgress = new SimulatedRunProgress();

	private final WireMockServer server;

	private CoreClawSimulator(int port) {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.port(port)
			.bindAddress("127.0.0.1")
			.usingFilesUnderClasspath(MAPPINGS_ROOT)
			.extensions(SimulatedWorkerTasks.extension())
			.extensions(this.runProgress));
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
	 * worker tasks back to the three known ones and every run back to its first read.
	 */
	public void reset() {
		this.server.resetRequests();
		this.server.resetScenarios();
		this.runProgress.reset();
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
	}

	@Override
	public String toString() {
		return "CoreClawSimulator[" + (this.server.isRunning() ? baseUrl() : "stopped") + "]";
	}

}
