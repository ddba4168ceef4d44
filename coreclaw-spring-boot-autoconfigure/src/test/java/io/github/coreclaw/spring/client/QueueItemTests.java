/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link QueueItem}.
 */
class QueueItemTests {

	@Test
	void toStringNamesTheAttributesButPrintsNoneOfTheirValues() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("callback_url", "https://app.example.com/coreclaw/callback/s3cr3t-path-0123456789");
		attributes.put("input", Map.of("parameters", Map.of("custom", Map.of("keywords", "private"))));
		QueueItem item = QueueItem.builder("123456", QueueStatus.WAITING).attributes(attributes).build();
		assertThat(item.toString())
			.isEqualTo("QueueItem[queueRef=123456, status=WAITING, attributes=[callback_url, input]]");
		assertThat(item.attributes()).isEqualTo(attributes);
	}

}
