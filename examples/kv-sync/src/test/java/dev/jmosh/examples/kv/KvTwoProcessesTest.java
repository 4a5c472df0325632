package dev.jmosh.examples.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command line, as a user runs it: a server and a client process over UDP on loopback, both editing. */
class KvTwoProcessesTest {
    /** One {@code kv} process: its standard input and output. */
    private static final class Kv implements AutoCloseable {
        final Process process;
        final PrintStream in;
        final BufferedReader out;

        Kv(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "--module-path", System.getProperty("jdk.module.path"),
                    "-m", "dev.jmosh.examples.kv/dev.jmosh.examples.kv.KvMain"));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The map it shows now, as {@code k=v} lines. */
        List<String> show() throws IOException {
            in.println("show");
            List<String> lines = new ArrayList<>();
            for (String l; (l = out.readLine()) != null && !l.equals("END"); ) {
                lines.add(l);
            }
            return lines;
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(60)
    void aServerAndAClientProcessEditOneMapOverUdp() throws Exception {
        try (Kv server = new Kv("server")) {
            Matcher m = Pattern.compile("KV CONNECT (\\d+) (\\S+)").matcher(server.out.readLine());
            assertThat(m.matches()).isTrue();
            try (Kv client = new Kv("client", "127.0.0.1", m.group(1), m.group(2))) {
                client.in.println("set colour blue");
                client.in.println("set size 42");
                server.in.println("set owner server");
                client.in.println("del size");
                List<String> want = List.of("colour=blue", "owner=server");
                List<String> seen = List.of();
                for (int i = 0; i < 200 && !seen.equals(want); i++) { // at most 10 s
                    Thread.sleep(50);
                    seen = client.show();
                }
                assertThat(seen).as("the client shows both ends' edits").isEqualTo(want);
                assertThat(server.show()).as("the server holds them").isEqualTo(want);
            }
        }
    }
}
