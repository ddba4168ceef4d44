/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Result rows, read in one pass: plain maps in the order of the reply, {@code null} rows kept,
 * and anything but an object in place of a row refused as a typed reader would refuse it.
 */
class EnvelopeCodecRowsTests {

	private final EnvelopeCodec codec = EnvelopeCodec.shared();

	@Test
	void rowsArePlainMapsInTheOrderOfTheReply() {
		Envelope<ResultsData> envelope = this.codec.read(
				bytes("{\"code\":0,\"data\":{\"count\":3,\"list\":[{\"b\":1,\"a\":[1,{\"x\":null}],\"c\":2.5},null,{}],"
						+ "\"page_index\":1}}"),
				this.codec.envelopeType(ResultsData.class));
		List<Map<String, Object>> rows = envelope.data().list();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).isInstanceOf(LinkedHashMap.class)
			.containsExactly(Map.entry("b", 1), Map.entry("a", List.of(1, Collections.singletonMap("x", null))),
					Map.entry("c", 2.5));
		assertThat(rows.get(1)).isNull();
		assertThat(rows.get(2)).isEmpty();
		assertThat(this.codec.mapper().readValue("{\"list\":null}", ResultsData.class).list()).isNull();
		assertThat(this.codec.mapper().readValue("{\"list\":[]}", ResultsData.class).list()).isEmpty();
	}

	@Test
	void anythingButAnObjectInPlaceOfARowIsRefused() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.codec.mapper().readValue("{\"list\":[{\"a\":1},\"oops\"]}", ResultsData.class))
			.withMessageContaining("Cannot deserialize a result row from String: a row must be a JSON object");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.codec.mapper().readValue("{\"list\":[[1]]}", ResultsData.class))
			.withMessageContaining("a row must be a JSON object");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.codec.mapper().readValue("{\"list\":\"oops\"}", ResultsData.class));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.codec.mapper().readValue("{\"list\":{\"a\":1}}", ResultsData.class));
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
