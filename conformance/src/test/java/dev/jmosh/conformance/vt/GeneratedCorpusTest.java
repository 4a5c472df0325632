package dev.jmosh.conformance.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated corpus ({@link StreamGenerator}, {@link EdgeStreams}) replayed into jmosh's
 * emulator and into tmux panes of the same size; every stream whose screen differs must be on
 * the allow-list ({@link Divergences}), and every generated entry there must still differ.
 */
class GeneratedCorpusTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void jmoshShowsWhatTmuxShows() throws Exception {
        VtConformance.require("tmux");
        List<VtStream> corpus = StreamGenerator.corpus();
        assertThat(corpus).as("a non-trivial corpus").hasSizeGreaterThan(300);
        assertThat(corpus.stream().mapToLong(s -> s.bytes().length).sum()).isGreaterThan(100_000);
        Map<String, String> allowed = Divergences.of(Divergences.load(), "mix-", "sgr-", "unicode-", "wrap-",
                "scroll-", "edge-");
        try (TmuxReplay tmux = new TmuxReplay(dir)) {
            Differential.CorpusResult result = Differential.compareAll("generated", "tmux", corpus, tmux.replay(corpus));
            assertThat(result.cells()).as("cells compared").isGreaterThan(300_000);
            Differential.check(result, allowed);
        }
    }
}
