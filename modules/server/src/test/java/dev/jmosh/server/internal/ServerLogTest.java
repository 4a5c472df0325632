package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {
    @TempDir
    Path dir;

    @Test
    void eachLineNamesItsSessionAndAFloodOfLinesIsCutToTheRate() throws IOException {
        ServerLog log = new ServerLog(dir.resolve("log"));
        PrintStream session = log.stream("session 60001");
        for (int i = 0; i < 1000; i++) {
            session.println("Crypto exception: Packet failed integrity check. " + i);
        }
        log.line("server", "still logging");
        List<String> lines = Files.readAllLines(dir.resolve("log"));
        assertThat(lines).hasSize(ServerLog.LINES_PER_MINUTE + 1);
        assertThat(lines.get(0)).endsWith(" session 60001: Crypto exception: Packet failed integrity check. 0");
        assertThat(lines.get(lines.size() - 1)).endsWith(" server: still logging");
    }

    @Test
    void aFullLogIsRotatedSoItNeverGrowsPastItsBound() throws IOException {
        ServerLog log = new ServerLog(dir.resolve("log"));
        String text = "x".repeat(1000);
        for (int i = 0; i < 3000; i++) {
            log.line("server", text);
        }
        assertThat(Files.size(dir.resolve("log"))).isLessThanOrEqualTo(ServerLog.MAX_BYTES);
        assertThat(Files.size(dir.resolve("log.1"))).isLessThanOrEqualTo(ServerLog.MAX_BYTES);
    }
}
