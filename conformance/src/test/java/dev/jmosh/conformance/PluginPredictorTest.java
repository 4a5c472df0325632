package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A prediction provider of one's own, selected from the command line (issue 16): the example
 * {@code keycount} jar on {@code JMOSH_PLUGIN_PATH} and {@code -Djmosh.predictor=keycount} make
 * {@code jmosh} draw its key counter instead of mosh's local echo.
 */
class PluginPredictorTest {
    private static Path exampleJar() throws Exception {
        Path target = Conformance.root().resolve("examples/custom-predictor/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("example-custom-predictor-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("build examples/custom-predictor first"));
        }
    }

    @Test
    @Timeout(90)
    void aPredictorOnThePluginPathIsSelectedByName() throws Exception {
        Conformance.require("tmux");
        String jmosh = Conformance.root().resolve("bin/jmosh").toString();
        try (Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 JMOSH_PLUGIN_PATH=" + exampleJar()
                + " JMOSH_JAVA_OPTS=-Djmosh.predictor=keycount " + jmosh
                + " --local -- /bin/bash --norc --noprofile; echo JMOSH_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            tmux.type("echo one");
            assertThat(tmux.await(s -> s.lines().findFirst().orElse("").strip().endsWith("keys:8"), 10_000))
                    .as("the counter in the top-right corner").contains("keys:8");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("keys:9"), 10_000)).contains("keys:9");
            tmux.keys("C-^");
            tmux.type(".");
            assertThat(tmux.await(s -> s.contains("JMOSH_RC="), 15_000)).contains("JMOSH_RC=0");
        }
    }
}
