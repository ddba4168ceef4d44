/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.test.CoreClawSimulator;
import io.github.coreclaw.spring.test.CoreClawSimulatorConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sample application: runs a CoreClaw worker task through the starter (see {@link DemoRunner}).
 * <p>
 * Without {@code CORECLAW_API_KEY} in the environment it adds the test kit's
 * {@link CoreClawSimulatorConfiguration}, which starts a {@link CoreClawSimulator} and points the
 * client at it, and the {@value #SIMULATOR_PROFILE} profile; with {@code CORECLAW_API_KEY} and
 * {@code CORECLAW_TASK_ID} it runs the same code against the real API. It exits after the demo,
 * unless it serves the endpoints of {@link RunController}: from WebFlux with the reactive beans when
 * started with {@value #SERVE_FLAG}, from Spring MVC with the blocking beans
 * ({@link MvcRunController}), on virtual threads with Java 21 or later, with the
 * {@value #MVC_PROFILE} profile, whose {@code application-mvc.yml} sets
 * {@code spring.main.web-application-type} and {@code spring.threads.virtual.enabled}.
 * <p>
 * {@code TestSampleApplication} (under {@code src/test/java}) runs it against the simulator
 * whatever the environment, as an application without this fallback would be run during
 * development: {@code ./mvnw -pl coreclaw-samples -am spring-boot:test-run}.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class SampleApplication {

	/** Command-line flag that keeps the WebFlux endpoints up after the demo. */
	public static final String SERVE_FLAG = "--serve";

	/** Profile that serves the endpoints from Spring MVC, with the blocking beans, on virtual threads. */
	public static final String MVC_PROFILE = "mvc";

	/** Profile whose {@code application-simulator.yml} names the simulator's tasks for the demo. */
	public static final String SIMULATOR_PROFILE = "simulator";

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	/**
	 * Run the demo, then exit with its status, unless the application serves requests (with
	 * {@value #SERVE_FLAG} or the {@value #MVC_PROFILE} profile).
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = start(args, System.getenv());
		if (!(context instanceof WebServerApplicationContext)) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Start the application against the real API or, without an API key in the environment,
	 * against an embedded simulator that closes with the returned context.
	 * @param args command-line arguments
	 * @param environment the process environment to read {@code CORECLAW_API_KEY} from
	 * @return the running application context
	 */
	static ConfigurableApplicationContext start(String[] args, Map<String, String> environment) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// Spring MVC and WebFlux are both on the class path: WebFlux with --serve, no server without it,
		// unless spring.main.web-application-type says otherwise (as the mvc profile does).
		application.setWebApplicationType(serving(args) ? WebApplicationType.REACTIVE : WebApplicationType.NONE);
		String apiKey = environment.get("CORECLAW_API_KEY");
		if (apiKey == null || apiKey.isBlank()) {
			logger.info("CORECLAW_API_KEY is not set: running against an embedded CoreClaw simulator "
					+ "(set CORECLAW_API_KEY and CORECLAW_TASK_ID to use the real API)");
			application.addPrimarySources(List.of(CoreClawSimulatorConfiguration.class));
			application.setAdditionalProfiles(SIMULATOR_PROFILE);
		}
		return application.run(args);
	}

	private static boolean serving(String[] args) {
		return Arrays.asList(args).contains(SERVE_FLAG);
	}

}
