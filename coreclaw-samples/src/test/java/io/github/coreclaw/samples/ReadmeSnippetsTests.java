/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;
import org.testcontainers.utility.TestcontainersConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The Java snippets of the README and of the reference pages under {@code docs/} compile as
 * written and their test classes pass.
 * <p>
 * Every {@code ```java} block of {@code README.md} and of every Markdown file under {@code docs/}
 * (its subfolders included) is compiled, with {@code javac} against this module's test class path
 * (the starter, the test kit, WebFlux, Testcontainers and the test libraries), and all blocks of
 * all files together, as the sources of one application: a test can then find the
 * {@code @SpringBootApplication} class that another block, of the same file or another, shows. So each block must be a
 * whole compilation unit (a package, its imports and a type), no two blocks may declare the same
 * type, and a warning (such as a deprecation) fails as an error does. Each block whose type has
 * JUnit tests is then run with the JUnit Platform launcher, and must pass (a test class disabled
 * here, for example without Docker, is reported as skipped; so is a block whose container image a
 * running Docker engine does not hold, checked at once rather than left to Testcontainers, which
 * retries a pull for minutes where no registry answers). Every fenced block must name its
 * language, so that Java cannot hide in an untagged one. Failures name the file and its line
 * ({@code docs/operations.md:123}); the README must hold Java blocks, a page under {@code docs/}
 * without any is listed as such.
 */
class ReadmeSnippetsTests {

	/** The root of the repository, seen from the module folder that Surefire runs in. */
	private static final Path ROOT = Path.of("..");

	private static final Path README = ROOT.resolve("README.md");

	private static final Path DOCS = ROOT.resolve("docs");

	private static final Path OUTPUT = Path.of("target", "readme-snippets");

	private static final List<String> COMPILER_OPTIONS = List.of("--release", "17", "-proc:none", "-parameters",
			"-Xlint:deprecation,removal,unchecked", "-encoding", "UTF-8");

	private static final Pattern FENCE = Pattern.compile("^( {0,3})(```+)\\s*([^`\\s]*)\\s*$");

	private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
			"^((?:@\\w+(?:\\([^)]*\\))?\\s+)*)((?:(?:public|abstract|final|sealed|non-sealed|strictfp)\\s+)*)"
					+ "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
			Pattern.MULTILINE);

	/** The image of a container, as a snippet names it. */
	private static final Pattern CONTAINER_IMAGE = Pattern
		.compile("(?:Container<>|Container|DockerImageName\\.parse)\\(\\s*\"([^\"]+)\"");

	@TestFactory
	Stream<DynamicNode> readmeSnippets() throws IOException {
		assertThat(README).as("the README, read from the module folder").isRegularFile();
		assertThat(DOCS).as("the docs folder, read from the module folder").isDirectory();
		Map<String, List<Block>> blocksByFile = new LinkedHashMap<>();
		for (Path file : markdownFiles()) {
			String name = displayName(file);
			blocksByFile.put(name, blocks(name, Files.readAllLines(file, StandardCharsets.UTF_8)));
		}
		List<Snippet> snippets = blocksByFile.values()
			.stream()
			.flatMap(List::stream)
			.filter(Block::isJava)
			.map(Snippet::of)
			.toList();
		assertThat(blocksByFile.get(displayName(README)).stream().filter(Block::isJava))
			.as("```java blocks in the README")
			.isNotEmpty();
		Compilation compilation = compile(snippets);
		// One class loader for all blocks, as for the classes of one application. Spring's test
		// context cache may keep contexts that use these classes until the JVM exits, so it is
		// left open.
		URLClassLoader loader = new URLClassLoader(new URL[] { OUTPUT.toUri().toURL() },
				ReadmeSnippetsTests.class.getClassLoader());
		List<DynamicNode> nodes = new ArrayList<>();
		nodes.add(DynamicTest.dynamicTest("the compiler reports nothing outside the blocks",
				() -> assertThat(compilation.unattributed()).as("diagnostics without a Markdown block").isEmpty()));
		blocksByFile.forEach((file, blocks) -> {
			List<Snippet> own = snippets.stream().filter((snippet) -> snippet.block().file().equals(file)).toList();
			// A page without Java says so in its name, so that a report shows which pages hold none.
			String fences = file + (own.isEmpty() ? " (no ```java block)" : "") + ": every fenced block names its language";
			List<DynamicNode> fileNodes = new ArrayList<>();
			fileNodes.add(DynamicTest.dynamicTest(fences, () -> everyFenceIsTagged(blocks)));
			for (Snippet snippet : own) {
				List<DynamicTest> checks = new ArrayList<>();
				checks.add(DynamicTest.dynamicTest("compiles", () -> compiles(snippet, compilation)));
				if (snippet.hasTests()) {
					checks.add(DynamicTest.dynamicTest("its tests pass", () -> testsPass(snippet, compilation, loader)));
				}
				fileNodes.add(DynamicContainer.dynamicContainer(snippet.where(), checks));
			}
			nodes.add(DynamicContainer.dynamicContainer(file, fileNodes));
		});
		return nodes.stream();
	}

	/**
	 * The README and every Markdown file under {@code docs/}, the README first, then the pages in
	 * the order of their paths.
	 * @return the files
	 * @throws IOException if the docs folder cannot be read
	 */
	static List<Path> markdownFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(README);
		try (Stream<Path> paths = Files.walk(DOCS)) {
			paths.filter(Files::isRegularFile)
				.filter((path) -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
				.map(ReadmeSnippetsTests::displayName)
				.sorted()
				.forEach((name) -> files.add(ROOT.resolve(name)));
		}
		return files;
	}

	/**
	 * A file's path from the root of the repository, with {@code /} as separator, as failures name it.
	 * @param file the file, as {@link #markdownFiles()} gives it
	 * @return its name, such as {@code docs/operations.md}
	 */
	static String displayName(Path file) {
		return ROOT.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
			.replace(File.separatorChar, '/');
	}

	private static void everyFenceIsTagged(List<Block> blocks) {
		List<String> untagged = blocks.stream()
			.filter((block) -> block.language().isEmpty())
			.map((block) -> block.where()
					+ ": a fenced block without a language; tag it (```shell, ```text, ```java, ...): ```java blocks "
					+ "are compiled by " + ReadmeSnippetsTests.class.getSimpleName())
			.toList();
		assertThat(untagged).as("untagged fenced blocks").isEmpty();
	}

	private static void compiles(Snippet snippet, Compilation compilation) {
		if (!snippet.isCompilationUnit()) {
			fail(snippet.block().where() + ": a ```java block must be a whole compilation unit, with "
					+ "its package, its imports and a class (or other type), not a fragment");
		}
		List<String> problems = compilation.diagnostics(snippet);
		if (!problems.isEmpty()) {
			fail(snippet.block().where() + ": the ```java block declaring " + snippet.typeName()
					+ " does not compile cleanly:\n" + String.join("\n", problems));
		}
	}

	private static void testsPass(Snippet snippet, Compilation compilation, ClassLoader loader) throws Exception {
		if (!compilation.succeeded()) {
			fail(snippet.block().where() + ": not run, because the Java blocks of the README and docs/ do not "
					+ "compile (see the failing \"compiles\" checks)");
		}
		String where = snippet.where();
		List<String> missing = imagesNotHeldByDocker(snippet);
		Assumptions.assumeTrue(missing.isEmpty(), () -> where + " skipped: Docker does not hold the image "
				+ String.join(", ", missing) + ", which this check does not pull (with no registry answering, "
				+ "Testcontainers retries for minutes); docker pull it, or build it with .ci/wiremock-image.sh");
		Class<?> testClass = loader.loadClass(snippet.qualifiedTypeName());
		Launcher launcher = LauncherFactory.create();
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(testClass))
			.build();
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		SkipReasons skips = new SkipReasons();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			launcher.execute(request, summary, skips);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		TestExecutionSummary result = summary.getSummary();
		if (result.getTotalFailureCount() > 0) {
			StringWriter failures = new StringWriter();
			result.printFailuresTo(new PrintWriter(failures), 25);
			// Stack frames in the snippet point at its line in its Markdown file.
			Matcher frame = Pattern.compile("\\(" + Pattern.quote(snippet.typeName()) + "\\.java:(\\d+)\\)")
				.matcher(failures.toString());
			String report = frame.replaceAll((match) -> Matcher.quoteReplacement("(" + snippet.block().file() + ":"
					+ (snippet.block().line() + Integer.parseInt(match.group(1))) + ")"));
			fail(where + ": " + result.getTotalFailureCount() + " failed\n" + report);
		}
		if (result.getTestsSucceededCount() == 0) {
			Assumptions.assumeTrue(skips.reasons().isEmpty(), () -> where + " was skipped: " + skips.reasons());
			fail(where + " ran no test (" + result.getTestsFoundCount() + " found)");
		}
	}

	/**
	 * The container images a Testcontainers snippet names that a running Docker engine does not
	 * hold, so that its tests are skipped at once rather than waiting minutes for pulls where no
	 * registry answers. Without a Docker engine the snippet's own condition (such as
	 * {@code disabledWithoutDocker}) decides.
	 * @param snippet the snippet
	 * @return the images missing from the engine, empty if none or if no engine runs
	 */
	private static List<String> imagesNotHeldByDocker(Snippet snippet) {
		Matcher image = CONTAINER_IMAGE.matcher(snippet.block().text());
		List<String> needed = new ArrayList<>();
		while (image.find()) {
			needed.add(image.group(1));
		}
		if (needed.isEmpty()) {
			return List.of();
		}
		TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
		if (!Boolean.parseBoolean(configuration.getEnvVarOrProperty("ryuk.disabled", "false"))) {
			// Ryuk starts with the first container unless it is switched off: it must be there too.
			needed.add(RYUK);
		}
		DockerClient docker;
		try {
			docker = engine();
		}
		catch (RuntimeException ex) {
			// No Docker engine: the snippet's own condition decides.
			return List.of();
		}
		List<String> missing = new ArrayList<>();
		for (String name : needed) {
			if (!isHeld(docker, name)) {
				missing.add(name);
			}
		}
		return missing;
	}

	/**
	 * The fenced blocks of a Markdown text.
	 * @param file the name of the file, for messages
	 * @param lines the lines of the text
	 * @return the blocks, in order
	 */
	static List<Block> blocks(String file, List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				continue;
			}
			int indent = open.group(1).length();
			String fence = open.group(2);
			StringBuilder text = new StringBuilder();
			int j = i + 1;
			for (; j < lines.size(); j++) {
				Matcher close = FENCE.matcher(lines.get(j));
				if (close.matches() && close.group(3).isEmpty() && close.group(2).length() >= fence.length()) {
					break;
				}
				String line = lines.get(j);
				int strip = 0;
				while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
					strip++;
				}
				text.append(line.substring(strip)).append('\n');
			}
			if (j == lines.size()) {
				fail(file + ":" + (i + 1) + ": a fenced block that is never closed");
			}
			blocks.add(new Block(file, i + 1, open.group(3).toLowerCase(Locale.ROOT), text.toString()));
			i = j;
		}
		return blocks;
	}

	private static Compilation compile(List<Snippet> snippets) throws IOException {
		deleteRecursively(OUTPUT);
		Files.createDirectories(OUTPUT);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK's compiler").isNotNull();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
				StandardCharsets.UTF_8)) {
			files.setLocationFromPaths(StandardLocation.CLASS_PATH, TestClasspath.entries());
			files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(OUTPUT));
			List<JavaFileObject> sources = snippets.stream()
				.filter(Snippet::isCompilationUnit)
				.map(SnippetSource::new)
				.map(JavaFileObject.class::cast)
				.toList();
			boolean succeeded = sources.isEmpty()
					|| compiler.getTask(null, files, diagnostics, COMPILER_OPTIONS, null, sources).call();
			return new Compilation(succeeded && snippets.stream().allMatch(Snippet::isCompilationUnit),
					diagnostics.getDiagnostics());
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/**
	 * A fenced block of the README or of a page under {@code docs/}.
	 *
	 * @param file the file, from the root of the repository ({@code README.md}, {@code docs/aot.md})
	 * @param line the line of its opening fence, from 1
	 * @param language its info string, lower case, empty if none
	 * @param text its content
	 */
	record Block(String file, int line, String language, String text) {

		boolean isJava() {
			return "java".equals(this.language);
		}

		/** Its file and line, as messages name it: {@code docs/operations.md:42}. */
		String where() {
			return this.file + ":" + this.line;
		}

	}

	/**
	 * A {@code ```java} block as a source file.
	 *
	 * @param block the block
	 * @param packageName its package, empty for none
	 * @param typeName its public top-level type, or else its first one; empty if none
	 */
	record Snippet(Block block, String packageName, String typeName) {

		static Snippet of(Block block) {
			Matcher pkg = PACKAGE.matcher(block.text());
			String packageName = pkg.find() ? pkg.group(1) : "";
			String first = "";
			String publicType = "";
			Matcher type = TOP_LEVEL_TYPE.matcher(block.text());
			while (type.find()) {
				if (first.isEmpty()) {
					first = type.group(3);
				}
				if (publicType.isEmpty() && type.group(2).contains("public")) {
					publicType = type.group(3);
				}
			}
			return new Snippet(block, packageName, publicType.isEmpty() ? first : publicType);
		}

		boolean isCompilationUnit() {
			return !this.typeName.isEmpty();
		}

		boolean hasTests() {
			return isCompilationUnit() && this.block.text().contains("import org.junit.jupiter.api.Test;");
		}

		/** Its file, line and type, as test names and messages name it. */
		String where() {
			return this.block.where() + " " + this.typeName;
		}

		String qualifiedTypeName() {
			return this.packageName.isEmpty() ? this.typeName : this.packageName + "." + this.typeName;
		}

		URI uri() {
			return URI.create("readme:///" + this.qualifiedTypeName().replace('.', '/') + ".java");
		}

	}

	/**
	 * The source of a snippet, named as {@code javac} expects from its public type.
	 */
	static final class SnippetSource extends SimpleJavaFileObject {

		private final Snippet snippet;

		SnippetSource(Snippet snippet) {
			super(snippet.uri(), Kind.SOURCE);
			this.snippet = snippet;
		}

		Snippet snippet() {
			return this.snippet;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.snippet.block().text();
		}

	}

	/**
	 * The outcome of compiling all snippets.
	 *
	 * @param succeeded whether class files were written for all of them
	 * @param all every diagnostic of the compiler
	 */
	record Compilation(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> all) {

		/**
		 * The errors and warnings in one snippet, each with its file and line.
		 * @param snippet the snippet
		 * @return the problems, empty if none
		 */
		List<String> diagnostics(Snippet snippet) {
			List<String> problems = new ArrayList<>();
			for (Diagnostic<? extends JavaFileObject> diagnostic : this.all) {
				if (diagnostic.getKind() == Diagnostic.Kind.NOTE || diagnostic.getKind() == Diagnostic.Kind.OTHER) {
					continue;
				}
				if (diagnostic.getSource() instanceof SnippetSource source && source.snippet() == snippet) {
					long line = snippet.block().line() + diagnostic.getLineNumber();
					problems.add("  " + snippet.block().file() + ":" + line + ": " + diagnostic.getKind().toString().toLowerCase(Locale.ROOT)
							+ ": " + diagnostic.getMessage(Locale.ROOT));
				}
			}
			return problems;
		}

		/**
		 * The errors and warnings that belong to no snippet, such as a bad class path.
		 * @return the problems, empty if none
		 */
		List<String> unattributed() {
			List<String> problems = new ArrayList<>();
			for (Diagnostic<? extends JavaFileObject> diagnostic : this.all) {
				boolean relevant = diagnostic.getKind() != Diagnostic.Kind.NOTE
						&& diagnostic.getKind() != Diagnostic.Kind.OTHER;
				if (relevant && !(diagnostic.getSource() instanceof SnippetSource)) {
					problems.add(diagnostic.getKind() + ": " + diagnostic.getMessage(Locale.ROOT));
				}
			}
			return problems;
		}

	}

	/**
	 * Why the launcher skipped test classes or tests.
	 */
	static final class SkipReasons implements TestExecutionListener {

		private final Map<String, String> reasons = new LinkedHashMap<>();

		@Override
		public void executionSkipped(TestIdentifier testIdentifier, String reason) {
			this.reasons.put(testIdentifier.getDisplayName(), reason);
		}

		@Override
		public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
			if (testExecutionResult.getStatus() == TestExecutionResult.Status.ABORTED) {
				this.reasons.put(testIdentifier.getDisplayName(), testExecutionResult.getThrowable()
					.map(Throwable::getMessage)
					.orElse("aborted"));
			}
		}

		Map<String, String> reasons() {
			return this.reasons;
		}

	}

	/**
	 * A client of the local Docker engine, found the way Testcontainers finds it, without
	 * Testcontainers' own client (which starts Ryuk, and so pulls its image, when first used).
	 */
	private static DockerClient engine() {
		return DockerClientProviderStrategy
			.getFirstValidStrategy(List.of(new EnvironmentAndSystemPropertyClientProviderStrategy(),
					new UnixSocketClientProviderStrategy()))
			.getDockerClient();
	}

	/** Ryuk's repository: the tag Testcontainers starts depends on its version. */
	private static final String RYUK = "testcontainers/ryuk";

	/** Whether the engine holds the image (for Ryuk, any tag of its repository). */
	private static boolean isHeld(DockerClient docker, String image) {
		if (image.equals(RYUK)) {
			return !docker.listImagesCmd().withImageNameFilter(RYUK).exec().isEmpty();
		}
		try {
			docker.inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

}
