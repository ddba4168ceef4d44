/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link CoreClawValues}, the client's rules as the code outside its package uses them.
 */
class CoreClawValuesTests {

	@Test
	void durationsAreFormattedInTheLargestWholeUnit() {
		assertThat(CoreClawValues.formatDuration(Duration.ofMillis(500))).isEqualTo("500ms");
		assertThat(CoreClawValues.formatDuration(Duration.ofSeconds(30))).isEqualTo("30s");
		assertThat(CoreClawValues.formatDuration(Duration.ofMinutes(6))).isEqualTo("6m");
		assertThat(CoreClawValues.formatDuration(Duration.ofDays(1))).isEqualTo("1d");
	}

	@Test
	void absoluteHttpProblemNamesTheProblemWithoutTheUrl() {
		assertThat(CoreClawValues.absoluteHttpProblem(URI.create("https://app.example.com/base"))).isNull();
		assertThat(CoreClawValues.absoluteHttpProblem(URI.create("/callbacks?token=s3cr3t"))).isEqualTo("it is relative");
		assertThat(CoreClawValues.absoluteHttpProblem(URI.create("ftp://app.example.com")))
			.isEqualTo("its scheme is \"ftp\"");
		assertThat(CoreClawValues.absoluteHttpProblem(URI.create("https:///path"))).isEqualTo("it has no host");
	}

	@Test
	void slugsAreRecognised() {
		assertThat(CoreClawValues.isSlug("owner~name_1.2-x")).isTrue();
		assertThat(CoreClawValues.isSlug("")).isFalse();
		assertThat(CoreClawValues.isSlug("..")).isFalse();
		assertThat(CoreClawValues.isSlug("a/b")).isFalse();
		assertThat(CoreClawValues.isSlug("a b")).isFalse();
	}

}
