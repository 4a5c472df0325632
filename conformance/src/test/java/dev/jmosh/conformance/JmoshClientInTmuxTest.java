package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@code bin/jmosh-client} under tmux, as a person uses it, against the real
 * mosh-server: type, read the screen, resize the window, quit with Ctrl-^ . and check that both
 * processes end and the terminal is given back.
 */
class JmoshClientInTmuxTest {

    static Path launcher() {
        Path p = Conformance.root().resolve("bin/jmosh-client");
        assertThat(Files.isExecutable(p)).as("%s is executable", p).isTrue();
        return p;
    }

    /** The shell command that runs the client against {@code server}. */
    static String clientCommand(MoshServer server, Path client) {
        return "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " " + client + " 127.0.0.1 " + server.port;
    }

    /** Shell text that prints TTY_RESTORED when the settings saved in $S are back. */
    private static final String TTY_CHECK = " [ \"$(stty -g)\" = \"$S\" ] && echo TTY_RESTORED; sleep 60";

    static String awaitTitle(Tmux tmux, String want) throws Exception {
        String title = "";
        for (int i = 0; i < 100 && !title.equals(want); i++) {
            Thread.sleep(100);
            title = tmux.run("display", "-p", "-t", "t", "#{pane_title}").strip();
        }
        return title;
    }

    @Test
    @Timeout(90)
    void sigtermShutsDownCleanlyAndRestoresTheTerminal() throws Exception {
        Conformance.require("mosh-server", "tmux");
        Path client = launcher();
        Path pidFile = java.nio.file.Files.createTempFile("jmosh-client", ".pid");
        try (MoshServer server = MoshServer.start("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "S=$(stty -g); " + clientCommand(server, client)
                     + " </dev/tty & echo $! > " + pidFile + "; wait $!; echo CLIENT_RC=$?;" + TTY_CHECK)) {
            // signal only once the session is up (its handlers exist by then), not after a guess
            tmux.await(Conformance::hasPrompt, 20_000);
            long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
            new ProcessBuilder("kill", "-TERM", Long.toString(pid)).inheritIO().start().waitFor();
            String end = tmux.await(s -> s.contains("CLIENT_RC="), 25_000);
            assertThat(end).contains("[mosh is exiting.]").contains("CLIENT_RC=0").contains("TTY_RESTORED");
            assertThat(server.awaitExit(5_000)).as("mosh-server exits after the client's shutdown").isTrue();
        } finally {
            java.nio.file.Files.deleteIfExists(pidFile);
        }
    }

    @Test
    @Timeout(90)
    void aPersonCanTypeResizeAndQuit() throws Exception {
        Conformance.require("mosh-server", "tmux");
        Path client = launcher();
        try (MoshServer server = MoshServer.start("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "S=$(stty -g); " + clientCommand(server, client)
                     + "; echo CLIENT_RC=$?;" + TTY_CHECK)) {
            String prompt = tmux.await(Conformance::hasPrompt, 20_000);
            assertThat(prompt).matches(Conformance::hasPrompt);

            tmux.assertEchoes("jmosh-");

            tmux.resize(100, 30);
            tmux.type("stty size");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("30 100"), 10_000)).contains("30 100");

            String token = Conformance.token();
            tmux.type("printf '\\033]0;%s\\007' title-" + token);
            tmux.keys("Enter");
            assertThat(awaitTitle(tmux, "[mosh] title-" + token)).isEqualTo("[mosh] title-" + token);

            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("TTY_RESTORED"), 15_000);
            assertThat(end).contains("[mosh is exiting.]").contains("CLIENT_RC=0").contains("TTY_RESTORED");
            assertThat(server.awaitExit(5_000)).as("mosh-server exits after Ctrl-^ .").isTrue();
        }
    }
}
