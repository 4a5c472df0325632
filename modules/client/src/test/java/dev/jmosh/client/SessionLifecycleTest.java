package dev.jmosh.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.SendTiming;
import dev.jmosh.vt.Framebuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session's life cycle around its listener, against an SSP server on loopback: SIGCONT
 * resumes the listener and repaints; a listener that throws still gets the server shut down.
 */
class SessionLifecycleTest {
    private static final String TEXT = "hello from the server";

    private static ClientConfig config(LoopbackServer server) {
        return ClientConfig.builder(server.address(), server.key).size(30, 4).timing(SendTiming.MOSH).build();
    }

    private static boolean shows(Framebuffer f, String text) {
        return f.rowText(0).contains(text) || f.rowText(1).contains(text);
    }

    /** Records what the listener is told, in order, and can fail once the server's text is shown. */
    private static final class Recorder implements ClientListener {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        volatile RuntimeException failOnText;
        volatile Thread sessionThread;

        @Override
        public void frame(Framebuffer frame, Optional<String> bar) {
            sessionThread = Thread.currentThread();
            boolean text = shows(frame, TEXT);
            calls.add(text ? "frame:text" : "frame");
            if (text && failOnText != null) {
                throw failOnText;
            }
        }

        @Override
        public void resume() {
            calls.add(Thread.currentThread() == sessionThread ? "resume" : "resume on a foreign thread");
        }

        String await(java.util.function.Predicate<String> ok) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (String c; (c = calls.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null; ) {
                if (ok.test(c)) {
                    return c;
                }
            }
            return null;
        }
    }

    @Test
    @Timeout(30)
    void continuedResumesTheListenerOnTheSessionThreadThenRepaints() throws Exception {
        Recorder r = new Recorder();
        try (LoopbackServer server = new LoopbackServer(TEXT);
             ClientSession s = new ClientSession(config(server), r)) {
            s.start();
            assertThat(r.await("frame:text"::equals)).as("the server's screen").isNotNull();
            r.calls.clear();
            s.continued();
            assertThat(r.await(c -> c.startsWith("resume"))).isEqualTo("resume");
            assertThat(r.await(c -> c.startsWith("frame"))).as("an unchanged screen is drawn again").isEqualTo("frame:text");
            s.terminate();
            assertThat(s.awaitExit(15_000)).isEqualTo(ExitStatus.CLEAN);
        }
    }

    @Test
    @Timeout(30)
    void aListenerThatThrowsEndsTheSessionAfterTheServerIsToldToShutDown() throws Exception {
        Recorder r = new Recorder();
        r.failOnText = new IllegalStateException("injected failure");
        try (LoopbackServer server = new LoopbackServer(TEXT);
             ClientSession s = new ClientSession(config(server), r)) {
            long start = System.nanoTime();
            s.start();
            ExitStatus status = s.awaitExit(15_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(status).isEqualTo(ExitStatus.FAILED);
            assertThat(s.fatalError()).isEqualTo("Error: java.lang.IllegalStateException: injected failure");
            assertThat(server.awaitShutdownAcked(1_000)).as("the server acknowledged the client's shutdown").isTrue();
            assertThat(millis).as("ended on the ack, well before the 10 s ack timeout").isLessThan(8_000);
        }
    }
}
