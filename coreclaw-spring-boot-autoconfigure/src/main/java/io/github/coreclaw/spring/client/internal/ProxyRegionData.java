/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.coreclaw.spring.client.ProxyRegion;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the proxy region reply.
 *
 * @param list the regions, {@code null} for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxyRegionData(@Nullable List<Item> list) {

	/**
	 * The regions of a reply's {@code data}, leaving out any without a code.
	 * @param data the {@code data}, may be {@code null}
	 * @return the regions, {@code null} if the reply had no data
	 */
	public static @Nullable List<ProxyRegion> toRegions(@Nullable ProxyRegionData data) {
		if (data == null) {
			return null;
		}
		if (data.list() == null) {
			return List.of();
		}
		List<ProxyRegion> regions = new ArrayList<>(data.list().size());
		for (Item item : data.list()) {
			String code = (item != null) ? WireValues.text(item.code()) : null;
			if (code != null) {
				String name = WireValues.text(item.name());
				regions.add(new ProxyRegion(code, (name != null) ? name : code));
			}
		}
		return List.copyOf(regions);
	}

	/**
	 * One region.
	 *
	 * @param code the region code
	 * @param name the display name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Item(@Nullable String code, @Nullable String name) {

	}

}
