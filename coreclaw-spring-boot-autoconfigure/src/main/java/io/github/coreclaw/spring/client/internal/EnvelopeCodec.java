/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes CoreClaw's wire format with a mapper of the client's own, so that the
 * application's Jackson settings (naming strategies, strictness) cannot change the protocol.
 * Replies are decoded straight from bytes into the typed envelope.
 */
public final class EnvelopeCodec {

	private static final EnvelopeCodec SHARED = new EnvelopeCodec();

	private final ObjectMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final JavaType lenientType = envelopeType(Object.class);

	/**
	 * The codec every client shares: the wire format does not depend on the application, and
	 * envelope types computed once can serve every client.
	 * @return the shared codec
	 */
	public static EnvelopeCodec shared() {
		return SHARED;
	}

	/**
	 * The mapper of the wire format.
	 * @return the mapper
	 */
	public ObjectMapper mapper() {
		return this.mapper;
	}

	/**
	 * The type of an envelope whose {@code data} has the given type; compute it once per
	 * operation, not per call.
	 * @param dataType the type of {@code data}
	 * @return the envelope type
	 */
	public JavaType envelopeType(Class<?> dataType) {
		return this.mapper.getTypeFactory()
			.constructParametricType(Envelope.class, this.mapper.getTypeFactory().constructType(dataType));
	}

	/**
	 * Write a request body.
	 * @param body the body
	 * @return the JSON bytes
	 */
	public byte[] write(Object body) {
		return this.mapper.writeValueAsBytes(body);
	}

	/**
	 * Read a reply into the typed envelope.
	 * @param <D> the type of {@code data}
	 * @param bytes the reply body
	 * @param envelopeType the envelope type, from {@link #envelopeType(Class)}
	 * @return the envelope, {@code null} for an empty body
	 * @throws JacksonException if the body is not such an envelope
	 */
	public <D> @Nullable Envelope<D> read(byte[] bytes, JavaType envelopeType) {
		return this.mapper.readValue(bytes, envelopeType);
	}

	/**
	 * Read a reply whose {@code data} did not have the expected shape, to find its code.
	 * @param bytes the reply body
	 * @return the envelope with untyped {@code data}, or {@code null} if the body is no envelope
	 */
	public @Nullable Envelope<?> readLeniently(byte[] bytes) {
		try {
			return this.mapper.readValue(bytes, this.lenientType);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
