package dev.jmosh.examples.headless;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example against the real mosh-server 1.4.0, both as separate processes on loopback. */
class PrintScreenTest {
    @Test
    @Timeout(60)
    void printsWhatTheRealMoshServersShellShows() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/mosh-server"));
        Assumptions.assumeTrue(present || Boolean.getBoolean("jmosh.conformance.required"),
                "mosh-server is not installed");
        Process server = new ProcessBuilder("mosh-server", "new", "-p", "0", "-i", "127.0.0.1", "--",
                "/bin/sh", "-c", "echo the answer is $((6 * 7)); exec sleep 30")
                .redirectErrorStream(true).start();
        String out = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Matcher connect = Pattern.compile("MOSH CONNECT (\\d+) (\\S+)").matcher(out);
        assertThat(connect.find()).as(out).isTrue();
        ProcessBuilder pb = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--module-path", System.getProperty("jdk.module.path"),
                "-m", "dev.jmosh.examples.headless/dev.jmosh.examples.headless.PrintScreen", "127.0.0.1", connect.group(1)));
        pb.environment().put("MOSH_KEY", connect.group(2));
        Process example = pb.redirectErrorStream(true).start();
        String printed = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(example.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).contains("the answer is 42");
        assertThat(example.exitValue()).isZero();
    }
}
