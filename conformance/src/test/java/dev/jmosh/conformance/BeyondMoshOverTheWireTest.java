package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What jmosh-server's emulator keeps beyond mosh 1.4.0 (alternate screen, DEC line drawing,
 * faint and strikethrough, OSC 8 links, cursor style) travels in its frame diffs. The real
 * mosh-client must take all of it without a hiccup (it ignores what it does not know; none of
 * it may trip an assert, mosh-protocol.md §11), and jmosh-client must show it.
 */
class BeyondMoshOverTheWireTest {
    /**
     * Prints a box in line drawing, a link, faint and crossed-out text and a cursor style (the
     * octal escapes keep the typed command from containing what it prints).
     */
    private static final String DRAW = "printf '\\033(0lqqk\\033(B \\033]8;;http://e.org/\\033\\\\link\\033]8;;\\033\\\\"
            + " \\033[2mfaint\\033[0m \\033[9mstr\\165ck\\033[0m \\033[5 q\\n'";
    private static final String DRAWN = "\u250c\u2500\u2500\u2510 link faint struck";
    /** Shows text on the alternate screen, waits for a key, and leaves it again. */
    private static final String ALTERNATE = "printf '\\033[?1049h\\033[HALT-\\123CREEN'; read x; printf '\\033[?1049l'";

    private static void exercise(Tmux tmux) throws Exception {
        tmux.await(Conformance::hasPrompt, 20_000);
        tmux.type(DRAW);
        tmux.keys("Enter");
        assertThat(tmux.await(s -> s.contains(DRAWN), 10_000)).contains(DRAWN);
        tmux.type(ALTERNATE);
        tmux.keys("Enter");
        String alt = tmux.await(s -> s.contains("ALT-SCREEN"), 10_000);
        assertThat(alt).as("the alternate screen starts blank").doesNotContain(DRAWN).doesNotContain("printf");
        tmux.keys("Enter");
        String back = tmux.await(s -> s.contains(DRAWN) && !s.contains("ALT-SCREEN"), 10_000);
        assertThat(back).as("the primary screen is back").contains(DRAWN).doesNotContain("ALT-SCREEN");
        tmux.assertEchoes("after-");
    }

    @Test
    @Timeout(90)
    void moshClientTakesItAll() throws Exception {
        Conformance.require("mosh-client", "tmux");
        try (MoshServer server = MoshServer.startJmosh("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " mosh-client 127.0.0.1 "
                     + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            exercise(tmux);
            assertThat(tmux.screen()).doesNotContain("CLIENT_RC");
            assertThat(server.alive()).isTrue();
        }
    }

    @Test
    @Timeout(90)
    void jmoshClientShowsIt() throws Exception {
        Conformance.require("tmux");
        String client = Conformance.root().resolve("bin/jmosh-client").toString();
        try (MoshServer server = MoshServer.startJmosh("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " " + client + " 127.0.0.1 "
                     + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            exercise(tmux);
            String sgr = tmux.run("capture-pane", "-p", "-e", "-t", "t");
            assertThat(sgr).contains("\u001b[2mfaint").contains("\u001b[9mstruck");
            assertThat(tmux.screen()).doesNotContain("CLIENT_RC");
        }
    }
}
