/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every item of a paged CoreClaw list ({@link Source}), one page at a time: as the
 * subscriber asks for items (never more than one page ahead), or, for the blocking streams, as
 * the consumer reaches each page; each reply is checked to be the page asked for, and a short or
 * empty page ends the list.
 */
final class Pager {

	/** Items per page when a whole list is read: the API's maximum. */
	static final int PAGE_SIZE = 100;

	private Pager() {
	}

	/**
	 * Check that a reply is the page that was asked for.
	 * @param what what is listed, for messages
	 * @param requested the page number asked for
	 * @param pageSize the page size asked for
	 * @param echoed the page number CoreClaw echoed, {@code null} if none
	 * @throws CoreClawException if CoreClaw echoed another page number
	 */
	static void checkEcho(String what, int requested, int pageSize, @Nullable Integer echoed) {
		// offset 0 and 1 both mean the first page, so an echo of 0 for page 1 is no mismatch.
		if (echoed != null && echoed != requested && !(requested == 1 && echoed == 0)) {
			throw new CoreClawException("CoreClaw answered page " + echoed + " when asked for page " + requested
					+ " (" + pageSize + " a page) of " + what + ". Reading on would repeat or skip items, so the "
					+ "read stops here; CoreClaw may have changed what its offset parameter means.");
		}
	}

	/**
	 * A paged list: what it is, for messages, and how to read one of its pages; read whole by
	 * {@link #all()}, or page by page with {@link #page(int)} (the blocking streams).
	 *
	 * @param <T> the type of the items
	 * @param what what is listed, for messages (for example {@code the results of run r1})
	 * @param fetch reads the page of the given number (from 1) with {@link #PAGE_SIZE} items
	 */
	record Source<T>(String what, IntFunction<Mono<Page<T>>> fetch) {

		/**
		 * Every item of the list, read as the subscriber asks for them (never more than one page
		 * ahead).
		 * @return the items, lazily
		 */
		Flux<T> all() {
			return Flux.range(1, Integer.MAX_VALUE)
				.concatMap(this::page, 0)
				.takeUntil((page) -> page.isLast(page.pageIndex(), PAGE_SIZE))
				.concatMapIterable(Page::items, 1);
		}

		/**
		 * Read one page, checked to be the one asked for.
		 * @param page the page number, from 1
		 * @return the page, its {@link Page#pageIndex()} the number asked for
		 */
		Mono<Page<T>> page(int page) {
			return this.fetch.apply(page).map((reply) -> {
				checkEcho(this.what, page, PAGE_SIZE, reply.pageIndex());
				return new Page<>(page, reply.total(), reply.items());
			});
		}

	}

	/**
	 * One page of a paged reply.
	 *
	 * @param <T> the type of the items
	 * @param pageIndex the page number CoreClaw echoed, {@code null} if it sent none
	 * @param total the total number of items CoreClaw reported, {@code null} if it sent none
	 * @param items the items of the page
	 */
	record Page<T>(@Nullable Integer pageIndex, @Nullable Long total, List<T> items) {

		/**
		 * Whether no page follows: this one is short or empty, or reaches the total.
		 * @param page the number of this page
		 * @param pageSize the page size that was asked for
		 * @return whether this is the last page
		 */
		boolean isLast(int page, int pageSize) {
			return this.items.isEmpty() || this.items.size() < pageSize
					|| (this.total != null && (long) page * pageSize >= this.total);
		}

	}

}
