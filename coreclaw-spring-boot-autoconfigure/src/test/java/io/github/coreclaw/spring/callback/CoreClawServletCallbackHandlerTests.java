/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.nio.charset.StandardCharsets;

import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * {@link CoreClawServletCallbackHandler}: the receiver in Spring MVC applications, behind a
 * router as the auto-configuration sets it up.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawServletCallbackHandlerTests extends CallbackReceiverContractTests {

	@Override
	protected Answer post(CoreClawCallbackReceiver receiver, String path, String body, boolean announceLength) {
		MockMvc mvc = MockMvcBuilders
			.routerFunctions(RouterFunctions.route(RequestPredicates.POST("/coreclaw/callback/{secret}"),
					new CoreClawServletCallbackHandler(receiver)))
			.build();
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (!announceLength) {
			request.with(unknownLength(body));
		}
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			return new Answer(response.getStatus(), response.getContentType(),
					response.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request whose body arrives without a Content-Length, as a chunked one does.
	 */
	private static RequestPostProcessor unknownLength(String body) {
		return (request) -> {
			MockHttpServletRequest chunked = new MockHttpServletRequest(request.getServletContext(), "POST",
					request.getRequestURI()) {

				@Override
				public int getContentLength() {
					return -1;
				}

				@Override
				public long getContentLengthLong() {
					return -1;
				}

			};
			chunked.setContentType(MediaType.APPLICATION_JSON_VALUE);
			chunked.setContent(body.getBytes(StandardCharsets.UTF_8));
			return chunked;
		};
	}

}
