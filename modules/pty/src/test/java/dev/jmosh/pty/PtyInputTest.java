package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Input to the child: order, back-pressure and the pre-start flush mosh-server relies on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyInputTest {
    private static final String READ_ONE_LINE = "read line; echo \"got[$line]\"";

    private static void type(Pty pty, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        pty.write(b, 0, b.length);
    }

    @Test
    void lineWrittenBeforeStartIsEchoedAndThenReadByTheChild() throws Exception {
        try (Pty pty = Pty.open(80, 24)) {
            Transcript out = Transcript.of(pty);
            type(pty, "\n");
            out.awaitText("\r\n");
            pty.start(Specs.sh(READ_ONE_LINE));
            assertThat(out.awaitEof()).isEqualTo("\r\ngot[]\r\n");
        }
    }

    /** mosh-server's first "\n": its echo moves the screen down a row; the shell never sees it. */
    @Test
    void flushInputDiscardsTheUnreadLineButNotItsEcho() throws Exception {
        try (Pty pty = Pty.open(80, 24)) {
            Transcript out = Transcript.of(pty);
            type(pty, "\n");
            out.awaitText("\r\n");
            pty.flushInput();
            pty.start(Specs.sh(READ_ONE_LINE));
            type(pty, "x\n");
            assertThat(out.awaitEof()).isEqualTo("\r\nx\r\ngot[x]\r\n");
        }
    }

    /** The server's sequence, with no wait in between: the kernel's flip buffer must not win. */
    @Test
    void writeAndFlushInputDiscardsTheLineButNotItsEcho() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (Pty pty = Pty.open(80, 24)) {
                Transcript out = Transcript.of(pty);
                pty.writeAndFlushInput(new byte[] {'\n'});
                pty.start(Specs.sh(READ_ONE_LINE));
                type(pty, "x\n");
                assertThat(out.awaitEof()).as("round " + i).isEqualTo("\r\nx\r\ngot[x]\r\n");
            }
        }
    }

    @Test
    void writeAndFlushInputKeepsTheOrderOfEarlierWrites() throws Exception {
        try (Pty pty = Pty.open(80, 24)) {
            Transcript out = Transcript.of(pty);
            type(pty, "a");
            type(pty, "b");
            pty.writeAndFlushInput("c\n".getBytes());
            pty.start(Specs.sh(READ_ONE_LINE));
            type(pty, "d\n");
            assertThat(out.awaitEof()).isEqualTo("abc\r\nd\r\ngot[d]\r\n");
        }
    }

    @Test
    void flushInputWhileRunningDiscardsTypeahead(@TempDir Path dir) throws Exception {
        Path go = dir.resolve("go");
        String script = "echo ready; while [ ! -e " + go + " ]; do sleep 0.01; done; " + READ_ONE_LINE;
        try (Pty pty = Pty.spawn(Specs.sh(script))) {
            Transcript out = Transcript.of(pty);
            out.awaitText("ready\r\n");
            type(pty, "lost\n");
            out.awaitText("lost\r\n");
            pty.flushInput();
            type(pty, "kept\n");
            out.awaitText("kept\r\n");
            Files.createFile(go);
            assertThat(out.awaitEof()).isEqualTo("ready\r\nlost\r\nkept\r\ngot[kept]\r\n");
        }
    }

    @Test
    void writesArriveWholeAndInOrderWhileTheChildReadsSlowly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in");
        int size = 300_000;
        PtySpec spec = new PtySpec("/bin/sh", List.of("sh", "-c",
                "stty raw -echo && echo ready && exec head -c " + size + " > " + file),
                Specs.ENV, Path.of("/"), 80, 24);
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        try (Pty pty = Pty.spawn(spec)) {
            Transcript out = Transcript.of(pty);
            out.awaitText("ready");
            long start = System.nanoTime();
            for (int off = 0, n = 1; off < size; off += n, n = n % 5000 + 997) {
                pty.write(data, off, Math.min(n, size - off));
            }
            // far more than the pty buffers: the writes were queued, not written in place
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            assertThat(pty.exit().get(20, TimeUnit.SECONDS)).isZero();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @Test
    void writeDoesNotBlockWhenTheChildDoesNotRead() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("sleep", "sleep", "30"))) {
            byte[] mib = new byte[1 << 20];
            java.util.Arrays.fill(mib, (byte) 'a');
            pty.write(mib, 0, mib.length);
            pty.write(mib, 0, mib.length);
            assertThat(pty.exit()).isNotDone();
        }
    }
}
