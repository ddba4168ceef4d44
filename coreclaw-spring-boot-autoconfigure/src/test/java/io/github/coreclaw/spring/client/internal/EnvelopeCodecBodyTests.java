/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies: the encoding of a body that depends only on its value is kept and reused, one
 * holding a mutable JSON tree is encoded every time.
 */
class EnvelopeCodecBodyTests {

	private final EnvelopeCodec codec = new EnvelopeCodec();

	@Test
	void aRunRequestWithoutInputIsEncodedOnceForEqualValues() {
		byte[] first = this.codec.write(new RunRequest("https://app.example.com/cb", true, 100, null, null, null));
		byte[] second = this.codec.write(new RunRequest("https://app.example.com/cb", true, 100, null, null, null));
		assertThat(second).isSameAs(first);
		assertThat(new String(first, StandardCharsets.UTF_8))
			.isEqualTo("{\"callback_url\":\"https://app.example.com/cb\",\"is_async\":true,\"limit\":100}");
		byte[] other = this.codec.write(new RunRequest(null, false, 10, 2, null, null));
		assertThat(new String(other, StandardCharsets.UTF_8)).isEqualTo("{\"is_async\":false,\"limit\":10,\"offset\":2}");
	}

	@Test
	void aRunRequestWithInputIsEncodedEveryTimeSoThatAChangedInputIsSent() {
		ObjectNode input = JsonNodeFactory.instance.objectNode().put("query", "coffee");
		RunRequest request = new RunRequest(null, true, null, null, "1.2", input);
		byte[] first = this.codec.write(request);
		input.put("query", "tea");
		byte[] second = this.codec.write(request);
		assertThat(second).isNotSameAs(first);
		assertThat(new String(first, StandardCharsets.UTF_8))
			.isEqualTo("{\"is_async\":true,\"version\":\"1.2\",\"input\":{\"query\":\"coffee\"}}");
		assertThat(new String(second, StandardCharsets.UTF_8))
			.isEqualTo("{\"is_async\":true,\"version\":\"1.2\",\"input\":{\"query\":\"tea\"}}");
	}

}
