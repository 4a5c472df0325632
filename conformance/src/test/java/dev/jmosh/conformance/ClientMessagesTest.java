package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jmosh-client and the real mosh-client given the same bad input print the same messages and
 * exit with the same status: a missing or bad key, a non-numeric IP, a non-UTF-8 locale, no tty,
 * a bad port, an unknown prediction mode.
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
            {"jeYHHLGDF4noDdb3vKJtZZ", "127.0.0.1"},  // last character carries nonzero padding bits
            {"short", "127.0.0.1"},
            {"jeYHHLGDF4noDdb3vKJtZQ", "foo"},
        };
        for (String[] c : cases) {
            String[] screens = new String[2];
            String[] programs = {"mosh-client", jmosh};
            for (int i = 0; i < 2; i++) {
                try (Tmux tmux = new Tmux(100, 10, "env LANG=C.UTF-8 MOSH_KEY=" + c[0] + " " + programs[i] + " "
                        + c[1] + " 60001; echo RC=$?; sleep 30")) {
                    screens[i] = tmux.await(s -> s.contains("RC="), 20_000).strip();
                }
            }
            assertThat(screens[1]).as("jmosh-client with key %s, ip %s", c[0], c[1]).isEqualTo(screens[0]);
        }
    }
}
