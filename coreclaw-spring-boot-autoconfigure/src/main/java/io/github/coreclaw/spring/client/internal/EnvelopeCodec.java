/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.CollectionType;

/**
 * Reads and writes CoreClaw's wire format with a mapper of the client's own, so that the
 * application's Jackson settings (naming strategies, strictness) cannot change the protocol.
 * Replies are decoded straight from bytes into the typed envelope.
 * <p>
 * Four things keep a call cheap: a reader per envelope type, prepared once; records (the
 * envelope and the DTOs of {@code data}) constructed through a method handle of fixed arity
 * instead of Jackson's {@code invokeWithArguments}, which spreads its arguments anew on every
 * call; result rows ({@code List<Map<String, Object>>}) read in one pass of Jackson's untyped
 * reader instead of a typed map reader per row calling the untyped reader per value; and request
 * bodies made only of text, numbers, booleans and enums encoded once per distinct value (a run
 * request with the default options is the same bytes every time; one with a Worker input, a
 * mutable JSON tree, is encoded every time).
 */
public final class EnvelopeCodec {

	private static final EnvelopeCodec SHARED = new EnvelopeCodec();

	/** Distinct request bodies whose encoding is kept at most. */
	private static final int MAX_REUSED_BODIES = 256;

	private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Integer.class, Long.class,
			Short.class, Byte.class, Double.class, Float.class, Character.class, boolean.class, int.class, long.class,
			short.class, byte.class, double.class, float.class, char.class);

	/**
	 * When the encoding of a body of a class depends only on its value, so that it can be kept:
	 * records whose components are text, numbers, booleans and enums, or other values that are
	 * {@code null} (a run request without a Worker input).
	 */
	private static final ClassValue<@Nullable ReuseRule> REUSABLE = new ClassValue<>() {

		@Override
		protected @Nullable ReuseRule computeValue(Class<?> type) {
			if (!type.isRecord()) {
				return null;
			}
			List<MethodHandle> mustBeNull = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				Class<?> componentType = component.getType();
				if (!SCALARS.contains(componentType) && !componentType.isEnum()) {
					Method accessor = component.getAccessor();
					if (componentType.isPrimitive() || !accessor.trySetAccessible()) {
						return null;
					}
					try {
						mustBeNull.add(MethodHandles.lookup()
							.unreflect(accessor)
							.asType(MethodType.methodType(Object.class, Object.class)));
					}
					catch (IllegalAccessException ex) {
						return null;
					}
				}
			}
			return new ReuseRule(mustBeNull.toArray(new MethodHandle[0]));
		}

	};

	private final ObjectMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addModule(new WireFormatModule())
		.build();

	private final ConcurrentHashMap<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Object, byte[]> encodedBodies = new ConcurrentHashMap<>();

	private final ObjectReader lenientReader = this.mapper.readerFor(envelopeType(Object.class));

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
	 * Write a request body. A body that is a record of text, numbers, booleans and enums is
	 * encoded once per distinct value; the bytes returned must not be changed.
	 * @param body the body
	 * @return the JSON bytes
	 */
	public byte[] write(Object body) {
		ReuseRule rule = REUSABLE.get(body.getClass());
		if (rule == null || !rule.allows(body)) {
			return this.mapper.writeValueAsBytes(body);
		}
		byte[] encoded = this.encodedBodies.get(body);
		if (encoded == null) {
			encoded = this.mapper.writeValueAsBytes(body);
			if (this.encodedBodies.size() < MAX_REUSED_BODIES) {
				this.encodedBodies.putIfAbsent(body, encoded);
			}
		}
		return encoded;
	}

	/**
	 * Read a reply into the typed envelope.
	 * @param <D> the type of {@code data}
	 * @param bytes the reply body
	 * @param envelopeType the envelope type, from {@link #envelopeType(Class)}
	 * @return the envelope, {@code null} for a body that is JSON's {@code null}
	 * @throws JacksonException if the body is not such an envelope
	 */
	public <D> @Nullable Envelope<D> read(byte[] bytes, JavaType envelopeType) {
		ObjectReader reader = this.readers.get(envelopeType);
		if (reader == null) {
			reader = this.readers.computeIfAbsent(envelopeType, this.mapper::readerFor);
		}
		return reader.readValue(bytes);
	}

	/**
	 * Read a reply whose {@code data} did not have the expected shape, to find its code.
	 * @param bytes the reply body
	 * @return the envelope with untyped {@code data}, or {@code null} if the body is no envelope
	 */
	public @Nullable Envelope<?> readLeniently(byte[] bytes) {
		try {
			return this.lenientReader.readValue(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Makes Jackson construct records (and other classes with a constructor taking every
	 * property) through a method handle of fixed arity, and read lists of rows in one pass.
	 */
	private static final class WireFormatModule extends JacksonModule {

		@Override
		public String getModuleName() {
			return "coreclaw-wire-format";
		}

		@Override
		public Version version() {
			return Version.unknownVersion();
		}

		@Override
		public void setupModule(SetupContext context) {
			context.addValueInstantiators(new ValueInstantiators.Base() {

				@Override
				public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
						BeanDescription.Supplier description, ValueInstantiator instantiator) {
					MethodHandle creator = (instantiator.canCreateFromObjectWith()
							&& instantiator.getWithArgsCreator() instanceof AnnotatedConstructor constructor)
									? spreader(constructor.getAnnotated()) : null;
					return (creator != null) ? new DirectCreator(instantiator, creator) : instantiator;
				}

			});
			context.addDeserializers(new Deserializers.Base() {

				@Override
				public @Nullable ValueDeserializer<?> findCollectionDeserializer(CollectionType type,
						DeserializationConfig config, BeanDescription.Supplier description,
						@Nullable TypeDeserializer elementTypeDeserializer,
						@Nullable ValueDeserializer<?> elementDeserializer) {
					return (elementTypeDeserializer == null && elementDeserializer == null && isListOfRows(type))
							? new RowsDeserializer(type) : null;
				}

				@Override
				public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
					return false;
				}

			});
		}

		/** Whether the type is {@code List<Map<String, Object>>} (or a supertype of an ArrayList of those). */
		private static boolean isListOfRows(CollectionType type) {
			JavaType row = type.getContentType();
			return type.getRawClass().isAssignableFrom(ArrayList.class) && row.getRawClass() == Map.class
					&& row.getKeyType().getRawClass() == String.class
					&& row.getContentType().getRawClass() == Object.class;
		}

		/** The constructor as {@code (Object[]) -> Object}, {@code null} if it cannot be had. */
		private static @Nullable MethodHandle spreader(Constructor<?> constructor) {
			try {
				return MethodHandles.lookup()
					.unreflectConstructor(constructor)
					.asSpreader(Object[].class, constructor.getParameterCount())
					.asType(MethodType.methodType(Object.class, Object[].class));
			}
			catch (IllegalAccessException | RuntimeException ex) {
				return null;
			}
		}

	}

	/**
	 * Creates instances from their properties through a prepared method handle; anything else,
	 * and any failure of the constructor (reported the way Jackson reports it), goes to
	 * Jackson's own instantiator.
	 */
	private static final class DirectCreator extends ValueInstantiator.Delegating {

		private static final long serialVersionUID = 1L;

		private final transient MethodHandle creator;

		DirectCreator(ValueInstantiator delegate, MethodHandle creator) {
			super(delegate);
			this.creator = creator;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : new DirectCreator(contextual, this.creator);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.creator.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

	/**
	 * Reads a JSON array of objects (result rows) with Jackson's untyped reader in one pass, as
	 * plain {@code Map}s in an {@code ArrayList}, and refuses an element that is not an object (or
	 * {@code null}) the way a typed reader would, with a {@link JacksonException}.
	 */
	private static final class RowsDeserializer extends StdDeserializer<Object> {

		private volatile @Nullable ValueDeserializer<Object> untyped;

		RowsDeserializer(JavaType type) {
			super(type);
		}

		@Override
		public void resolve(DeserializationContext context) {
			this.untyped = context.findRootValueDeserializer(context.constructType(Object.class));
		}

		@Override
		public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.isExpectedStartArrayToken()) {
				return context.handleUnexpectedToken(getValueType(context), parser);
			}
			ValueDeserializer<Object> reader = this.untyped;
			if (reader == null) {
				reader = context.findRootValueDeserializer(context.constructType(Object.class));
				this.untyped = reader;
			}
			Object rows = reader.deserialize(parser, context);
			if (rows instanceof List<?> list) {
				for (Object row : list) {
					if (row != null && !(row instanceof Map)) {
						return context.reportInputMismatch(this, "Cannot deserialize a result row from %s: a row "
								+ "must be a JSON object", row.getClass().getSimpleName());
					}
				}
			}
			return rows;
		}

	}

	/**
	 * The components of a record whose values must be {@code null} for its encoding to be kept.
	 */
	private static final class ReuseRule {

		private final MethodHandle[] mustBeNull;

		ReuseRule(MethodHandle[] mustBeNull) {
			this.mustBeNull = mustBeNull;
		}

		boolean allows(Object body) {
			for (MethodHandle accessor : this.mustBeNull) {
				try {
					if ((Object) accessor.invokeExact(body) != null) {
						return false;
					}
				}
				catch (Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					// A record accessor throws nothing checked; whatever it throws, encode afresh.
					return false;
				}
			}
			return true;
		}

	}

}
