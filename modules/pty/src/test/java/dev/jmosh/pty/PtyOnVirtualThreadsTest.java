package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ptys opened, read and written on virtual threads wait in the process's one {@code epoll}
 * thread: many of them keep no platform thread each, and echo, a full input queue and close
 * behave as on platform threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PtyOnVirtualThreadsTest {
    private static final int PTYS = 40;

    @Test
    void manyPtysWaitWithoutAPlatformThreadEachAndEchoAndCloseAsUsual() throws Exception {
        long platformBefore = osThreads();
        List<Pty> ptys = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        List<StringBuffer> outputs = new ArrayList<>();
        List<CompletableFuture<Integer>> ends = new ArrayList<>();
        try {
            for (int i = 0; i < PTYS; i++) {
                CompletableFuture<Pty> opened = new CompletableFuture<>();
                Thread.ofVirtual().start(() -> {
                    try {
                        opened.complete(Pty.spawn(Specs.command("cat", "cat")));
                    } catch (Throwable t) {
                        opened.completeExceptionally(t);
                    }
                });
                Pty pty = opened.get(10, TimeUnit.SECONDS);
                ptys.add(pty);
                StringBuffer out = new StringBuffer();
                outputs.add(out);
                CompletableFuture<Integer> end = new CompletableFuture<>();
                ends.add(end);
                readers.add(Thread.ofVirtual().start(() -> {
                    byte[] buf = new byte[4096];
                    try {
                        int n;
                        while ((n = pty.read(buf, 0, buf.length)) > 0) {
                            out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                        end.complete(n);
                    } catch (Throwable t) {
                        end.completeExceptionally(t);
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread r : readers) {
                while (r.getState() != Thread.State.WAITING) {
                    assertThat(System.nanoTime()).as("every reader parked").isLessThan(deadline);
                    Thread.sleep(1);
                }
            }
            long platformGrowth = osThreads() - platformBefore;
            assertThat(platformGrowth).as("platform threads added for %d ptys, each with a reader, writer and reaper", PTYS)
                    .isLessThan(PTYS / 4);

            for (int i = 0; i < PTYS; i++) {
                byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                ptys.get(i).write(line, 0, line.length);
            }
            for (int i = 0; i < PTYS; i++) {
                String want = "line " + i + "\r\nline " + i + "\r\n"; // the tty's echo, then cat's copy
                while (!outputs.get(i).toString().equals(want)) {
                    assertThat(System.nanoTime()).as("pty %d echoed, has %s", i, outputs.get(i)).isLessThan(deadline
                            + TimeUnit.SECONDS.toNanos(10));
                    Thread.sleep(1);
                }
            }
        } finally {
            for (Pty pty : ptys) {
                pty.close();
            }
        }
        for (int i = 0; i < ptys.size(); i++) {
            assertThat(ends.get(i).get(5, TimeUnit.SECONDS)).as("read after close").isEqualTo(-1);
            assertThat(ptys.get(i).exit().get(10, TimeUnit.SECONDS)).as("SIGHUP").isEqualTo(128 + 1);
        }
    }

    /** The process's kernel threads: every platform thread, no virtual one. */
    private static long osThreads() throws java.io.IOException {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }

    @Test
    void aWriterWaitingForAChildThatDoesNotReadIsWokenByClose() throws Exception {
        CompletableFuture<Pty> opened = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                opened.complete(Pty.spawn(Specs.sh("stty raw -echo && echo ready && exec sleep 30")));
            } catch (Throwable t) {
                opened.completeExceptionally(t);
            }
        });
        Pty pty = opened.get(10, TimeUnit.SECONDS);
        byte[] ready = new byte[64];
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("ready")) { // raw: the line discipline's buffer fills, then writes wait
            int n = pty.read(ready, 0, ready.length);
            assertThat(n).as("output before ready: %s", seen).isPositive();
            seen.append(new String(ready, 0, n, StandardCharsets.US_ASCII));
        }
        byte[] input = new byte[256 * 1024];
        java.util.Arrays.fill(input, (byte) 'x');
        pty.write(input, 0, input.length);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long before;
        do {
            before = pty.inputQueued();
            Thread.sleep(50);
            assertThat(System.nanoTime()).as("the writer stops for want of room").isLessThan(deadline);
        } while (pty.inputQueued() != before);
        assertThat(pty.inputQueued()).as("input the child left unread").isGreaterThan(0);
        CompletableFuture<Void> closed = CompletableFuture.runAsync(pty::close);
        closed.get(5, TimeUnit.SECONDS);
        assertThat(pty.exit().get(10, TimeUnit.SECONDS)).as("SIGHUP").isEqualTo(128 + 1);
        assertThat(pty.inputQueued()).as("dropped at close").isZero();
    }
}
