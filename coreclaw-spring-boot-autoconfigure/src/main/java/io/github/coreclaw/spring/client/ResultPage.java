/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * One page of a run's result rows.
 * <p>
 * Built by the client; tests build one with {@link #builder(int, int)}.
 * <p>
 * Jackson writes it as a JSON object of its values, one property per accessor but
 * {@link #isLast()}, which follows from them.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({ "page", "pageSize", "total", "headers", "rows" })
public final class ResultPage {

	/** Value of {@link #total()} when CoreClaw sent no {@code count}. */
	public static final long UNKNOWN_TOTAL = -1;

	private final int page;

	private final int pageSize;

	private final long total;

	private final List<ResultHeader> headers;

	private final List<Map<String, Object>> rows;

	private final ObjectMapper rowMapper;

	private ResultPage(Builder builder) {
		this.page = builder.page;
		this.pageSize = builder.pageSize;
		this.total = builder.total;
		this.headers = builder.headers;
		this.rows = builder.rows;
		this.rowMapper = builder.rowMapper;
	}

	/**
	 * Start building a ResultPage with what it always has.
	 * @param page the page number, from 1
	 * @param pageSize the page size that was asked for
	 * @return a new builder
	 */
	public static Builder builder(int page, int pageSize) {
		return new Builder(page, pageSize);
	}

	/**
	 * A builder holding this ResultPage's values, to derive another one.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.page, this.pageSize);
		builder.total = this.total;
		builder.headers = this.headers;
		builder.rows = this.rows;
		builder.rowMapper = this.rowMapper;
		return builder;
	}

	/**
	 * The page number, from 1.
	 * @return the page number, from 1
	 */
	@JsonProperty
	public int page() {
		return this.page;
	}

	/**
	 * The page size that was asked for.
	 * @return the page size that was asked for
	 */
	@JsonProperty
	public int pageSize() {
		return this.pageSize;
	}

	/**
	 * The total number of result rows of the run.
	 * @return the total, {@link #UNKNOWN_TOTAL} if CoreClaw sent none
	 */
	@JsonProperty
	public long total() {
		return this.total;
	}

	/**
	 * The columns of the rows.
	 * @return the headers, empty if CoreClaw sent none
	 */
	@JsonProperty
	public List<ResultHeader> headers() {
		return this.headers;
	}

	/**
	 * The rows of this page, each a map from column key to value.
	 * @return the rows
	 */
	@JsonProperty
	public List<Map<String, Object>> rows() {
		return this.rows;
	}

	/**
	 * The rows of this page, each converted to the given type with the application's Jackson
	 * mapper.
	 * @param <T> the row type
	 * @param rowType the row type, for example a record whose components match the column keys
	 * @return the converted rows
	 * @throws IllegalArgumentException if the row type is {@code null}
	 * @throws CoreClawException if a row cannot be converted
	 * @since 0.1.0
	 */
	public <T> List<T> rows(Class<T> rowType) {
		return rows(rowType, "result page " + this.page);
	}

	/**
	 * The rows of this page converted to the given type; a failure names the given source.
	 */
	<T> List<T> rows(Class<T> rowType, String source) {
		return ResultRows.convert(this.rowMapper, this.rows, rowType, source);
	}

	/**
	 * Whether no page follows this one: it is short or empty, or it reaches the total.
	 * @return whether this is the last page
	 */
	@JsonIgnore
	public boolean isLast() {
		return this.rows.isEmpty() || this.rows.size() < this.pageSize
				|| (this.total != UNKNOWN_TOTAL && (long) this.page * this.pageSize >= this.total);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ResultPage that)) {
			return false;
		}
		return this.page == that.page
				&& this.pageSize == that.pageSize
				&& this.total == that.total
				&& Objects.equals(this.headers, that.headers)
				&& Objects.equals(this.rows, that.rows);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.page, this.pageSize, this.total, this.headers, this.rows);
	}

	@Override
	public String toString() {
		return "ResultPage[" + "page=" + this.page
				+ ", pageSize=" + this.pageSize
				+ ", total=" + this.total
				+ ", headers=" + this.headers
				+ ", rows=" + this.rows + "]";
	}

	/**
	 * Builder of a {@link ResultPage}.
	 */
	public static final class Builder {

		private final int page;

		private final int pageSize;

		private long total = UNKNOWN_TOTAL;

		private List<ResultHeader> headers = List.of();

		private List<Map<String, Object>> rows = List.of();

		private ObjectMapper rowMapper = ResultRows.DEFAULT_MAPPER;

		private Builder(int page, int pageSize) {
			if (page < 1) {
				throw new IllegalArgumentException("page must be 1 or more but was " + page);
			}
			this.page = page;
			this.pageSize = pageSize;
		}

		/**
		 * Set the total number of result rows of the run.
		 * @param total the total number of result rows of the run
		 * @return this builder
		 */
		public Builder total(long total) {
			this.total = total;
			return this;
		}

		/**
		 * Set the columns of the rows.
		 * @param headers the columns of the rows
		 * @return this builder
		 */
		public Builder headers(List<ResultHeader> headers) {
			this.headers = List.copyOf(headers);
			return this;
		}

		/**
		 * Set the rows of this page, each a map from column key to value.
		 * @param rows the rows of this page, each a map from column key to value
		 * @return this builder
		 */
		public Builder rows(List<Map<String, Object>> rows) {
			this.rows = List.copyOf(rows);
			return this;
		}

		/**
		 * Set the mapper {@link ResultPage#rows(Class)} converts rows with (by default a plain JsonMapper).
		 * @param rowMapper the mapper {@link ResultPage#rows(Class)} converts rows with (by default a plain JsonMapper)
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder rowMapper(ObjectMapper rowMapper) {
			this.rowMapper = Objects.requireNonNull(rowMapper, "rowMapper must not be null");
			return this;
		}

		/**
		 * Build the ResultPage.
		 * @return the ResultPage
		 */
		public ResultPage build() {
			return new ResultPage(this);
		}

	}

}
