/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constant-memory property of goal 3 of {@code coreclaw-benchmarks} at a smaller scale:
 * streaming the results of a run holds no more memory after 100,000 rows than after 10,000.
 */
class ResultsAtScaleTests {

	private static final long ROWS = 100_000;

	@Test
	void streamingAHundredThousandRowsHoldsNoMoreMemoryThanTenThousand() {
		String rows = rows();
		AtomicInteger pages = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			String offset = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("offset");
			pages.incrementAndGet();
			return new InMemoryConnector.Reply(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\","
					+ "\"data\":{\"count\":" + ROWS + ",\"list\":" + rows + ",\"page_index\":" + offset
					+ ",\"page_size\":100}}");
		});
		long[] heap = new long[2];
		AtomicLong read = new AtomicLong();
		try (CoreClawClient client = CoreClawClient
			.builder(CoreClawClientSettings.of("k-results").withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.build()) {
			client.workerRuns().results(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ")).doOnNext((row) -> {
				long count = read.incrementAndGet();
				if (count == ROWS / 10) {
					heap[0] = Heap.usedAfterGc();
				}
				else if (count == ROWS) {
					heap[1] = Heap.usedAfterGc();
				}
			}).blockLast(Duration.ofMinutes(1));
		}
		assertThat(read).hasValue(ROWS);
		assertThat(pages).hasValue((int) (ROWS / 100));
		assertThat(heap[1] - heap[0]).as("heap growth from %d to %d rows", ROWS / 10, ROWS)
			.isLessThan(1024 * 1024);
	}

	/** A page of 100 rows of three columns. */
	private static String rows() {
		StringBuilder rows = new StringBuilder("[");
		for (int row = 0; row < 100; row++) {
			rows.append((row > 0) ? "," : "")
				.append("{\"title\":\"Row ")
				.append(row)
				.append("\",\"price\":")
				.append(row * 3)
				.append(",\"url\":\"https://example.com/items/")
				.append(row)
				.append("\"}");
		}
		return rows.append(']').toString();
	}

}
