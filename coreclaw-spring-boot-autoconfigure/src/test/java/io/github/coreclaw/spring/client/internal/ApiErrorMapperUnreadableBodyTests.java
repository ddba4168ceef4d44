/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.nio.charset.StandardCharsets;

import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ApiErrorMapper#fromUnreadableBody}: a reply that is not a CoreClaw envelope.
 */
class ApiErrorMapperUnreadableBodyTests {

	@Test
	void notFoundWithoutEnvelopeBlamesWhereTheRequestWentNotTheIdentifier() {
		byte[] body = "\r\n\r\nRequest was not matched\r\n=======================\r\n".getBytes(StandardCharsets.UTF_8);
		CoreClawApiException ex = ApiErrorMapper.fromUnreadableBody("POST /api/v2/worker-runs/01R/rerun", 404, body,
				null);
		assertThat(ex).isExactlyInstanceOf(CoreClawNotFoundException.class);
		assertThat(ex.getHttpStatus()).isEqualTo(404);
		assertThat(ex.getCode()).isEqualTo(CoreClawApiException.NO_CODE);
		assertThat(ex.getApiMessage()).isNull();
		assertThat(ex.getRequestId()).isNull();
		assertThat(ex.getMessage()).isEqualTo("POST /api/v2/worker-runs/01R/rerun was answered with HTTP 404 and a body "
				+ "that is not a CoreClaw JSON envelope: \"Request was not matched  =======================\". "
				+ "The reply is not CoreClaw's, which answers an unknown identifier with a JSON error: check "
				+ "coreclaw.base-url and any proxy in between or, against a simulator or stub server, that it stubs "
				+ "this request.")
			.doesNotContain("Check the identifier");
	}

	@Test
	void notFoundWithEmptyBodySaysSo() {
		CoreClawApiException ex = ApiErrorMapper.fromUnreadableBody("GET /api/v2/worker-runs/01R", 404, new byte[0],
				null);
		assertThat(ex).isExactlyInstanceOf(CoreClawNotFoundException.class);
		assertThat(ex.getMessage()).startsWith("GET /api/v2/worker-runs/01R was answered with HTTP 404 and a body that "
				+ "is not a CoreClaw JSON envelope: (empty body). The reply is not CoreClaw's");
	}

	@Test
	void otherStatusesKeepTheirWording() {
		CoreClawApiException ex = ApiErrorMapper.fromUnreadableBody("GET /api/v2/worker-runs/01R", 502,
				"<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8), null);
		assertThat(ex).isExactlyInstanceOf(CoreClawApiException.class);
		assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected GET /api/v2/worker-runs/01R: HTTP 502 and a body that "
				+ "is not a CoreClaw JSON envelope: \"<html>Bad Gateway</html>\"");
	}

}
