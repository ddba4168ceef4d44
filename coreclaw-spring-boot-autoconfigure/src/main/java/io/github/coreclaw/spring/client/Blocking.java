/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits, on the caller's thread, for the reactive operations the blocking ones are made of: no
 * transport or retry of its own, no thread of its own, and the failures the reactive operations
 * signal, as they signal them.
 */
final class Blocking {

	private Blocking() {
	}

	/**
	 * Refuse to block a thread that must not block: a Reactor Netty event loop or a worker of a
	 * non-blocking scheduler such as {@link Schedulers#parallel()}.
	 * @param reactiveBean the reactive operations to use there instead, for the message
	 * @throws IllegalStateException on such a thread
	 */
	static void checkThread(String reactiveBean) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("The blocking CoreClaw operations cannot wait on thread "
					+ Thread.currentThread().getName() + ", which must not block (a Reactor Netty event loop or a "
					+ "non-blocking Reactor scheduler): nothing was sent. Use the reactive " + reactiveBean
					+ " there instead, or call from a thread that may block (a servlet request thread, a virtual "
					+ "thread or Schedulers.boundedElastic()).");
		}
	}

	/**
	 * Subscribe to a call and wait for its value on the caller's thread, once the thread is known
	 * to be one that may block.
	 * @param <T> the type of the value
	 * @param call makes the call (its bad arguments throw at once, before anything is sent)
	 * @param reactiveBean the reactive operations the call belongs to, for messages
	 * @return the value, {@code null} if the call completes empty
	 */
	static <T> @Nullable T await(Supplier<Mono<T>> call, String reactiveBean) {
		checkThread(reactiveBean);
		return await(call.get(), reactiveBean, null);
	}

	/**
	 * Subscribe to a reactive call and wait for its value on the caller's thread; its failure is
	 * thrown as it was signalled, and an interrupt cancels it.
	 * @param <T> the type of the value
	 * @param call the call
	 * @param reactiveBean the reactive operations the call belongs to, for messages
	 * @param inFlight told of the call's future while it is awaited, and of {@code null} after,
	 * so that it can be cancelled from elsewhere; {@code null} for none
	 * @return the value, {@code null} if the call completes empty
	 */
	static <T> @Nullable T await(Mono<T> call, String reactiveBean,
			@Nullable Consumer<@Nullable CompletableFuture<?>> inFlight) {
		checkThread(reactiveBean);
		if (Thread.currentThread().isInterrupted()) {
			throw new CoreClawInterruptedException("The thread calling CoreClaw was interrupted before the call, so "
					+ "nothing was sent.", new InterruptedException("interrupted before the call"));
		}
		// toFuture() is a plain subscription; cancelling the future cancels it.
		CompletableFuture<T> future = call.toFuture();
		if (inFlight != null) {
			inFlight.accept(future);
		}
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new CoreClawInterruptedException("The thread waiting for a CoreClaw call was interrupted, so the "
					+ "call was cancelled; a request already sent may still take effect at CoreClaw.", ex);
		}
		catch (CancellationException ex) {
			throw new CoreClawException("The CoreClaw call was cancelled: the stream reading it was closed.", ex);
		}
		finally {
			if (inFlight != null) {
				inFlight.accept(null);
			}
		}
	}

	/**
	 * The failure of a call, as the reactive operations signalled it.
	 */
	private static RuntimeException rethrow(@Nullable Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new CoreClawException("The CoreClaw call failed: " + failure, failure);
	}

	/**
	 * A stream of the items of paged lists, read one page at a time on the consumer's thread,
	 * only when the consumer reaches it.
	 * @param <T> the type of the items
	 * @param sources the lists, in order, each made when the one before has been read to its end;
	 * called when the first item is asked for
	 * @param reactiveBean the reactive operations the lists belong to, for messages
	 * @return the items
	 */
	static <T> Stream<T> stream(Supplier<Iterator<Pager.Source<T>>> sources, String reactiveBean) {
		checkThread(reactiveBean);
		Pages<T> pages = new Pages<>(sources, reactiveBean);
		return StreamSupport.stream(pages, false).onClose(pages::close);
	}

	/**
	 * Reads pages as the consumer reaches them; holds the current page only, and between two pages
	 * no subscription at all.
	 */
	private static final class Pages<T> implements Spliterator<T> {

		private final String reactiveBean;

		private @Nullable Supplier<Iterator<Pager.Source<T>>> sourcesToOpen;

		private @Nullable Iterator<Pager.Source<T>> sources;

		private Pager.@Nullable Source<T> source;

		private int nextPage;

		private Iterator<T> items = List.<T>of().iterator();

		private boolean done;

		private volatile @Nullable CompletableFuture<?> inFlight;

		Pages(Supplier<Iterator<Pager.Source<T>>> sources, String reactiveBean) {
			this.sourcesToOpen = sources;
			this.reactiveBean = reactiveBean;
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			if (!hasNext()) {
				return false;
			}
			action.accept(this.items.next());
			return true;
		}

		private boolean hasNext() {
			while (!this.done && !this.items.hasNext()) {
				readNextPage();
			}
			return !this.done;
		}

		private void readNextPage() {
			try {
				if (this.source == null) {
					Iterator<Pager.Source<T>> sources = this.sources;
					if (sources == null) {
						Supplier<Iterator<Pager.Source<T>>> toOpen = this.sourcesToOpen;
						this.sourcesToOpen = null;
						if (toOpen == null) {
							close();
							return;
						}
						checkThread(this.reactiveBean);
						sources = toOpen.get();
						this.sources = sources;
					}
					if (!sources.hasNext()) {
						close();
						return;
					}
					this.source = sources.next();
					this.nextPage = 1;
				}
				Pager.Source<T> current = this.source;
				int number = this.nextPage++;
				Pager.Page<T> page = await(current.page(number), this.reactiveBean, (future) -> this.inFlight = future);
				if (page == null || page.isLast(number, Pager.PAGE_SIZE)) {
					this.source = null;
				}
				this.items = (page != null) ? page.items().iterator() : List.<T>of().iterator();
			}
			catch (RuntimeException | Error ex) {
				// A failed list cannot go on: nothing more is read.
				close();
				throw ex;
			}
		}

		/**
		 * Drop the current page and read nothing more; a page being read is cancelled.
		 */
		void close() {
			this.done = true;
			this.items = List.<T>of().iterator();
			this.source = null;
			this.sources = null;
			this.sourcesToOpen = null;
			CompletableFuture<?> future = this.inFlight;
			if (future != null) {
				future.cancel(true);
			}
		}

		@Override
		public @Nullable Spliterator<T> trySplit() {
			// Never read ahead to split: pages are read only as the consumer reaches them.
			return null;
		}

		@Override
		public long estimateSize() {
			return Long.MAX_VALUE;
		}

		@Override
		public int characteristics() {
			return Spliterator.ORDERED | Spliterator.NONNULL;
		}

	}

}
