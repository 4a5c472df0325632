package dev.jmosh.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.SendTiming;
import dev.jmosh.vt.Framebuffer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session drives the selected prediction engine: typed bytes show at once in experimental
 * mode, where nothing waits for the server (a socket that never answers stands in for it).
 */
class ClientPredictionTest {
    private DatagramSocket silentServer;
    private final BlockingQueue<String[]> frames = new LinkedBlockingQueue<>();

    @BeforeEach
    void openSilentServer() throws Exception {
        silentServer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void closeSilentServer() {
        silentServer.close();
    }

    private ClientConfig config(Map<String, String> options) {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), silentServer.getLocalPort());
        return ClientConfig.builder(server, SessionKey.generate(new SecureRandom())).size(20, 4)
                .timing(SendTiming.MOSH).prediction(null, options).build();
    }

    private final ClientListener recorder = new ClientListener() {
        @Override
        public void frame(Framebuffer frame, Optional<String> bar) {
            frames.add(new String[] {frame.rowText(0).stripTrailing(), frame.cursorRow() + "," + frame.cursorCol(),
                String.valueOf(frame.cell(0, 0).rendition().underlined()), String.valueOf(frame.cell(0, 0).wide()),
                String.valueOf(frame.covered(0, 1))});
        }
    };

    /** Waits (at most 10 s) for a published frame that satisfies {@code ok}. */
    private String[] awaitFrame(Predicate<String[]> ok) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String[] f;
        do {
            f = frames.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (f != null && !ok.test(f));
        return f;
    }

    private static void type(ClientSession s, String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s.input(b, 0, b.length);
    }

    @Test
    void typedCharactersAreShownBeforeTheServerAnswers() throws Exception {
        try (ClientSession s = new ClientSession(config(Map.of(PredictionOptions.DISPLAY, "experimental")), recorder)) {
            s.start();
            type(s, "ls");
            String[] f = awaitFrame(x -> x[0].equals("ls"));
            assertThat(f).as("a frame showing the prediction").isNotNull();
            assertThat(f[1]).isEqualTo("0,2");
            assertThat(f[2]).as("underlined: no datagram yet, so mosh's initial 250 ms send interval").isEqualTo("true");
        }
    }

    @Test
    void aWideCharacterIsShownAsTheServersEmulatorWouldShowIt() throws Exception {
        try (ClientSession s = new ClientSession(config(Map.of(PredictionOptions.DISPLAY, "experimental")), recorder)) {
            s.start();
            type(s, "\u4e2d");
            String[] f = awaitFrame(x -> x[0].equals("\u4e2d"));
            assertThat(f).as("a frame showing the prediction").isNotNull();
            assertThat(f[1]).as("two columns on").isEqualTo("0,2");
            assertThat(f[3]).as("a wide cell").isEqualTo("true");
            assertThat(f[4]).as("covering the next one").isEqualTo("true");
        }
    }

    @Test
    void aResizeDropsThePredictions() throws Exception {
        try (ClientSession s = new ClientSession(config(Map.of(PredictionOptions.DISPLAY, "experimental")), recorder)) {
            s.start();
            type(s, "x");
            assertThat(awaitFrame(x -> x[0].equals("x"))).isNotNull();
            s.resize(30, 5);
            assertThat(awaitFrame(x -> x[0].isEmpty())).as("the prediction is gone").isNotNull();
        }
    }

    @Test
    void aPasteIsNotPredicted() throws Exception {
        try (ClientSession s = new ClientSession(config(Map.of(PredictionOptions.DISPLAY, "experimental")), recorder)) {
            s.start();
            type(s, "a".repeat(101));
            type(s, "z");
            String[] f = awaitFrame(x -> !x[0].isEmpty());
            assertThat(f).isNotNull();
            assertThat(f[0]).as("only the keystroke after the paste").isEqualTo("z");
        }
    }

    @Test
    void anUnknownModeIsRefusedWithMoshClientsMessage() {
        assertThatThrownBy(() -> new ClientSession(config(Map.of(PredictionOptions.DISPLAY, "sometimes")), recorder))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown prediction mode sometimes.");
    }

    @Test
    void theProviderFollowsTheDisplayMode() {
        assertThat(config(Map.of()).predictorName()).isEqualTo("mosh");
        assertThat(config(Map.of(PredictionOptions.DISPLAY, "always")).predictorName()).isEqualTo("mosh");
        assertThat(config(Map.of(PredictionOptions.DISPLAY, "never")).predictorName()).isEqualTo("never");
        assertThat(config(Map.of()).toBuilder().prediction("never", Map.of()).build().predictorName()).isEqualTo("never");
        assertThat(ClientConfig.of(config(Map.of()).server(), config(Map.of()).key(), 80, 24).predictionOptions())
                .isEmpty();
    }
}
