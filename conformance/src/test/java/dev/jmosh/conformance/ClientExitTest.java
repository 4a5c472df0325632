package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;

/**
 * Every way jmosh-client can end, under tmux against a real mosh-server and a jmosh-server: it
 * gives the terminal back (driver settings as saved, alternate screen left, cursor shown,
 * application cursor keys, mouse and bracketed paste off), prints {@code [mosh is exiting.]},
 * and the server is told to shut down (its daemon is gone within seconds). The ways: the
 * escape key and ".", SIGTERM, SIGINT, SIGHUP and SIGPIPE (mosh-client shuts down on each), the
 * pane killed under it, and an unexpected exception in the client (a test launcher whose
 * renderer throws). The alternate screen is entered and left with terminfo's strings, as
 * mosh-client does.
 */
class ClientExitTest {
    /** What ends the client. */
    enum Ending { QUIT, SIGTERM, SIGINT, SIGHUP, SIGPIPE, PANE_KILLED, ERROR }

    /** Which server the client talks to. */
    enum Server { MOSH_SERVER, JMOSH_SERVER }

    /** The inner shell's prompt. */
    private static final String PROMPT = "IN$";
    /** The modes a remote program set: mouse (button events, SGR encoding), cursor hidden. */
    private static final String SET_MODES = "printf '\\033[?1002h\\033[?1006h\\033[?25l'";

    static List<Arguments> endings() {
        List<Arguments> all = new ArrayList<>();
        for (Ending e : Ending.values()) {
            for (Server s : Server.values()) {
                all.add(Arguments.of(e, s, false));
            }
        }
        all.add(Arguments.of(Ending.QUIT, Server.JMOSH_SERVER, true));
        all.add(Arguments.of(Ending.SIGTERM, Server.MOSH_SERVER, true));
        return all;
    }

    static MoshServer start(Server server) throws Exception {
        String[] shell = {"/usr/bin/env", "PS1=" + PROMPT + " ", "/bin/bash", "--norc", "--noprofile"};
        return server == Server.MOSH_SERVER ? MoshServer.start(shell) : MoshServer.startJmosh(shell);
    }

    /** What a client writes to a pane with {@code TERM} set to {@code term}, from start to exit. */
    private static String output(String program, String term) throws Exception {
        Path log = Files.createTempFile("pane", ".log");
        try (MoshServer server = start(Server.MOSH_SERVER);
             Tmux tmux = new Tmux(80, 24, "read -r _; env TERM=" + term + " LANG=C.UTF-8 MOSH_KEY=" + server.key + " "
                     + program + " 127.0.0.1 " + server.port + "; echo RC=$?; sleep 60")) {
            tmux.run("pipe-pane", "-t", "t", "-o", "cat >> " + log);
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains(PROMPT), 40_000)).as("the inner prompt").contains(PROMPT);
            tmux.keys("C-^");
            tmux.type(".");
            assertThat(tmux.await(s -> s.contains("RC="), 20_000)).contains("RC=0");
            tmux.run("pipe-pane", "-t", "t");
            return Files.readString(log, java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @org.junit.jupiter.api.Test
    @Timeout(150)
    void theAlternateScreenIsEnteredAndLeftWithTerminfosStringsAsMoshClientDoes() throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        String jmosh = JmoshClientInTmuxTest.launcher().toString();
        // xterm's strings also save and restore the window title; the linux console has none
        String smcup = "\033[?1049h\033[22;0;0t";
        String rmcup = "\033[?1049l\033[23;0;0t";
        for (String program : new String[] {"mosh-client", jmosh}) {
            String xterm = output(program, "xterm-256color");
            assertThat(xterm).as("%s in an xterm", program).contains(smcup).contains(rmcup + "[mosh is exiting.]");
            String linux = output(program, "linux");
            assertThat(linux).as("%s on the linux console", program).doesNotContain("\033[?1049").contains("[mosh is exiting.]");
        }
    }

    @ParameterizedTest(name = "{0} against {1}, MOSH_NO_TERM_INIT {2}")
    @MethodSource("endings")
    @Timeout(150)
    void theTerminalIsGivenBackAndTheServerToldToShutDown(Ending ending, Server which, boolean noTermInit)
            throws Exception {
        Conformance.require("mosh-server", "tmux");
        Path pidFile = Files.createTempFile("jmosh-client", ".pid");
        try (MoshServer server = start(which)) {
            String client = ending == Ending.ERROR ? ClientCommand.faultyClient(server) : ClientCommand.jmoshClient(server);
            if (noTermInit) {
                client = client.replaceFirst("^env ", "env MOSH_NO_TERM_INIT=1 ");
            }
            try (Tmux tmux = new Tmux(80, 24, ClientCommand.inPane(client, pidFile))) {
                assertThat(tmux.await(s -> s.contains(PROMPT), 40_000)).as("the inner prompt").contains(PROMPT);
                long pid = ClientCommand.pid(pidFile);
                tmux.type(SET_MODES);
                tmux.keys("Enter");
                String set = "alternate=" + (noTermInit ? 0 : 1) + " cursor=0 appcursor=1 mouse=1,1,0,0,1";
                assertThat(PaneModes.await(tmux, set, 10_000)).as("the modes the session set").isEqualTo(set);

                switch (ending) {
                    case QUIT -> {
                        tmux.keys("C-^");
                        tmux.type(".");
                    }
                    case SIGTERM -> ClientCommand.signal(pid, "TERM");
                    case SIGINT -> ClientCommand.signal(pid, "INT");
                    case SIGHUP -> ClientCommand.signal(pid, "HUP");
                    case SIGPIPE -> ClientCommand.signal(pid, "PIPE");
                    case PANE_KILLED -> tmux.run("kill-pane", "-t", "t");
                    case ERROR -> {
                        tmux.type("printf '" + ClientCommand.FAULT_TRIGGER.replace("-NOW", "-%s") + "\\n' NOW");
                        tmux.keys("Enter");
                    }
                    default -> throw new AssertionError(ending);
                }
                if (ending == Ending.PANE_KILLED) {
                    // no terminal left to look at: the client must still end and tell the server
                    assertThat(ClientCommand.awaitGone(pid, 20_000)).as("the client ends when its terminal hangs up").isTrue();
                    assertThat(server.awaitExit(5_000)).as("the server was told to shut down").isTrue();
                    return;
                }
                String end = tmux.await(s -> s.contains("TTY="), 25_000);
                assertThat(end).contains("[mosh is exiting.]").contains("TTY=same")
                        .contains(ending == Ending.ERROR ? "RC=1" : "RC=0");
                if (ending == Ending.ERROR) {
                    assertThat(end).contains(ClientCommand.FAULT_ERROR);
                }
                assertThat(server.awaitExit(5_000)).as("the server was told to shut down").isTrue();
                assertThat(PaneModes.of(tmux)).isEqualTo(PaneModes.GIVEN_BACK);
                assertThat(PaneModes.bracketedPaste(tmux)).as("bracketed paste left on").isFalse();
            }
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }
}
