/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link RunOptions}.
 */
class RunOptionsTests {

	@Test
	void defaultsSetNothing() {
		RunOptions defaults = RunOptions.defaults();
		assertThat(defaults.callbackUrl()).isNull();
		assertThat(defaults.limit()).isNull();
		assertThat(defaults.offset()).isNull();
		assertThat(defaults.version()).isNull();
		assertThat(RunOptions.builder().build()).isEqualTo(defaults);
	}

	@Test
	void builderKeepsEveryValueAndToBuilderCopiesThem() {
		RunOptions options = RunOptions.builder()
			.callbackUrl(URI.create("https://app.example.com/cb"))
			.limit(100)
			.offset(3)
			.build();
		assertThat(options.callbackUrl()).isEqualTo(URI.create("https://app.example.com/cb"));
		assertThat(options.limit()).isEqualTo(100);
		assertThat(options.offset()).isEqualTo(3);
		assertThat(options.toBuilder().limit(1).build()).isEqualTo(RunOptions.builder()
			.callbackUrl(URI.create("https://app.example.com/cb"))
			.limit(1)
			.offset(3)
			.build());
	}

	@Test
	void versionIsKeptComparedAndCopied() {
		RunOptions options = RunOptions.builder().version("v1.2.8").limit(5).build();
		assertThat(options.version()).isEqualTo("v1.2.8");
		assertThat(options).isEqualTo(RunOptions.builder().limit(5).version("v1.2.8").build())
			.hasSameHashCodeAs(RunOptions.builder().limit(5).version("v1.2.8").build())
			.isNotEqualTo(RunOptions.builder().limit(5).version("latest").build())
			.hasToString("RunOptions[callbackUrl=null, limit=5, offset=null, callbackToReceiver=false, version=v1.2.8]");
		assertThat(options.toBuilder().build()).isEqualTo(options);
		assertThat(options.toBuilder().version(null).build().version()).isNull();
	}

	@Test
	void versionMustBeOneWord() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.builder().version(""))
			.withMessage("version must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.builder().version("v1 .2"))
			.withMessage("version must be a single word but \"v1 .2\" has whitespace at index 2");
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.builder().version("v1\n"))
			.withMessage("version must be a single word but \"v1\\u000a\" has whitespace at index 2");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101, Integer.MAX_VALUE })
	void limitOutsideOneToHundredIsRefused(int limit) {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.builder().limit(limit))
			.withMessage("limit must be between 1 and 100 but was " + limit);
	}

	@Test
	void negativeOffsetIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.builder().offset(-1))
			.withMessage("offset must be 0 or more but was -1");
	}

	@Test
	void toStringShowsNoPathOrQueryOfTheCallbackUrl() {
		RunOptions options = RunOptions.builder()
			.callbackUrl(URI.create("https://app.example.com/coreclaw/callback/s3cretSegment?token=t0ken"))
			.limit(5)
			.build();
		assertThat(options).hasToString(
				"RunOptions[callbackUrl=https://app.example.com/..., limit=5, offset=null, callbackToReceiver=false, version=null]");
		assertThat(RunOptions.builder().callbackUrl(URI.create("http://127.0.0.1:8080")).build().toString())
			.startsWith("RunOptions[callbackUrl=http://127.0.0.1:8080, ");
		assertThat(RunOptions.defaults().toString()).startsWith("RunOptions[callbackUrl=null, ");
	}

	@ParameterizedTest
	@CsvSource({ "/relative/cb?key=s3cret, it is relative", "ftp://files.example.com/cb?key=s3cret, its scheme is \"ftp\"",
			"mailto:ops@example.com?key=s3cret, its scheme is \"mailto\"", "https:///nohost?key=s3cret, it has no host" })
	void callbackUrlMustBeAbsoluteHttpAndIsNotEchoed(String url, String problem) {
		assertThatIllegalArgumentException().isThrownBy(() -> RunOptions.builder().callbackUrl(URI.create(url)))
			.withMessage("callbackUrl must be an absolute http or https URL with a host but " + problem)
			.withMessageNotContaining("s3cret");
	}

}
