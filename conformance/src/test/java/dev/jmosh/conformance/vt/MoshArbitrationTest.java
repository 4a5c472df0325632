package dev.jmosh.conformance.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where jmosh and tmux disagree and the allow-list says "mosh 1.4.0" is right, the real mosh
 * decides: every such generated or recorded stream is replayed through mosh-server and mosh-client
 * ({@link MoshReplay}), and jmosh's screen must be mosh's, cell for cell, with the cursor. So
 * the claim "jmosh follows mosh here" is measured, not read off the source. With
 * {@code -Djmosh.vt.arbitrate.also=PREFIX}, entries whose reason starts with PREFIX are replayed
 * too (to triage new divergences).
 */
class MoshArbitrationTest {
    /** The reason prefix of the divergences where mosh 1.4.0 is the reference. */
    static final String MOSH_WINS = "mosh 1.4.0";

    @TempDir
    Path dir;

    @Test
    @Timeout(420)
    void whereJmoshAndTmuxDifferJmoshShowsWhatMoshShows() throws Exception {
        VtConformance.require("tmux", "mosh-server", "mosh-client");
        Map<String, String> allowed = Divergences.load();
        List<VtStream> disputed = new ArrayList<>();
        List<VtStream> all = new ArrayList<>(StreamGenerator.corpus());
        all.addAll(RecordedCorpusTest.corpus());
        for (VtStream s : all) {
            String entry = Differential.entry(allowed, s.name());
            String also = System.getProperty("jmosh.vt.arbitrate.also", MOSH_WINS); // e.g. UNTRIAGED, to triage
            if (entry != null && (allowed.get(entry).startsWith(MOSH_WINS) || allowed.get(entry).startsWith(also))) {
                disputed.add(s);
            }
        }
        assertThat(disputed).as("streams where mosh is said to be right").hasSizeGreaterThan(20);
        try (MoshReplay mosh = new MoshReplay(dir)) {
            // faint and strikethrough are beyond mosh 1.4.0, which ignores them
            Differential.CorpusResult result = Differential.compareAll("disputed", "mosh", disputed,
                    mosh.replay(disputed), CellGrid.COMPARED_ATTRIBUTES & ~CellGrid.FAINT & ~CellGrid.STRIKETHROUGH);
            System.out.println(result.report(Map.of()));
            List<String> differ = new ArrayList<>();
            for (Differential.StreamResult r : result.results()) {
                if (!r.matches()) {
                    differ.add(r.stream().name() + "\n" + r.details("mosh"));
                }
            }
            assertThat(differ).as("jmosh differs from real mosh on streams the allow-list blames on tmux").isEmpty();
        }
    }
}
