package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.pty.Pty;
import dev.jmosh.pty.PtySpec;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.DatagramGate;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.TransportProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Whatever a session throws, an {@code OutOfMemoryError} included, ends that session: it is
 * logged, its socket and pseudo-terminal are closed, and the error goes on to the host, which
 * logs it and keeps its other sessions ({@code UserServer.host}). The failure is injected
 * through the session's clock.
 */
class SessionFailureTest {
    @Test
    void anOutOfMemoryErrorInsideASessionEndsItLoggedAndClosed() throws Exception {
        SessionKey key = SessionKey.generate(SessionKey.MOSH_CIPHER, 16, new SecureRandom());
        DatagramTransport udp = Providers.select(TransportProvider.class, "udp")
                .bind(InetAddress.getLoopbackAddress(), 0, 0);
        AtomicInteger calls = new AtomicInteger();
        Clock failing = () -> {
            calls.incrementAndGet();
            throw new OutOfMemoryError("Java heap space (injected)");
        };
        Connection connection = Connection.server(udp, Providers.cipher(key, null), Clock.system());
        CompleteTerminal terminal = new CompleteTerminal(80, 24);
        Transport<CompleteTerminal, UserStream> network = new Transport<>(connection, terminal.copy(),
                new UserStream(), Clock.system(), new SecureRandom());
        Pty pty = Pty.open(80, 24);
        ChildCommand child = new ChildCommand(new PtySpec("cat", List.of("cat"), Map.of("PATH", "/usr/bin:/bin"),
                Path.of("/"), 80, 24), new byte[0]);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        ServerSession session = new ServerSession(network, DatagramGate.server(Providers.cipher(key, null)), pty,
                child, terminal, new IdleTimeouts(0, 0, ""), failing,
                new PrintStream(logged, true, StandardCharsets.UTF_8), new ServerSession.Inbox());

        assertThatThrownBy(session::run).isInstanceOf(OutOfMemoryError.class);
        assertThat(calls).as("the loop met it").hasPositiveValue();
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("Session ended by java.lang.OutOfMemoryError: Java heap space (injected)");
        assertThatThrownBy(() -> udp.receive(0)).as("its socket is closed")
                .isInstanceOf(java.nio.channels.ClosedChannelException.class);
        assertThat(pty.read(new byte[16], 0, 16)).as("its pseudo-terminal is closed").isEqualTo(-1);
    }
}
