/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * Column of a run's result rows: the key used in each row and its display label.
 *
 * @param key the key of the column in each row
 * @param label the human-readable label of the column, the key when CoreClaw sends none
 * @since 0.1.0
 */
public record ResultHeader(String key, String label) {

}
