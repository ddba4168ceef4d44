/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names the operation of a request the simulator received, as the client's observations name it.
 */
final class SimulatedOperations {

	private static final Map<Pattern, String> OPERATIONS = new LinkedHashMap<>();

	static {
		add("POST /api/v2/workers/[^/]+/runs", "worker.run");
		add("POST /api/v2/workers/[^/]+/queued-runs", "worker.queue-run");
		add("GET /api/v2/workers/[^/]+/input-schema", "worker.input-schema");
		add("GET /api/v2/workers", "worker.list");
		add("GET /api/v2/store", "store.list");
		add("GET /api/v2/proxy/region", "proxy.regions");
		add("POST /api/v2/worker-tasks/[^/]+/runs", "worker-task.run");
		add("GET /api/v2/worker-tasks", "worker-task.list");
		add("POST /api/v2/worker-tasks", "worker-task.create");
		add("GET /api/v2/worker-tasks/[^/]+/input", "worker-task.get-input");
		add("PUT /api/v2/worker-tasks/[^/]+/input", "worker-task.update-input");
		add("GET /api/v2/worker-tasks/[^/]+", "worker-task.get");
		add("PUT /api/v2/worker-tasks/[^/]+", "worker-task.update");
		add("DELETE /api/v2/worker-tasks/[^/]+", "worker-task.delete");
		add("GET /api/v2/worker-runs", "worker-run.list");
		add("GET /api/v2/(worker-runs/[^/]+|workers/[^/]+/runs/last)/result", "worker-run.results");
		add("GET /api/v2/(worker-runs/[^/]+|workers/[^/]+/runs/last)/(result/export|export)", "worker-run.export");
		add("GET /api/v2/(worker-runs/[^/]+|workers/[^/]+/runs/last)/log", "worker-run.log");
		add("POST /api/v2/(worker-runs/[^/]+|workers/[^/]+/runs/last)/abort", "worker-run.abort");
		add("POST /api/v2/(worker-runs/[^/]+|workers/[^/]+/runs/last)/rerun", "worker-run.rerun");
		add("GET /api/v2/(worker-runs/[^/]+|workers/[^/]+/runs/last)", "worker-run.get");
		add("GET /api/v2/workers/[^/]+", "worker.get");
		add("GET /api/v2/users/account", "account.get");
		add("GET /api/v2/run-queue/items", "run-queue.list");
		add("POST /api/v2/run-queue/.*", "run-queue.change");
	}

	private SimulatedOperations() {
	}

	private static void add(String pattern, String operation) {
		OPERATIONS.put(Pattern.compile(pattern), operation);
	}

	static String of(String method, String path) {
		String request = method + " " + path;
		for (Map.Entry<Pattern, String> operation : OPERATIONS.entrySet()) {
			if (operation.getKey().matcher(request).matches()) {
				return operation.getValue();
			}
		}
		return "other";
	}

}
