/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.Map;

import javax.sql.DataSource;

import io.github.coreclaw.spring.client.BlockingWorkerRunOperations;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.tracking.TrackedRun;
import io.github.coreclaw.spring.tracking.TrackedRunHandler;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the result rows of each finished tracked run in the embedded H2 table {@code imported_row},
 * exactly once (enable with {@code coreclaw.tracking.enabled=true}; start runs with
 * {@code RunOptions.builder().track(label)}).
 *
 * @since 0.1.0
 */
@Component
@ConditionalOnBooleanProperty("coreclaw.tracking.enabled")
public class TrackedImport implements TrackedRunHandler {

	private final JdbcClient jdbc;

	private final BlockingWorkerRunOperations runs;

	/**
	 * Create the handler and its table.
	 * @param dataSource the application's data source, where the tracking tables are too
	 * @param runs the blocking run operations, to read the rows
	 */
	public TrackedImport(DataSource dataSource, BlockingWorkerRunOperations runs) {
		this.jdbc = JdbcClient.create(dataSource);
		this.runs = runs;
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS imported_row (run_slug VARCHAR(200) NOT NULL, "
				+ "label VARCHAR(200) NOT NULL, row_text VARCHAR(4000) NOT NULL)").update();
	}

	/**
	 * Store a succeeded run's rows; a failed or aborted run has none to store. The inserts commit
	 * with the update that marks the run handled, so a crash never stores them twice.
	 * @param run the finished run
	 */
	@Override
	public void handle(TrackedRun run) {
		if (run.run().status() != RunStatus.SUCCEEDED) {
			return;
		}
		try (var rows = this.runs.results(run.runSlug())) {
			rows.forEach((Map<String, Object> row) -> this.jdbc
				.sql("INSERT INTO imported_row (run_slug, label, row_text) VALUES (?, ?, ?)")
				.params(run.runSlug().value(), run.label(), row.toString())
				.update());
		}
	}

	/**
	 * Count the rows stored for a label.
	 * @param label the label the runs were started with
	 * @return how many rows are stored
	 */
	public long count(String label) {
		return this.jdbc.sql("SELECT COUNT(*) FROM imported_row WHERE label = ?").param(label).query(Long.class).single();
	}

}
