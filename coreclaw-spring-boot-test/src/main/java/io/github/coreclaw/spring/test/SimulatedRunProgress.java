/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The progress of the simulator's runs: a WireMock extension that counts the reads of each run's
 * detail, so that every run answers {@code running} on its first two reads and {@code succeeded}
 * from its third on, whatever other runs are read in between.
 * <p>
 * The {@code run-detail-*.json} mappings name this transformer ({@value #NAME}); their own bodies,
 * in the order of the scenario {@code run-progress}, are the answers a WireMock container (which
 * lacks this extension) gives, where one sequence is shared by all runs.
 */
final class SimulatedRunProgress implements ResponseDefinitionTransformerV2 {

	/** The name the mappings give in their {@code transformers}. */
	static final String NAME = "coreclaw-run-progress";

	private static final Pattern RUN = Pattern.compile("/api/v2/worker-runs/([A-Za-z0-9_~.-]+)");

	private static final long STARTED_AT = 1786001200L;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimulatedAccount account;

	/** Reads of each run's detail so far, by run slug. */
	private final Map<String, Integer> reads = new ConcurrentHashMap<>();

	SimulatedRunProgress(SimulatedAccount account) {
		this.account = account;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		String url = serveEvent.getRequest().getUrl();
		Matcher run = RUN.matcher(SimulatedResponses.pathOf(url));
		if (!run.matches()) {
			return serveEvent.getResponseDefinition();
		}
		String slug = run.group(1);
		ObjectNode timed = this.account.timedDetail(slug);
		if (timed != null) {
			return SimulatedResponses.success(timed);
		}
		int read = this.reads.merge(slug, 1, Integer::sum);
		if (read >= 3) {
			this.account.finishedByRead(slug);
		}
		return detail(slug, read);
	}

	/**
	 * Put every run back to its first read.
	 */
	void reset() {
		this.reads.clear();
	}

	/**
	 * Put one run back to its first read.
	 * @param runSlug the run's slug
	 */
	void reset(String runSlug) {
		this.reads.remove(runSlug);
	}

	private ResponseDefinition detail(String slug, int read) {
		boolean finished = read >= 3;
		ObjectNode data = this.json.createObjectNode();
		data.put("slug", slug);
		data.put("scraper_slug", "coffee-shops");
		data.put("scraper_title", "Coffee Shops");
		data.put("version", "v1.2.0");
		data.put("status", finished ? "succeeded" : "running");
		data.put("results", finished ? 5 : 2 * read);
		data.put("usage", "0.02");
		data.put("traffic", 0);
		data.put("origin", "openapi");
		data.put("started_at", STARTED_AT);
		data.put("finished_at", finished ? STARTED_AT + 7 : 0);
		data.put("duration", finished ? 7 : 0);
		return SimulatedResponses.success(data);
	}


}
