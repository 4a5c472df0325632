package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jmosh-client and the real mosh-client given the same bad input print the same messages and
 * exit with the same status: a missing or bad key, a TERM without terminfo, a non-numeric IP, a
 * non-UTF-8 locale (refused before the terminal is touched), no tty, a bad port, ports beyond
 * 65535 or 0, an unknown prediction mode.
 */
class ClientMessagesTest {

    record Result(int code, String out, String err) {
    }

    private static Result run(String program, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"));
        pb.environment().remove("MOSH_KEY");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("MOSH_PREDICTION_DISPLAY");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(program + " hung");
        }
        return new Result(p.exitValue(), out, err);
    }

    private static void same(Map<String, String> env, String... args) throws Exception {
        Result mosh = run("mosh-client", env, args);
        Result jmosh = run(JmoshClientInTmuxTest.launcher().toString(), env, args);
        assertThat(jmosh.code()).as("exit status for %s %s", env, List.of(args)).isEqualTo(mosh.code());
        assertThat(jmosh.err().replace("jmosh-client", "mosh-client"))
                .as("stderr for %s %s", env, List.of(args)).isEqualTo(mosh.err());
        assertThat(jmosh.out()).as("stdout").isEqualTo(mosh.out());
    }

    @Test
    @Timeout(120)
    void sameMessagesAndStatusAsMoshClient() throws Exception {
        Conformance.require("mosh-client");
        same(Map.of(), "127.0.0.1", "60001");                                     // no MOSH_KEY
        same(Map.of("MOSH_KEY", "jeYHHLGDF4noDdb3vKJtZQ"), "127.0.0.1", "60001"); // no tty
        same(Map.of("MOSH_KEY", "jeYHHLGDF4noDdb3vKJtZQ", "LC_ALL", "C"), "127.0.0.1", "60001");
        same(Map.of("MOSH_KEY", "jeYHHLGDF4noDdb3vKJtZQ", "MOSH_PREDICTION_DISPLAY", "sometimes"),
                "127.0.0.1", "60001");
        // no terminfo entry: refused before the prediction mode and the locale are looked at
        same(Map.of("MOSH_KEY", "jeYHHLGDF4noDdb3vKJtZQ", "TERM", "no-such-terminal"), "127.0.0.1", "60001");
        same(Map.of("MOSH_KEY", "jeYHHLGDF4noDdb3vKJtZQ", "TERM", ""), "127.0.0.1", "60001");
        same(Map.of("MOSH_KEY", "jeYHHLGDF4noDdb3vKJtZQ", "TERM", "no-such-terminal", "LC_ALL", "C",
                "MOSH_PREDICTION_DISPLAY", "sometimes"), "127.0.0.1", "60001");
        same(Map.of("TERM", "no-such-terminal"), "127.0.0.1", "60001"); // the key comes first
    }

    /** {@code -c}, which mosh.pl asks for the colour count: terminfo's number, or ncurses' complaint. */
    @Test
    @Timeout(120)
    void theColourCountAsMoshClientPrintsIt() throws Exception {
        Conformance.require("mosh-client");
        for (String term : new String[] {"xterm-256color", "xterm", "vt100", "dumb", "no-such-terminal", ""}) {
            same(Map.of("TERM", term), "-c");
        }
    }

    @Test
    @Timeout(60)
    void badArgumentsGiveUsageAndStatusOne() throws Exception {
        Conformance.require("mosh-client");
        for (String[] args : new String[][] {{"127.0.0.1", "60a"}, {"1", "2", "3"}, {"-x", "1", "2"}}) {
            Result mosh = run("mosh-client", Map.of(), args);
            Result jmosh = run(JmoshClientInTmuxTest.launcher().toString(), Map.of(), args);
            assertThat(jmosh.code()).isEqualTo(mosh.code()).isEqualTo(1);
            assertThat(jmosh.err()).contains("Usage: jmosh-client [-# 'ARGS'] IP PORT");
            if (mosh.err().contains("Bad UDP port")) {
                assertThat(jmosh.err()).startsWith("jmosh-client: Bad UDP port (60a)\n\n");
            }
        }
    }

    @Test
    @Timeout(90)
    void badKeyAndBadAddressOnATtyMatchMoshClient() throws Exception {
        Conformance.require("mosh-client", "tmux");
        String jmosh = JmoshClientInTmuxTest.launcher().toString();
        String[][] cases = {
            {"jeYHHLGDF4noDdb3vKJtZZ", "127.0.0.1", "60001"},  // last character carries nonzero padding bits
            {"short", "127.0.0.1", "60001"},
            {"jeYHHLGDF4noDdb3vKJtZQ", "foo", "60001"},
            {"jeYHHLGDF4noDdb3vKJtZQ", "127.0.0.1", "4294967295"},  // getaddrinfo refuses it
            {"jeYHHLGDF4noDdb3vKJtZQ", "127.0.0.1", "18446744073709551617"},
        };
        for (String[] c : cases) {
            String[] screens = new String[2];
            String[] programs = {"mosh-client", jmosh};
            for (int i = 0; i < 2; i++) {
                try (Tmux tmux = new Tmux(100, 10, "env LANG=C.UTF-8 MOSH_KEY=" + c[0] + " " + programs[i] + " "
                        + c[1] + " " + c[2] + "; echo RC=$?; sleep 30")) {
                    screens[i] = tmux.await(s -> s.contains("RC="), 20_000).strip();
                }
            }
            assertThat(screens[1]).as("jmosh-client with key %s, ip %s, port %s", c[0], c[1], c[2]).isEqualTo(screens[0]);
        }
    }

    @Test
    @Timeout(60)
    void aNonUtf8LocaleIsRefusedBeforeTheTerminalIsTouched() throws Exception {
        Conformance.require("mosh-client", "tmux");
        String[] programs = {"mosh-client", JmoshClientInTmuxTest.launcher().toString()};
        String[] output = new String[2];
        String[] screens = new String[2];
        for (int i = 0; i < 2; i++) {
            Path log = Files.createTempFile("pane", ".log");
            try (Tmux tmux = new Tmux(100, 30, "read -r _; S=$(stty -g); env LANG=C.UTF-8 LC_ALL=C MOSH_KEY="
                    + "jeYHHLGDF4noDdb3vKJtZQ " + programs[i] + " 127.0.0.1 60001; echo RC=$?; "
                    + "if [ \"$(stty -g)\" = \"$S\" ]; then echo TTY=same; else echo TTY=changed; fi; sleep 30")) {
                tmux.run("pipe-pane", "-t", "t", "-o", "cat >> " + log);
                tmux.keys("Enter");
                screens[i] = tmux.await(s -> s.contains("TTY="), 20_000).strip();
                assertThat(PaneModes.of(tmux)).isEqualTo(PaneModes.GIVEN_BACK);
                tmux.run("pipe-pane", "-t", "t");
                output[i] = Files.readString(log, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(log);
            }
        }
        assertThat(screens[0]).contains("mosh-client needs a UTF-8 native locale to run.").contains("RC=1")
                .contains("TTY=same");
        assertThat(screens[1]).isEqualTo(screens[0]);
        assertThat(output[1]).as("every byte written to the terminal, against mosh-client's").isEqualTo(output[0])
                .doesNotContain("\033");
    }

    /** A client started on {@code port} in a pane whose stderr goes to {@code err}, and what it showed. */
    private record PortRun(Tmux tmux, Path err, String[] bar) {
    }

    @Test
    @Timeout(120)
    void portsBeyond65535AndPortZeroAreAnsweredAsMoshClientAnswersThem() throws Exception {
        Conformance.require("mosh-client", "tmux");
        String[] programs = {"mosh-client", JmoshClientInTmuxTest.launcher().toString()};
        String[] ports = {"99999", "0"};
        List<PortRun> runs = new ArrayList<>();
        try {
            for (String port : ports) {
                for (String program : programs) {
                    Path err = Files.createTempFile("client", ".err");
                    runs.add(new PortRun(new Tmux(100, 10, "S=$(stty -g); env LANG=C.UTF-8 MOSH_KEY=jeYHHLGDF4noDdb3vKJtZQ "
                            + program + " 127.0.0.1 " + port + " 2>" + err + "; echo RC=$?; "
                            + "if [ \"$(stty -g)\" = \"$S\" ]; then echo TTY=same; else echo TTY=changed; fi; sleep 60"),
                            err, new String[1]));
                }
            }
            for (int i = 0; i < runs.size(); i++) {
                String want = "mosh: Nothing received from server on UDP port " + ports[i / 2] + ". [To quit: Ctrl-^ .]";
                String screen = runs.get(i).tmux().await(s -> s.lines().findFirst().orElse("").strip().equals(want), 15_000);
                runs.get(i).bar()[0] = screen.lines().findFirst().orElse("").strip();
                assertThat(runs.get(i).bar()[0]).as("%s on port %s, while connecting", programs[i % 2], ports[i / 2])
                        .isEqualTo(want);
            }
            for (int i = 0; i < runs.size(); i += 2) {
                // mosh gives up 15 s after its last contact, then waits for its shutdown to time out
                String mosh = runs.get(i).tmux().await(s -> s.contains("TTY="), 60_000).strip();
                String jmosh = runs.get(i + 1).tmux().await(s -> s.contains("TTY="), 60_000).strip();
                assertThat(mosh).contains("[mosh is exiting.]").contains("RC=1").contains("TTY=same");
                assertThat(jmosh).as("the screen after port %s", ports[i / 2]).isEqualTo(mosh);
                assertThat(Files.readString(runs.get(i + 1).err())).as("stderr after port %s", ports[i / 2])
                        .isEqualTo(Files.readString(runs.get(i).err()))
                        .contains("mosh did not make a successful connection to 127.0.0.1:" + ports[i / 2] + ".");
                assertThat(PaneModes.of(runs.get(i + 1).tmux())).isEqualTo(PaneModes.GIVEN_BACK);
            }
        } finally {
            for (PortRun r : runs) {
                r.tmux().close();
                Files.deleteIfExists(r.err());
            }
        }
    }

    @Test
    @Timeout(120)
    void aPortBeyond65535ReachesItsLow16BitsAsWithMoshClient() throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        for (String program : new String[] {"mosh-client", JmoshClientInTmuxTest.launcher().toString()}) {
            try (MoshServer server = MoshServer.start("/usr/bin/env", "PS1=IN$ ", "/bin/bash", "--norc", "--noprofile");
                 Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " " + program
                         + " 127.0.0.1 " + (server.port + 65536) + "; echo RC=$?; sleep 60")) {
                assertThat(tmux.await(s -> s.contains("IN$"), 40_000)).as("%s reaches the server", program).contains("IN$");
                tmux.assertEchoes("wrapped-");
                tmux.keys("C-^");
                tmux.type(".");
                assertThat(tmux.await(s -> s.contains("RC="), 20_000)).contains("RC=0");
            }
        }
    }
}
