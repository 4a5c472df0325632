package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md shows no code the build does not compile: every Java snippet in it is, line
 * for line (indentation aside), an excerpt of a source file under {@code examples/} or
 * {@code modules/}, which the build compiles and tests.
 */
class EmbeddingGuideTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void everyJavaSnippetIsAnExcerptOfACompiledSourceFile() throws Exception {
        Path root = Conformance.root();
        String guide = Files.readString(root.resolve("docs/embedding.md"), StandardCharsets.UTF_8);
        List<List<String>> sources = new ArrayList<>();
        for (String dir : List.of("examples", "modules")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/"))
                        .toList()) {
                    sources.add(lines(Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        Matcher m = JAVA_BLOCK.matcher(guide);
        int snippets = 0;
        while (m.find()) {
            List<String> snippet = lines(m.group(1));
            snippets++;
            assertThat(sources.stream().anyMatch(s -> java.util.Collections.indexOfSubList(s, snippet) >= 0))
                    .as("snippet %d of docs/embedding.md is in a source file:%n%s", snippets, m.group(1)).isTrue();
        }
        assertThat(snippets).as("the guide shows code").isGreaterThanOrEqualTo(5);
    }
}
