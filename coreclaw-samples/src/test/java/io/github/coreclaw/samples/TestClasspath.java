/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path these tests run with, as a list of files: Surefire runs them from a jar whose
 * manifest holds the real class path, so {@code java.class.path} alone names only that jar.
 */
final class TestClasspath {

	private TestClasspath() {
	}

	/**
	 * The entries of the test class path.
	 * @return the existing files and folders of the class path
	 */
	static List<Path> entries() {
		String surefire = System.getProperty("surefire.test.class.path");
		String classPath = (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
		List<Path> entries = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			Path path = Path.of(entry).toAbsolutePath();
			entries.add(path);
			entries.addAll(manifestClassPath(path));
		}
		return entries.stream().filter(Files::exists).distinct().toList();
	}

	/**
	 * The test class path as one string.
	 * @return the entries joined with the path separator
	 */
	static String asString() {
		return String.join(File.pathSeparator, entries().stream().map(Path::toString).toList());
	}

	private static List<Path> manifestClassPath(Path path) {
		if (!Files.isRegularFile(path) || !path.toString().endsWith(".jar")) {
			return List.of();
		}
		try (JarFile jar = new JarFile(path.toFile())) {
			Manifest manifest = jar.getManifest();
			String value = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) : null;
			if (value == null || value.isBlank()) {
				return List.of();
			}
			List<Path> entries = new ArrayList<>();
			for (String item : value.trim().split("\\s+")) {
				URI uri = path.toUri().resolve(item);
				entries.add(Path.of(uri));
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the manifest of " + path, ex);
		}
	}

}
