/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.tracking.TrackedRunHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * The application of {@link TrackedRunsCrashTests}, run in a child JVM: {@code start} starts
 * tracked runs and waits to be killed; {@code resume} handles them (storing one row per result)
 * and exits once every run is handled.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TrackedRunsCrashApp {

	static final int RUNS = 3;

	@Bean
	TrackedRunHandler storingHandler(DataSource dataSource) {
		return (run) -> {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			for (long row = 1; row <= run.run().resultCount(); row++) {
				jdbc.sql("INSERT INTO imported_row (run_slug, row_number) VALUES (?, ?)")
					.params(run.runSlug().value(), row)
					.update();
			}
		};
	}

	public static void main(String[] args) throws InterruptedException {
		String mode = args[0];
		SpringApplication application = new SpringApplication(TrackedRunsCrashApp.class);
		ConfigurableApplicationContext context = application.run("--spring.main.web-application-type=none",
				"--spring.datasource.url=" + args[1], "--spring.datasource.type="
						+ "org.springframework.jdbc.datasource.SimpleDriverDataSource",
				"--coreclaw.base-url=" + args[2], "--coreclaw.api-key=ck-crash-test", "--coreclaw.retry.enabled=false",
				"--coreclaw.tracking.enabled=true", "--coreclaw.tracking.initialize-schema=always",
				"--coreclaw.tracking.reconcile-interval=200ms", "--coreclaw.tracking.lease=10s",
				"--management.health.defaults.enabled=false");
		JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
		if (mode.equals("start")) {
			jdbc.sql("CREATE TABLE IF NOT EXISTS imported_row (run_slug VARCHAR(200), row_number BIGINT)").update();
			WorkerTaskOperations tasks = context.getBean(WorkerTaskOperations.class);
			for (int i = 1; i <= RUNS; i++) {
				RunSlug run = tasks.runAsync("task-" + i, RunOptions.builder().track("crash:" + i).build())
					.block(Duration.ofSeconds(30));
				System.out.println("CRASH-TEST STARTED " + run);
			}
			System.out.println("CRASH-TEST ALL STARTED");
			new CountDownLatch(1).await();
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM coreclaw_tracked_run WHERE state = 'HANDLED'")
				.query(Long.class)
				.single() == RUNS);
		System.out.println("CRASH-TEST ALL HANDLED");
		context.close();
	}

}
