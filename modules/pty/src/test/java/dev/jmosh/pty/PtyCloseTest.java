package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing: wakes a blocked read (pty-ffm.md pitfall 8) and hangs up the child. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyCloseTest {
    @Test
    void closeWakesABlockedReadPromptlyAndHangsUpTheChild() throws Exception {
        Pty pty = Pty.spawn(Specs.command("sleep", "sleep", "30"));
        CompletableFuture<Integer> read = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                read.complete(pty.read(new byte[100], 0, 100));
            } catch (Throwable t) {
                read.completeExceptionally(t);
            }
        });
        long deadline = System.nanoTime() + Transcript.PATIENCE.toNanos();
        while (reader.getState() != Thread.State.RUNNABLE || !isInNative(reader)) {
            assertThat(System.nanoTime()).as("reader blocked in poll").isLessThan(deadline);
            Thread.sleep(1);
        }
        assertThat(read).isNotDone();
        long start = System.nanoTime();
        pty.close();
        assertThat(read.get(1, TimeUnit.SECONDS)).isEqualTo(-1);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).isLessThan(1000);
        assertThat(pty.exit().get(10, TimeUnit.SECONDS)).as("SIGHUP").isEqualTo(128 + 1);
    }

    private static boolean isInNative(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().endsWith("Poller")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void closeIsIdempotentAndLaterCallsAreHarmless() throws Exception {
        Pty pty = Pty.spawn(Specs.command("sleep", "sleep", "30"));
        pty.close();
        pty.close();
        assertThat(pty.read(new byte[1], 0, 1)).isEqualTo(-1);
        pty.write(new byte[] {'x'}, 0, 1);
        assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isEqualTo(129);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pty.resize(10, 10))
                .hasMessageEndingWith("pty closed");
    }

    @Test
    void closeBeforeStartReleasesEverything() throws Exception {
        Pty pty = Pty.open(80, 24);
        String slave = pty.slavePath();
        pty.close();
        assertThat(pty.read(new byte[1], 0, 1)).isEqualTo(-1);
        // the pty is gone once both sides are closed
        long deadline = System.nanoTime() + Transcript.PATIENCE.toNanos();
        while (java.nio.file.Files.exists(java.nio.file.Path.of(slave))) {
            assertThat(System.nanoTime()).as(slave + " removed").isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
