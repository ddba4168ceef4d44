/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.time.Duration;
import java.util.List;

import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerInput;
import io.github.coreclaw.spring.client.WorkerOperations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The application of {@link TrackedRunsCrashTests}, run in a JVM of its own: the sample's
 * {@link TrackedImport} handler, tracking and the callback receiver on the database and port the
 * test gives, against the test's simulator. With {@code crash.runs} (names, comma-separated) it
 * starts one tracked Worker run per name, each with the name as its keyword and
 * {@code crash:<name>} as its label, its callback to the receiver; it then serves callbacks and
 * reconciles until it is killed.
 * <p>
 * Neither {@code @Configuration} nor {@code @SpringBootConfiguration}: the sample's component
 * scan and the search of the other tests for their configuration pass it by.
 */
@EnableAutoConfiguration
@Import(TrackedImport.class)
public class TrackedRunsCrashApp {

	/** The Worker whose runs the application starts. */
	static final String WORKER = "demo-worker";

	/** The prefix of the runs' labels, before the run's name. */
	static final String LABEL_PREFIX = "crash:";

	/**
	 * Start the application, then the runs named by {@code crash.runs}.
	 * @param args Spring Boot command-line properties
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplication(TrackedRunsCrashApp.class).run(args);
		List<String> names = List.of(context.getEnvironment().getProperty("crash.runs", String[].class, new String[0]));
		WorkerOperations workers = context.getBean(WorkerOperations.class);
		for (String name : names) {
			RunSlug run = workers
				.runAsync(WORKER, WorkerInput.builder().custom("keywords", List.of(name)).build(),
						RunOptions.builder().callbackToReceiver().track(LABEL_PREFIX + name).build())
				.block(Duration.ofSeconds(30));
			System.out.println("CRASH-TEST STARTED " + run + " " + name);
		}
		System.out.println("CRASH-TEST READY");
	}

}
