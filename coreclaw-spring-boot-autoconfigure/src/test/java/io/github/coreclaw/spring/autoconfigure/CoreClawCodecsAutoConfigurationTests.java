/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawResponseTooLargeException;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunSlug;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The codecs' in-memory limit of the client's WebClient: the starter's default reads replies
 * larger than Boot's 256 KB, {@code spring.http.codecs.max-in-memory-size} is honoured when the
 * application sets it, and a {@link CoreClawWebClientCustomizer} that sets the codecs wins.
 */
class CoreClawCodecsAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoreClawAutoConfiguration.class, WebClientAutoConfiguration.class,
				CodecsAutoConfiguration.class))
		.withPropertyValues("coreclaw.api-key=k-codecs", "coreclaw.base-url=" + wireMock.baseUrl(),
				"coreclaw.retry.enabled=false");

	@Test
	void theStartersDefaultReadsARunOfHalfAMegabyte() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, runDetail(512 * 1024))));
		this.contextRunner.run((context) -> assertThat(read(context.getBean(CoreClawClient.class))).isEqualTo("r1"));
	}

	@Test
	void theApplicationsCodecsLimitIsHonoured() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, runDetail(4096))));
		this.contextRunner.withPropertyValues("spring.http.codecs.max-in-memory-size=1KB")
			.run((context) -> assertThatExceptionOfType(CoreClawResponseTooLargeException.class)
				.isThrownBy(() -> read(context.getBean(CoreClawClient.class)))
				.withMessageContaining("(Exceeded limit on max bytes to buffer : 1024). Raise "
						+ "spring.http.codecs.max-in-memory-size"));
	}

	@Test
	void aCoreClawWebClientCustomizerThatSetsTheCodecsWins() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, runDetail(4096))));
		this.contextRunner.withPropertyValues("spring.http.codecs.max-in-memory-size=10MB")
			.withBean(CoreClawWebClientCustomizer.class,
					() -> (builder) -> builder.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(2048)))
			.run((context) -> assertThatExceptionOfType(CoreClawResponseTooLargeException.class)
				.isThrownBy(() -> read(context.getBean(CoreClawClient.class)))
				.withMessageContaining("(Exceeded limit on max bytes to buffer : 2048)"));
	}

	private static String read(CoreClawClient client) {
		return client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(10)).runSlug().value();
	}

	private static String runDetail(int padding) {
		return "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\",\"data\":{\"slug\":\"r1\","
				+ "\"status\":\"running\",\"padding\":\"" + "x".repeat(padding) + "\"}}";
	}

}
