package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real mosh-client 1.4.0 in tmux against bin/jmosh-server: the prompt appears, typing
 * echoes, colours arrive, {@code stty size} follows a window resize, and {@code exit} ends both
 * with status 0.
 */
class MoshClientVsJmoshServerTest {

    @Test
    @Timeout(90)
    void moshClientWorksWithJmoshServer() throws Exception {
        Conformance.require("mosh-client", "tmux");
        try (MoshServer server = MoshServer.startJmosh("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " mosh-client 127.0.0.1 "
                     + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 20_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("jmosh-");

            tmux.type("printf '\\033[31mred\\033[0m plain\\n'");
            tmux.keys("Enter");
            tmux.await(s -> s.contains("red plain"), 10_000);
            assertThat(tmux.run("capture-pane", "-p", "-e", "-t", "t")).contains("\u001b[31mred\u001b[39m plain");

            tmux.resize(100, 30);
            tmux.type("stty size");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("30 100"), 10_000)).contains("30 100");

            tmux.type("exit");
            tmux.keys("Enter");
            String end = tmux.await(s -> s.contains("CLIENT_RC="), 15_000);
            assertThat(end).contains("[mosh is exiting.]").contains("CLIENT_RC=0");
            assertThat(server.awaitExit(5_000)).as("jmosh-server exits after the shell").isTrue();
        }
    }

    @Test
    @Timeout(90)
    void ctrlCaretDotFromMoshClientEndsJmoshServer() throws Exception {
        Conformance.require("mosh-client", "tmux");
        try (MoshServer server = MoshServer.startJmosh("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " mosh-client 127.0.0.1 "
                     + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            tmux.await(Conformance::hasPrompt, 20_000);
            tmux.keys("C-^");
            tmux.type(".");
            assertThat(tmux.await(s -> s.contains("CLIENT_RC="), 15_000)).contains("CLIENT_RC=0");
            assertThat(server.awaitExit(5_000)).as("jmosh-server exits after the client's shutdown").isTrue();
        }
    }
}
