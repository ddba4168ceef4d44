/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;

/**
 * The local PostgreSQL and Redis that {@code .ci/servers.sh} starts for the tests that need
 * them, and JUnit assumptions that skip such a test, with a one-line reason, when the server
 * does not answer.
 * <p>
 * A server counts as there when it answers its own protocol on loopback (PostgreSQL a
 * {@code SSLRequest}, Redis a {@code PING}) within a second; the answer is remembered for the
 * rest of the JVM.
 * <p>
 * Call the assumptions from {@code @BeforeEach} or the test itself: Surefire reports a class
 * whose {@code @BeforeAll} is skipped as no test at all, without the reason. A class that starts
 * something for all its tests in {@code @BeforeAll} can ask {@link #isRedisAnswering()} there
 * and start nothing when it is false.
 */
public final class LocalServers {

	/** Host of both servers. */
	public static final String HOST = "127.0.0.1";

	/** Port of PostgreSQL. */
	public static final int POSTGRESQL_PORT = 5432;

	/** Database the tests use. */
	public static final String POSTGRESQL_DATABASE = "coreclaw_test";

	/** JDBC URL of the database the tests use. */
	public static final String POSTGRESQL_URL = "jdbc:postgresql://" + HOST + ":" + POSTGRESQL_PORT + "/"
			+ POSTGRESQL_DATABASE;

	/** Role the tests log in as. */
	public static final String POSTGRESQL_USERNAME = "coreclaw";

	/** Password of that role. */
	public static final String POSTGRESQL_PASSWORD = "coreclaw";

	/** Port of Redis. */
	public static final int REDIS_PORT = 6379;

	private static final int TIMEOUT_MILLIS = 1000;

	/** PostgreSQL's SSLRequest: length 8, then the request code 80877103. */
	private static final int SSL_REQUEST_CODE = 80877103;

	private static volatile Boolean postgreSqlAnswers;

	private static volatile Boolean redisAnswers;

	private LocalServers() {
	}

	/**
	 * Skip the calling test unless PostgreSQL answers at {@value #HOST}:{@value #POSTGRESQL_PORT}.
	 */
	public static void assumePostgreSql() {
		Assumptions.assumeTrue(isPostgreSqlAnswering(), () -> "PostgreSQL not reachable at " + HOST + ":"
				+ POSTGRESQL_PORT + " (start it with .ci/servers.sh)");
	}

	/**
	 * Skip the calling test unless Redis answers at {@value #HOST}:{@value #REDIS_PORT}.
	 */
	public static void assumeRedis() {
		Assumptions.assumeTrue(isRedisAnswering(),
				() -> "Redis not reachable at " + HOST + ":" + REDIS_PORT + " (start it with .ci/servers.sh)");
	}

	/**
	 * Whether PostgreSQL answers at {@value #HOST}:{@value #POSTGRESQL_PORT}.
	 * @return whether it answered an {@code SSLRequest} with {@code S} or {@code N}
	 */
	public static boolean isPostgreSqlAnswering() {
		Boolean answers = postgreSqlAnswers;
		if (answers == null) {
			answers = exchange(POSTGRESQL_PORT, sslRequest(), 1,
					(reply) -> reply[0] == 'S' || reply[0] == 'N');
			postgreSqlAnswers = answers;
		}
		return answers;
	}

	/**
	 * Whether Redis answers at {@value #HOST}:{@value #REDIS_PORT}.
	 * @return whether it answered {@code PING} with {@code +PONG}
	 */
	public static boolean isRedisAnswering() {
		Boolean answers = redisAnswers;
		if (answers == null) {
			byte[] pong = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
			answers = exchange(REDIS_PORT, "PING\r\n".getBytes(StandardCharsets.US_ASCII), pong.length,
					(reply) -> Arrays.equals(reply, pong));
			redisAnswers = answers;
		}
		return answers;
	}

	private static byte[] sslRequest() {
		return ByteBuffer.allocate(8).putInt(8).putInt(SSL_REQUEST_CODE).array();
	}

	/**
	 * Send the request to the port on loopback and read the reply's first bytes, all within the
	 * timeout.
	 */
	private static boolean exchange(int port, byte[] request, int replyLength, Predicate<byte[]> check) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(replyLength);
			return reply.length == replyLength && check.test(reply);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
