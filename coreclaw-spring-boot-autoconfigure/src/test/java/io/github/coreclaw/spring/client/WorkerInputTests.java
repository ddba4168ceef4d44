/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link WorkerInput}.
 */
class WorkerInputTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void isWrittenInCoreClawsShape() {
		WorkerInput input = WorkerInput.builder()
			.custom("keywords", List.of("coffee"))
			.system("proxy_region", "US")
			.build();
		assertThat(this.mapper.writeValueAsString(input))
			.isEqualTo("{\"parameters\":{\"custom\":{\"keywords\":[\"coffee\"]},\"system\":{\"proxy_region\":\"US\"}}}");
	}

	@Test
	void customIsAlwaysWrittenAndSystemOnlyWhenSet() {
		assertThat(this.mapper.writeValueAsString(WorkerInput.builder().build()))
			.isEqualTo("{\"parameters\":{\"custom\":{}}}");
		assertThat(this.mapper.writeValueAsString(WorkerInput.builder().system("memory", 1024).build()))
			.isEqualTo("{\"parameters\":{\"custom\":{},\"system\":{\"memory\":1024}}}");
	}

	@Test
	void valuesAreWrittenByTheMapperInTheOrderTheyWereSet() {
		Map<String, Object> more = new LinkedHashMap<>();
		more.put("max_results", 10);
		more.put("since", LocalDate.of(2026, 8, 1));
		WorkerInput input = WorkerInput.builder()
			.custom("keywords", List.of("coffee", "tea"))
			.custom(more)
			.custom("keywords", List.of("espresso"))
			.build();
		assertThat(this.mapper.writeValueAsString(input)).isEqualTo(
				"{\"parameters\":{\"custom\":{\"keywords\":[\"espresso\"],\"max_results\":10,\"since\":\"2026-08-01\"}}}");
		assertThat(input.custom()).containsOnlyKeys("keywords", "max_results", "since");
		assertThat(input.system()).isEmpty();
	}

	@Test
	void isImmutableAndComparable() {
		WorkerInput.Builder builder = WorkerInput.builder().custom("a", 1);
		WorkerInput first = builder.build();
		builder.custom("b", 2);
		assertThat(first.custom()).containsOnlyKeys("a");
		assertThat(first).isEqualTo(WorkerInput.builder().custom("a", 1).build())
			.hasSameHashCodeAs(WorkerInput.builder().custom("a", 1).build())
			.isNotEqualTo(builder.build());
		assertThat(first.toMap()).isEqualTo(Map.of("parameters", Map.of("custom", Map.of("a", 1))));
	}

	@Test
	void toStringNamesTheParametersButNotTheirValues() {
		WorkerInput input = WorkerInput.builder().custom("cookie", "session=s3cr3t").system("proxy_region", "US").build();
		assertThat(input).hasToString("WorkerInput[custom=[cookie], system=[proxy_region]]");
	}

	@Test
	void blankNamesAndNullValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerInput.builder().custom(" ", 1))
			.withMessage("name of a custom parameter must not be blank but was \" \"");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerInput.builder().system(null, 1))
			.withMessage("name of a system parameter must not be blank but was null");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerInput.builder().custom("keywords", null))
			.withMessage("value of the custom parameter \"keywords\" must not be null; leave the parameter out for the "
					+ "Worker's default");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerInput.builder().custom((Map<String, ?>) null))
			.withMessage("parameters must not be null");
	}

}
