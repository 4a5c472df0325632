package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientListener;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.vt.Framebuffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The headless jmosh client against the real mosh-server 1.4.0 over loopback. */
class HeadlessClientVsMoshServerTest {

    /** Keeps the text of the newest frame for the test thread. */
    static final class Recorder implements ClientListener {
        volatile String text = "";
        volatile int columns;
        volatile int rows;

        @Override
        public void frame(Framebuffer frame, Optional<String> bar) {
            text = ScreenText.of(frame);
            columns = frame.columns();
            rows = frame.rows();
        }

        /** Types {@code echo <prefix><random>} into {@code session} and checks the token comes back on its own line. */
        void assertEchoes(ClientSession session, String prefix) throws InterruptedException {
            String token = prefix + Conformance.token();
            byte[] line = ("echo " + token + "\r").getBytes(StandardCharsets.UTF_8);
            session.input(line, 0, line.length);
            assertThat(await(t -> t.lines().anyMatch(token::equals), 10_000).lines())
                    .as("the echoed token on its own line").contains(token);
        }

        String await(Predicate<String> ok, long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000L;
            while (!ok.test(text) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            return text;
        }
    }

    private static byte[] keys(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ClientSession connect(MoshServer server, Recorder screen) throws Exception {
        ClientConfig config = ClientConfig.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port),
                SessionKey.parse(server.key), 80, 24);
        ClientSession session = new ClientSession(config, screen);
        session.start();
        assertThat(screen.await(Conformance::hasPrompt, 10_000))
                .as("a shell prompt").matches(Conformance::hasPrompt);
        return session;
    }

    @Test
    @Timeout(60)
    void typesSeesOutputFollowsResizeAndQuitsCleanly() throws Exception {
        Conformance.require("mosh-server");
        try (MoshServer server = MoshServer.start("/bin/bash", "--norc", "--noprofile")) {
            Recorder screen = new Recorder();
            try (ClientSession session = connect(server, screen)) {

                String token = "jmosh-" + Conformance.token();
                byte[] line = keys("echo " + token + "\r");
                session.input(line, 0, line.length);
                assertThat(screen.await(t -> t.lines().anyMatch(token::equals), 10_000).lines())
                        .as("the echoed token on its own line").contains(token);

                session.resize(100, 30);
                byte[] stty = keys("stty size\r");
                session.input(stty, 0, stty.length);
                assertThat(screen.await(t -> t.contains("30 100"), 10_000)).contains("30 100");
                assertThat(screen.columns).isEqualTo(100);
                assertThat(screen.rows).isEqualTo(30);

                byte[] quit = {0x1E, '.'};
                session.input(quit, 0, quit.length);
                assertThat(session.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
                assertThat(server.awaitExit(5_000)).as("mosh-server exits after the shutdown").isTrue();
                assertThat(session.stats().drops()).isEmpty();
            }
        }
    }

    @Test
    @Timeout(60)
    void theServerEndingTheShellEndsTheClientCleanly() throws Exception {
        Conformance.require("mosh-server");
        try (MoshServer server = MoshServer.start("/bin/bash", "--norc", "--noprofile")) {
            Recorder screen = new Recorder();
            try (ClientSession session = connect(server, screen)) {
                byte[] exit = keys("exit\r");
                session.input(exit, 0, exit.length);
                assertThat(session.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
                assertThat(server.awaitExit(5_000)).isTrue();
            }
        }
    }
}
