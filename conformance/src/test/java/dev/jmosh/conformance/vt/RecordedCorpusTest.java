package dev.jmosh.conformance.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded corpus: what real programs (ls, top, htop, vim, less, man, git log, an
 * interactive shell) wrote to a terminal, recorded once by {@code vt-corpus/record.sh} into
 * {@code NAME.COLSxROWS.vt} files and committed, replayed into jmosh's emulator and into tmux
 * panes of that size. Each recording is one stream named {@code rec-NAME}, and also one stream
 * per prefix of it ({@code rec-NAME@BYTES}: {@value #PREFIXES} cuts before an ESC or after a
 * LF, spread over the file), so a divergence early in a recording cannot be hidden by a later
 * redraw.
 */
class RecordedCorpusTest {
    private static final Pattern FILE = Pattern.compile("(.+)\\.([0-9]+)x([0-9]+)\\.vt");
    private static final int PREFIXES = 8;

    @TempDir
    Path dir;

    static List<VtStream> corpus() throws IOException {
        List<VtStream> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(VtConformance.corpus())) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                int cols = Integer.parseInt(m.group(2));
                int rows = Integer.parseInt(m.group(3));
                String name = "rec-" + m.group(1);
                out.add(new VtStream(name, cols, rows, bytes));
                for (int k = 1; k < PREFIXES; k++) {
                    int cut = boundaryAfter(bytes, (int) ((long) bytes.length * k / PREFIXES));
                    if (cut > 0 && cut < bytes.length) {
                        out.add(new VtStream(name + "@" + cut, cols, rows, java.util.Arrays.copyOf(bytes, cut)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The first index at or after {@code from} just before an ESC or just after a LF: a cut that
     * splits neither a character nor (but for a string's ST) a control sequence; or -1.
     */
    private static int boundaryAfter(byte[] b, int from) {
        for (int i = Math.max(1, from); i < b.length; i++) {
            if (b[i] == 0x1B || b[i - 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    @Timeout(120)
    void jmoshShowsWhatTmuxShows() throws Exception {
        VtConformance.require("tmux");
        List<VtStream> corpus = corpus();
        assertThat(corpus.stream().map(VtStream::name).filter(n -> !n.contains("@")))
                .as("the recorded programs").contains("rec-ls", "rec-top", "rec-top-batch", "rec-htop", "rec-vim",
                        "rec-less", "rec-man", "rec-git-log", "rec-shell");
        Map<String, String> allowed = Divergences.of(Divergences.load(), "rec-");
        try (TmuxReplay tmux = new TmuxReplay(dir)) {
            Differential.CorpusResult result = Differential.compareAll("recorded", "tmux", corpus, tmux.replay(corpus));
            assertThat(result.cells()).as("cells compared").isGreaterThan(100_000);
            Differential.check(result, allowed);
        }
    }
}
