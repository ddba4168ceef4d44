/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and of the pages under {@code docs/} leads somewhere.
 * <p>
 * A link's target file (or folder) must exist inside the repository, and its {@code #anchor}, where
 * it has one, must be a heading of the target Markdown file (or of the same file, for a link that is
 * only an anchor), named as GitHub names it: the heading's text, lower case, without punctuation
 * other than {@code -} and {@code _}, spaces turned into {@code -}, and {@code -1}, {@code -2}, ...
 * added to repeats; an HTML {@code <a id="...">} or {@code <a name="...">} counts too. Links in
 * fenced blocks and code spans are not links; links with a scheme ({@code https:}, {@code mailto:})
 * are not checked. The index {@code docs/README.md} must link to every other page under
 * {@code docs/}, and every such page back to the README.
 */
class DocLinksTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+)[\\s\\S]*?\\1");

	/** An inline link or image: its text, then its destination and an optional title. */
	private static final Pattern INLINE_LINK = Pattern
		.compile("\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	/** A link reference definition: {@code [label]: destination}. */
	private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:[ \\t]*<?([^\\s>]+)>?");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	/** What GitHub drops from a heading's text to make its anchor. */
	private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\p{Pc}\\- ]");

	@TestFactory
	Stream<DynamicTest> everyRelativeLinkResolves() throws IOException {
		List<Path> files = ReadmeSnippetsTests.markdownFiles();
		assertThat(files).as("the README and the pages under docs/").hasSizeGreaterThan(1);
		return files.stream()
			.map((file) -> DynamicTest.dynamicTest(ReadmeSnippetsTests.displayName(file)
					+ ": every relative link leads to a file and heading that exist", () -> {
						List<Link> links = links(ReadmeSnippetsTests.displayName(file), read(file));
						assertThat(problems(file, links)).as("broken links").isEmpty();
					}));
	}

	@Test
	void theIndexLinksToEveryPageAndEveryPageBackToTheReadme() throws IOException {
		Path docs = ROOT.resolve("docs");
		Path index = docs.resolve("README.md");
		assertThat(index).as("the index of docs/").isRegularFile();
		Set<Path> linkedFromIndex = new LinkedHashSet<>();
		for (Link link : links("docs/README.md", read(index))) {
			if (link.isRelative() && !link.path().isEmpty()) {
				linkedFromIndex.add(docs.resolve(link.path()).toAbsolutePath().normalize());
			}
		}
		List<String> notIndexed = new ArrayList<>();
		List<String> noWayBack = new ArrayList<>();
		for (Path file : ReadmeSnippetsTests.markdownFiles()) {
			String name = ReadmeSnippetsTests.displayName(file);
			if (!name.startsWith("docs/") || name.equals("docs/README.md")) {
				continue;
			}
			if (!linkedFromIndex.contains(file.toAbsolutePath().normalize())) {
				notIndexed.add(name);
			}
			Path readme = ROOT.resolve("README.md").toAbsolutePath().normalize();
			boolean linksBack = links(name, read(file)).stream()
				.filter((link) -> link.isRelative() && !link.path().isEmpty())
				.anyMatch((link) -> file.getParent().resolve(link.path()).toAbsolutePath().normalize().equals(readme));
			if (!linksBack) {
				noWayBack.add(name);
			}
		}
		assertThat(notIndexed).as("pages under docs/ that docs/README.md does not link to").isEmpty();
		assertThat(noWayBack).as("pages under docs/ without a link back to the README").isEmpty();
	}

	@Test
	void anchorsAreNamedAsGitHubNamesThem() {
		assertThat(anchors("# Finding runs, the run queue and the account\n"))
			.containsExactly("finding-runs-the-run-queue-and-the-account");
		assertThat(anchors("### Answering CoreClaw's refusals as HTTP problems ###\n"))
			.containsExactly("answering-coreclaws-refusals-as-http-problems");
		assertThat(anchors("## The `coreclaw.retry.*` keys, see [Retries](x.md)\n"))
			.containsExactly("the-coreclawretry-keys-see-retries");
		assertThat(anchors("## Info\n\n```yaml\n# not a heading\n```\n\n## Info\n<a id=\"kept-anchor\"></a>\n"))
			.containsExactly("info", "info-1", "kept-anchor");
	}

	@Test
	void brokenLinksAreFoundAndNamedWithTheirLine() {
		String page = """
				# A page

				[index](README.md), [a heading](#a-page), [elsewhere](https://example.com/x.md#nowhere)
				and [no such file](missing.md) and [no such heading](README.md#no-such-heading),
				[no such heading here](#nowhere), `[in a code span](missing.md)`

				```text
				[in a fenced block](missing.md)
				```

				[reference]: also-missing.md
				""";
		Path file = ROOT.resolve("docs").resolve("page.md");
		List<String> problems = problems(file, links("docs/page.md", page), page);
		assertThat(problems).containsExactly("docs/page.md:4: (missing.md): no such file docs/missing.md",
				"docs/page.md:4: (README.md#no-such-heading): docs/README.md has no heading #no-such-heading",
				"docs/page.md:5: (#nowhere): docs/page.md has no heading #nowhere",
				"docs/page.md:11: (also-missing.md): no such file docs/also-missing.md");
	}

	private static List<String> problems(Path file, List<Link> links) {
		return problems(file, links, null);
	}

	/**
	 * What is wrong with the links of a file.
	 * @param file the file
	 * @param links its links
	 * @param content the file's own content if it is not read from disk, else {@code null}
	 * @return one line per broken link, naming the file and its line
	 */
	private static List<String> problems(Path file, List<Link> links, String content) {
		Path root = ROOT.toAbsolutePath().normalize();
		Map<Path, Set<String>> anchorsByFile = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Link link : links) {
			if (!link.isRelative()) {
				continue;
			}
			Path target = link.path().isEmpty() ? file.toAbsolutePath().normalize()
					: file.toAbsolutePath().getParent().resolve(link.path()).normalize();
			String targetName = root.relativize(target).toString().replace('\\', '/');
			String where = link.file() + ":" + link.line() + ": (" + link.target() + "): ";
			if (!target.startsWith(root)) {
				problems.add(where + "leads out of the repository");
				continue;
			}
			boolean self = link.path().isEmpty() && content != null;
			if (!self && !Files.exists(target)) {
				problems.add(where + "no such file " + targetName);
				continue;
			}
			if (link.anchor().isEmpty()) {
				continue;
			}
			if (!self && !(Files.isRegularFile(target) && targetName.toLowerCase(Locale.ROOT).endsWith(".md"))) {
				problems.add(where + "an anchor into " + targetName + ", which is not a Markdown file");
				continue;
			}
			Set<String> anchors = anchorsByFile.computeIfAbsent(target,
					(path) -> anchors(self ? content : read(path)));
			if (!anchors.contains(link.anchor())) {
				problems.add(where + targetName + " has no heading #" + link.anchor());
			}
		}
		return problems;
	}

	/**
	 * The links of a Markdown text, outside fenced blocks and code spans.
	 * @param file the name of the file, for messages
	 * @param text the text
	 * @return its links, in order
	 */
	static List<Link> links(String file, String text) {
		String prose = prose(text);
		List<Link> links = new ArrayList<>();
		for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
			Matcher matcher = pattern.matcher(prose);
			while (matcher.find()) {
				String target = matcher.group(matcher.groupCount());
				links.add(new Link(file, lineOf(prose, matcher.start()), target));
			}
		}
		links.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return links;
	}

	/**
	 * The anchors of a Markdown text, as GitHub generates them from its headings, and those of its
	 * HTML anchors.
	 * @param text the text
	 * @return the anchors, in order
	 */
	static Set<String> anchors(String text) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> repeats = new HashMap<>();
		boolean fenced = false;
		for (String line : text.split("\n", -1)) {
			if (FENCE.matcher(line).find()) {
				fenced = !fenced;
				continue;
			}
			if (fenced) {
				continue;
			}
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String base = slug(heading.group(2));
				String anchor = base;
				while (anchors.contains(anchor)) {
					int repeat = repeats.merge(base, 1, Integer::sum);
					anchor = base + "-" + repeat;
				}
				anchors.add(anchor);
			}
			Matcher html = HTML_ANCHOR.matcher(line);
			while (html.find()) {
				anchors.add(html.group(1));
			}
		}
		return anchors;
	}

	private static String slug(String heading) {
		String text = CODE_SPAN.matcher(heading).replaceAll((match) -> {
			String span = match.group();
			String ticks = match.group(1);
			return Matcher.quoteReplacement(span.substring(ticks.length(), span.length() - ticks.length()).strip());
		});
		text = INLINE_LINK.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(match.group(1)));
		text = text.replaceAll("<[^>]+>", "").replace("*", "");
		return NOT_IN_ANCHOR.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
	}

	/**
	 * The text with fenced blocks emptied and code spans blanked, lines and offsets kept.
	 */
	private static String prose(String text) {
		StringBuilder prose = new StringBuilder();
		boolean fenced = false;
		for (String line : text.split("\n", -1)) {
			if (FENCE.matcher(line).find()) {
				fenced = !fenced;
				prose.append('\n');
				continue;
			}
			prose.append(fenced ? "" : line).append('\n');
		}
		Matcher span = CODE_SPAN.matcher(prose);
		StringBuilder blanked = new StringBuilder(prose);
		while (span.find()) {
			for (int i = span.start(); i < span.end(); i++) {
				if (blanked.charAt(i) != '\n') {
					blanked.setCharAt(i, ' ');
				}
			}
		}
		return blanked.toString();
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A link of a Markdown file.
	 *
	 * @param file the file, from the root of the repository
	 * @param line its line, from 1
	 * @param target its destination as written
	 */
	record Link(String file, int line, String target) {

		boolean isRelative() {
			return !this.target.isEmpty() && !SCHEME.matcher(this.target).find() && !this.target.startsWith("//");
		}

		/** The file part of the destination, decoded; empty for a link to an anchor of the same file. */
		String path() {
			int hash = this.target.indexOf('#');
			String path = (hash != -1) ? this.target.substring(0, hash) : this.target;
			int query = path.indexOf('?');
			return decode((query != -1) ? path.substring(0, query) : path);
		}

		/** The anchor of the destination, decoded; empty if none. */
		String anchor() {
			int hash = this.target.indexOf('#');
			return (hash != -1) ? decode(this.target.substring(hash + 1)) : "";
		}

		/** Percent-decoding, leaving {@code +} as it is (it is no space in a URL's path). */
		private static String decode(String text) {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}

	}

}
