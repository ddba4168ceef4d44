/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import io.github.coreclaw.spring.client.CallbackTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose configuration holds the README's callback block, with
 * {@code secret: ${CORECLAW_CALLBACK_SECRET}} and that variable unset, still starts under
 * {@link EnableCoreClawSimulator}: the simulator's context gets a callback secret of its own.
 */
@SpringBootTest(properties = { "spring.config.name=coreclaw-callback-block",
		"spring.main.web-application-type=reactive" })
@EnableCoreClawSimulator
class SimulatorWithCallbackReceiverTests {

	@Autowired
	private Environment environment;

	@Autowired
	@Qualifier("coreClawCallbackRouter")
	private RouterFunction<ServerResponse> callbackRouter;

	@Test
	void theReceiverStartsWithAGeneratedSecretWhoseTokensAuthenticateCallbacks() {
		String secret = this.environment.getProperty("coreclaw.callback.secret");
		assertThat(secret).startsWith("simulator-").hasSizeGreaterThanOrEqualTo(16).doesNotContain("${");
		WebTestClient client = WebTestClient.bindToRouterFunction(this.callbackRouter).build();
		String callback = "{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"run_status\":\"succeeded\"}";
		client.post()
			.uri("/coreclaw/callback/" + new CallbackTokens(secret, CallbackTokens.DEFAULT_VALIDITY).mint())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(callback)
			.exchange()
			.expectStatus()
			.isNoContent();
		client.post()
			.uri("/coreclaw/callback/" + secret)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(callback)
			.exchange()
			.expectStatus()
			.isNotFound();
		client.post()
			.uri("/coreclaw/callback/{secret}", "${CORECLAW_CALLBACK_SECRET}")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(callback)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
