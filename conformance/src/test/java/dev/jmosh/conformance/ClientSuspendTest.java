package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Suspend and resume under tmux, the same for jmosh-client as for mosh-client 1.4.0 (each test
 * runs the real mosh-client through the same steps): {@code Ctrl-^ Ctrl-Z} gives the terminal
 * back and stops the job, {@code fg} takes it again and repaints the screen whole, any number
 * of times, with and without the alternate screen, and so after a SIGTSTP from outside; in a
 * shell without job control (where tmux continues the stopped pane at once) the session goes on;
 * and a SIGCONT after a SIGSTOP takes the terminal back (raw mode) and repaints, and a resize
 * made meanwhile reaches the server before the keys typed after it.
 */
class ClientSuspendTest {
    /** The client under test. */
    enum Program { MOSH_CLIENT, JMOSH_CLIENT, JMOSH_LOCAL }

    private static final String IN = "IN$";
    private static final String OUT = "OUT$";
    private static final String[] INNER_SHELL = {"/usr/bin/env", "PS1=" + IN + " ", "/bin/bash", "--norc", "--noprofile"};
    private static final int CYCLES = 3;

    static List<Arguments> jobControl() {
        List<Arguments> all = new ArrayList<>();
        for (Program p : List.of(Program.MOSH_CLIENT, Program.JMOSH_CLIENT)) {
            all.add(Arguments.of(p, false));
            all.add(Arguments.of(p, true));
        }
        all.add(Arguments.of(Program.JMOSH_LOCAL, false));
        return all;
    }

    /** The client's command line; {@code server} is null for {@link Program#JMOSH_LOCAL}, which starts its own. */
    private static String client(Program p, MoshServer server, boolean noTermInit) {
        String cmd = switch (p) {
            case MOSH_CLIENT -> ClientCommand.moshClient(server);
            case JMOSH_CLIENT -> ClientCommand.jmoshClient(server);
            case JMOSH_LOCAL -> "env LANG=C.UTF-8 " + Conformance.root().resolve("bin/jmosh") + " --local -- "
                    + String.join(" ", INNER_SHELL).replace("PS1=" + IN + " ", "'PS1=" + IN + " '");
        };
        return noTermInit ? cmd.replaceFirst("^env ", "env MOSH_NO_TERM_INIT=1 ") : cmd;
    }

    private static MoshServer server(Program p) throws Exception {
        return p == Program.JMOSH_LOCAL ? null : MoshServer.start(INNER_SHELL);
    }

    /** The modes of the pane while the client has it. */
    private static String taken(boolean noTermInit) {
        return "alternate=" + (noTermInit ? 0 : 1) + " cursor=1 appcursor=1 mouse=0,0,0,0,0";
    }

    /** Waits until the screen is exactly {@code want} again: the client repainted it whole. */
    private static void assertRepainted(Tmux tmux, String want, String when) throws Exception {
        assertThat(tmux.await(want::equals, 15_000)).as("the screen whole again %s", when).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}, MOSH_NO_TERM_INIT {1}")
    @MethodSource("jobControl")
    @Timeout(240)
    void suspendAndFgAgainAndAgainInAShellWithJobControl(Program program, boolean noTermInit) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        try (MoshServer server = server(program);
             Tmux tmux = new Tmux(80, 24, "env PS1='" + OUT + " ' bash --norc --noprofile -i")) {
            assertThat(tmux.await(s -> s.contains(OUT), 10_000)).contains(OUT);
            tmux.type("S=$(stty -g); " + client(program, server, noTermInit));
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains(IN), 40_000)).as("the inner prompt").contains(IN);
            tmux.assertEchoes("before-");
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                String before = tmux.screen();
                tmux.keys("C-^", "C-z");
                String suspended = tmux.await(s -> s.contains("Stopped") && s.strip().endsWith(OUT), 15_000);
                assertThat(suspended.strip()).as("cycle %d: the outer shell has the terminal", cycle)
                        .contains("[mosh is suspended.]").endsWith(OUT);
                assertThat(PaneModes.await(tmux, PaneModes.GIVEN_BACK, 5_000)).isEqualTo(PaneModes.GIVEN_BACK);
                tmux.type("[ \"$(stty -g)\" = \"$S\" ] && echo SAME-$((100+" + cycle + "))");
                tmux.keys("Enter");
                String same = "SAME-" + (100 + cycle);
                assertThat(tmux.await(s -> s.lines().anyMatch(same::equals), 10_000).lines())
                        .as("cycle %d: the terminal settings as saved", cycle).contains(same);
                tmux.type("fg");
                tmux.keys("Enter");
                assertRepainted(tmux, before, "after fg, cycle " + cycle);
                assertThat(PaneModes.await(tmux, taken(noTermInit), 5_000)).isEqualTo(taken(noTermInit));
                tmux.assertEchoes("cycle" + cycle + "-");
            }
            // a stop from outside (SIGTSTP, no handler in mosh): the shell takes over, fg continues it
            String before = tmux.screen();
            ClientCommand.signal(clientOf(tmux), "TSTP");
            String stopped = tmux.await(s -> s.contains("Stopped") && s.strip().endsWith(OUT), 15_000);
            assertThat(stopped.strip()).as("stopped by SIGTSTP: the outer shell has the terminal").endsWith(OUT);
            tmux.type("fg");
            tmux.keys("Enter");
            assertRepainted(tmux, before, "after SIGTSTP and fg");
            assertThat(PaneModes.await(tmux, taken(noTermInit), 5_000)).isEqualTo(taken(noTermInit));
            tmux.assertEchoes("tstp-");
            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("[mosh is exiting.]") && s.strip().endsWith(OUT), 20_000);
            assertThat(end.strip()).contains("[mosh is exiting.]").endsWith(OUT);
            tmux.type("[ \"$(stty -g)\" = \"$S\" ] && echo SAME-$((200+1))");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.lines().anyMatch("SAME-201"::equals), 10_000).lines()).contains("SAME-201");
            if (server != null) {
                assertThat(server.awaitExit(5_000)).as("the server shut down").isTrue();
            }
        }
    }

    /** The client the pane's interactive shell runs (its one child that is not a command substitution). */
    private static long clientOf(Tmux tmux) throws Exception {
        long shell = Long.parseLong(tmux.format("#{pane_pid}"));
        return ProcessHandle.of(shell).orElseThrow().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("/mosh-client")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no client under the pane's shell")).pid();
    }

    /** Runs {@code program} in a shell without job control through the suspend cycles; returns the screen at the end. */
    private static String withoutJobControl(Program program) throws Exception {
        try (MoshServer server = server(program);
             Tmux tmux = new Tmux(80, 24, "S=$(stty -g); " + client(program, server, false) + "; echo RC=$?; "
                     + "if [ \"$(stty -g)\" = \"$S\" ]; then echo TTY=same; else echo TTY=changed; fi; sleep 120")) {
            assertThat(tmux.await(s -> s.contains(IN), 40_000)).as("the inner prompt").contains(IN);
            tmux.assertEchoes("before-");
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                String before = tmux.screen();
                tmux.keys("C-^", "C-z");
                // tmux continues a stopped pane at once: the client takes the terminal back (the
                // alternate screen again, the normal one holding one more message) and repaints
                long times = cycle;
                String hidden = awaitHidden(tmux, h -> suspensions(h) == times);
                assertThat(suspensions(hidden)).as("cycle %d: suspended and back, the normal screen:%n%s", cycle, hidden)
                        .isEqualTo(cycle);
                assertRepainted(tmux, before, "after the stop, cycle " + cycle);
                tmux.assertEchoes("cycle" + cycle + "-");
            }
            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("TTY="), 20_000);
            assertThat(server == null || server.awaitExit(5_000)).as("the server shut down").isTrue();
            return end;
        }
    }

    private static long suspensions(String screen) {
        return screen.lines().filter("[mosh is suspended.]"::equals).count();
    }

    private static String awaitHidden(Tmux tmux, java.util.function.Predicate<String> ok) throws Exception {
        long end = System.nanoTime() + 15_000_000_000L;
        String h = tmux.hiddenScreen();
        while (!ok.test(h) && System.nanoTime() < end) {
            Thread.sleep(50);
            h = tmux.hiddenScreen();
        }
        return h;
    }

    @Test
    @Timeout(240)
    void withoutJobControlTheSessionGoesOnAsMoshClientsDoes() throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        String mosh = withoutJobControl(Program.MOSH_CLIENT);
        String jmosh = withoutJobControl(Program.JMOSH_CLIENT);
        assertThat(suspensions(mosh)).as("mosh-client's screen:%n%s", mosh).isEqualTo(CYCLES);
        assertThat(jmosh).as("the screen after the session, against mosh-client's").isEqualTo(mosh);
        assertThat(jmosh).contains("RC=0").contains("TTY=same");
    }

    private static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private static void awaitStopped(long pid) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (state(pid) != 'T' && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(state(pid)).as("stopped by SIGSTOP").isEqualTo('T');
    }

    private static String stty(String tty, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(new java.io.File(tty)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Program.class, names = {"MOSH_CLIENT", "JMOSH_CLIENT"})
    @Timeout(180)
    void sigcontAfterAStopTakesTheTerminalBackAndRepaints(Program program) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        Path pidFile = Files.createTempFile("jmosh-client", ".pid");
        try (MoshServer server = server(program);
             Tmux tmux = new Tmux(80, 24, ClientCommand.inPane(client(program, server, false), pidFile))) {
            assertThat(tmux.await(s -> s.contains(IN), 40_000)).as("the inner prompt").contains(IN);
            long pid = ClientCommand.pid(pidFile);
            String tty = tmux.paneTty();
            tmux.assertEchoes("before-");
            String raw = stty(tty, "-g");
            // SIGSTOP: the pane's shell has no job control, so its process group is orphaned and
            // the kernel would discard a SIGTSTP (the job-control test stops the client that way)
            for (int round = 1; round <= 2; round++) {
                String mark = "GARBAGE-" + round;
                String before = tmux.screen();
                ClientCommand.signal(pid, "STOP");
                awaitStopped(pid);
                // meanwhile someone else uses the terminal: cooked mode, and text on the screen
                stty(tty, "sane");
                Files.writeString(Path.of(tty), "\r\n" + mark + "\r\n");
                assertThat(tmux.await(s -> s.contains(mark), 5_000)).contains(mark);
                assertThat(stty(tty, "-g")).isNotEqualTo(raw);
                ClientCommand.signal(pid, "CONT");
                assertRepainted(tmux, before, "after SIGSTOP and SIGCONT, round " + round);
                assertThat(stty(tty, "-g")).as("raw mode again after SIGCONT, round %d", round).isEqualTo(raw);
                tmux.assertEchoes("round" + round + "-");
            }
            // the window resized and a command typed while stopped: the resize reaches the server first
            ClientCommand.signal(pid, "STOP");
            awaitStopped(pid);
            tmux.resize(100, 30);
            tmux.type("stty size");
            tmux.keys("Enter");
            ClientCommand.signal(pid, "CONT");
            assertThat(tmux.await(s -> s.contains("30 100") || s.contains("24 80"), 15_000))
                    .as("stty's answer after SIGCONT").contains("30 100");
            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("TTY="), 20_000);
            assertThat(end).contains("[mosh is exiting.]").contains("RC=0").contains("TTY=same");
            assertThat(server.awaitExit(5_000)).as("the server shut down").isTrue();
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }
}
