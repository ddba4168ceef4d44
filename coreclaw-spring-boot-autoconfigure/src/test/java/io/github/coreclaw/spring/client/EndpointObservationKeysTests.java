/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.coreclaw.spring.client.CoreClawObservationDocumentation.HighCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the client describes, found in the code, has a name fit for a low-cardinality
 * key that {@code docs/observability.md} lists (before its Health section), and every identifier in
 * its path is recorded as a high-cardinality key or deliberately not.
 */
class EndpointObservationKeysTests {

	/** Path variables that are not worth a key of their own. */
	private static final Set<String> NOT_RECORDED = Set.of("queueId");

	/** Each recorded path variable, with the getter and the key that carry it, and nothing else. */
	private static final Map<String, Recorded> RECORDED = Map.of("workerTaskId",
			new Recorded(CoreClawObservationContext::getWorkerTaskId, HighCardinalityKeyNames.WORKER_TASK_ID),
			"workerId", new Recorded(CoreClawObservationContext::getWorkerId, HighCardinalityKeyNames.WORKER_ID),
			"runId", new Recorded(CoreClawObservationContext::getRunSlug, HighCardinalityKeyNames.RUN_SLUG));

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Test
	void everyOperationHasAStableNameAndEveryPathIdentifierIsAccountedFor() throws IllegalAccessException {
		List<Endpoint<?, ?>> endpoints = endpoints();
		assertThat(endpoints).as("endpoints found in the code").hasSizeGreaterThanOrEqualTo(10);
		Set<String> seen = new HashSet<>();
		DefaultCoreClawObservationConvention convention = new DefaultCoreClawObservationConvention();
		for (Endpoint<?, ?> endpoint : endpoints) {
			assertThat(endpoint.name()).as(endpoint.pathTemplate()).matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)+");
			Matcher matcher = VARIABLE.matcher(endpoint.pathTemplate());
			while (matcher.find()) {
				String variable = matcher.group(1);
				seen.add(variable);
				if (NOT_RECORDED.contains(variable)) {
					continue;
				}
				Recorded expected = RECORDED.get(variable);
				assertThat(expected)
					.as("path variable {%s} of %s is mapped to its getter and key in RECORDED (or listed in "
							+ "NOT_RECORDED)", variable, endpoint.name())
					.isNotNull();
				CoreClawObservationContext context = CoreClawObservationContext
					.of(new Call<>(endpoint, Map.of(variable, "id-1"), Map.of(), null));
				RECORDED.forEach((name, recorded) -> assertThat(recorded.getter().apply(context))
					.as("%s of a call to %s with {%s}", recorded.key().asString(), endpoint.name(), variable)
					.isEqualTo(name.equals(variable) ? "id-1" : null));
				assertThat(convention.getHighCardinalityKeyValues(context))
					.as("high-cardinality keys of a call to %s with {%s}", endpoint.name(), variable)
					.containsExactly(KeyValue.of(expected.key().asString(), "id-1"));
			}
		}
		assertThat(seen).as("path variables found in the code").containsAll(RECORDED.keySet());
	}

	@Test
	void theObservabilityPageListsEveryOperationName() throws IOException, IllegalAccessException {
		String page = Files.readString(Path.of("..", "docs", "observability.md"));
		int start = page.indexOf("# Observability\n");
		assertThat(start).as("docs/observability.md starts with its Observability heading").isZero();
		int end = page.indexOf("\n## ", start + 1);
		String section = page.substring(start, (end != -1) ? end : page.length());
		List<String> names = endpoints().stream().map(Endpoint::name).distinct().toList();
		SoftAssertions.assertSoftly((softly) -> names.forEach(
				(name) -> softly.assertThat(section).as("docs/observability.md").contains("`" + name + "`")));
	}

	private static List<Endpoint<?, ?>> endpoints() throws IllegalAccessException {
		List<Endpoint<?, ?>> endpoints = new ArrayList<>();
		for (Class<?> type : PackageClasses.of(CoreClawClient.class.getPackageName())) {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object value = field.get(null);
				if (value instanceof Endpoint<?, ?> endpoint) {
					endpoints.add(endpoint);
				}
				else if (value instanceof RunEndpoint<?, ?> runEndpoint) {
					endpoints.add(runEndpoint.byId());
					endpoints.add(runEndpoint.last());
					endpoints.add(runEndpoint.lastOfWorker());
				}
			}
		}
		return endpoints;
	}

	private record Recorded(Function<CoreClawObservationContext, @Nullable String> getter,
			HighCardinalityKeyNames key) {
	}

}
