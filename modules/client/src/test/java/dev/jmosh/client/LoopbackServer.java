package dev.jmosh.client;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.TransportProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SSP server on 127.0.0.1 for session tests: it shows a fixed screen text once a client
 * state arrives and, like mosh-server, acknowledges the client's shutdown and stops.
 */
final class LoopbackServer implements AutoCloseable {
    final SessionKey key = SessionKey.generate(new SecureRandom());
    private final DatagramTransport socket;
    private final Transport<CompleteTerminal, UserStream> transport;
    private final CountDownLatch shutdownAcked = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stop;

    LoopbackServer(String screenText) throws IOException {
        this(screenText, Providers.select(TransportProvider.class, null, "udp"));
    }

    /** A server whose socket comes from {@code transports}. */
    LoopbackServer(String screenText, TransportProvider transports) throws IOException {
        Clock clock = Clock.system();
        socket = transports.bind(InetAddress.getLoopbackAddress(), 0, 0);
        transport = new Transport<>(
                Connection.server(socket, Providers.cipher(key, null), clock),
                new CompleteTerminal(20, 4), new UserStream(), clock, new SecureRandom());
        byte[] text = screenText.getBytes(StandardCharsets.UTF_8);
        thread = new Thread(() -> serve(text), "loopback-server");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.localAddress().getPort());
    }

    private void serve(byte[] text) {
        boolean shown = false;
        try {
            while (!stop) {
                ReceivedDatagram d = socket.receive(Math.max(1, Math.min(20, transport.waitTime())));
                if (d != null) {
                    transport.receive(d);
                    transport.remoteDiff();
                }
                if (!shown && transport.remoteStateNum() > 0) {
                    CompleteTerminal screen = transport.sender().currentState().copy();
                    screen.act(text, 0, text.length);
                    transport.sender().setCurrentState(screen);
                    shown = true;
                }
                transport.tick();
                if (transport.counterpartyShutdownAckSent()) {
                    shutdownAcked.countDown();
                    return;
                }
            }
        } catch (Exception e) {
            // the test closed the socket, or the session sent garbage: the test's waits fail
        }
    }

    /** Waits at most {@code millis} for the client's shutdown to be acknowledged. */
    boolean awaitShutdownAcked(long millis) throws InterruptedException {
        return shutdownAcked.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        socket.close();
        thread.join(5_000);
    }
}
