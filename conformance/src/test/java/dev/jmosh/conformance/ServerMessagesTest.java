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
 * jmosh-server and the real mosh-server given the same bad arguments or locale print the same
 * messages (with the program's name swapped) and exit with the same status.
 */
class ServerMessagesTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String program, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"));
        pb.environment().remove("LC_ALL");
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
        Result mosh = run("mosh-server", env, args);
        Result jmosh = run(MoshServer.jmoshServer(), env, args);
        String what = env + " " + List.of(args);
        assertThat(jmosh.code()).as("exit status for %s", what).isEqualTo(mosh.code());
        assertThat(jmosh.err().replace("jmosh-server", "mosh-server")).as("stderr for %s", what).isEqualTo(mosh.err());
        assertThat(jmosh.out()).as("stdout for %s", what).isEqualTo(mosh.out());
    }

    @Test
    @Timeout(120)
    void badPortsColoursAndLocalesGetMoshServersMessages() throws Exception {
        Conformance.require("mosh-server");
        same(Map.of(), "new", "-p", "60013:60011");
        same(Map.of(), "new", "-p", "70000");
        same(Map.of(), "new", "-p", "60001:70000");
        same(Map.of(), "new", "-p", "abc");
        same(Map.of(), "new", "-p", "0:10");
        same(Map.of(), "new", "-c", "lots");
        same(Map.of(), "1.2.3.4", "5", "6");
        same(Map.of("LC_ALL", "C"), "new", "-l", "LC_ALL=C", "--", "/bin/true");
    }

    @Test
    @Timeout(60)
    void helpGoesToStdoutWithStatusZero() throws Exception {
        Conformance.require("mosh-server");
        Result mosh = run("mosh-server", Map.of(), "--help");
        Result jmosh = run(MoshServer.jmoshServer(), Map.of(), "--help");
        assertThat(jmosh.code()).isZero().isEqualTo(mosh.code());
        assertThat(jmosh.out()).contains("Usage: jmosh-server new [-s] [-v] [-i LOCALADDR] [-p PORT[:PORT2]] [-c COLORS]"
                + " [-l NAME=VALUE] [-- COMMAND...]");
    }
}
