/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * The main classes of a package, found on the class path, for tests that derive what they expect
 * from the code instead of from a list copied into them.
 */
public final class PackageClasses {

	private PackageClasses() {
	}

	/**
	 * The classes of a package (top-level and nested, not those of its sub-packages), without
	 * the test classes that share the package.
	 * @param packageName the package
	 * @return the classes
	 */
	public static List<Class<?>> of(String packageName) {
		String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(packageName) + "/*.class";
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
		List<Class<?>> classes = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				if (resource.getURL().toString().contains("/test-classes/")) {
					continue;
				}
				String className = readers.getMetadataReader(resource).getClassMetadata().getClassName();
				classes.add(ClassUtils.forName(className, PackageClasses.class.getClassLoader()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
		return classes;
	}

}
