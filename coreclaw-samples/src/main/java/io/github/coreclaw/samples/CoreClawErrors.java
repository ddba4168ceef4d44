/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.Map;

import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the sample's endpoints' failures, in Spring MVC and WebFlux alike: an argument the
 * client refused before sending anything is a 400, a task or run CoreClaw does not know a 404,
 * any other CoreClaw failure a 502; each with {@code {"error": "<message>"}}.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class CoreClawErrors {

	/**
	 * Answer a refused argument.
	 * @param ex the exception
	 * @return a 400 naming the argument
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	/**
	 * Answer a CoreClaw failure.
	 * @param ex the exception
	 * @return a 404 for what CoreClaw does not know, a 502 otherwise
	 */
	@ExceptionHandler(CoreClawException.class)
	public ResponseEntity<Map<String, String>> coreClawFailed(CoreClawException ex) {
		HttpStatus status = (ex instanceof CoreClawApiException api && api.getHttpStatus() == 404)
				? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(status).body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}
