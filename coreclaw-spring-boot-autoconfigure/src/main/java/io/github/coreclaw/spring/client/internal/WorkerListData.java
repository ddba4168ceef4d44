/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.WorkerSummary;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a page of Workers (the account's or the store's), under the legacy key
 * {@code scraper}. CoreClaw documents no total or page number for these lists; they are read if
 * present.
 *
 * @param scraper the Workers of the page, {@code null} (as a Go service writes an empty list)
 * for none
 * @param count the total number of Workers, if sent
 * @param pageIndex the page number, if sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerListData(@Nullable List<Item> scraper, @Nullable Long count,
		@JsonProperty("page_index") @Nullable Integer pageIndex) {

	/**
	 * The Workers of the page.
	 * @return the Workers, empty for none
	 */
	public List<WorkerSummary> workers() {
		if (this.scraper == null) {
			return List.of();
		}
		List<WorkerSummary> workers = new ArrayList<>(this.scraper.size());
		for (Item item : this.scraper) {
			if (item != null) {
				workers.add(WorkerSummary.builder()
					.slug(WireValues.text(item.slug()))
					.name(WireValues.text(item.name()))
					.path(WireValues.text(item.path()))
					.title(WireValues.text(item.title()))
					.username(WireValues.text(item.username()))
					.description(WireValues.text(item.description()))
					.build());
			}
		}
		return workers;
	}

	/**
	 * One Worker of the list.
	 *
	 * @param slug the slug
	 * @param name the name
	 * @param path the path, {@code owner~name}
	 * @param title the title
	 * @param username the owner's user name
	 * @param description the description
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Item(@Nullable String slug, @Nullable String name, @Nullable String path, @Nullable String title,
			@Nullable String username, @Nullable String description) {

	}

}
