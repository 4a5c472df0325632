package dev.jmosh.server;

import dev.jmosh.pty.Pty;
import dev.jmosh.pty.PtySpec;
import dev.jmosh.server.internal.ServerArgs;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.ssp.spi.TransportProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserEvent;
import dev.jmosh.statesync.UserStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * A training run for the JDK's ahead-of-time cache (JEP 483/514/515): it walks the paths a
 * real jmosh-server takes (arguments, bind, key, cipher, an SSP exchange with a client over
 * loopback, the emulator and its diffs, a pseudo-terminal running {@code /bin/true}) and exits.
 * The launcher runs it once with {@code -XX:AOTCacheOutput} and starts servers with the cache,
 * so classes arrive loaded and linked. It serves nobody and leaves nothing behind.
 */
public final class AotTraining {
    private AotTraining() {
    }

    /** Runs the training session. */
    public static void main(String[] argv) throws Exception {
        ServerArgs.parse("jmosh-server", new String[] {"new", "-i", "127.0.0.1", "-p", "0", "--", "/bin/true"}, Map.of());
        Clock clock = Clock.system();
        SessionKey key = SessionKey.generate(new SecureRandom());
        PacketCipher serverCipher = Providers.select(CipherProvider.class).create(key);
        PacketCipher clientCipher = Providers.select(CipherProvider.class).create(SessionKey.parse(key.printable()));
        TransportProvider udp = Providers.select(TransportProvider.class);
        try (DatagramTransport serverSocket = udp.bind(InetAddress.getLoopbackAddress(), 0, 0);
             DatagramTransport clientSocket = udp.connect(serverSocket.localAddress())) {
            InetSocketAddress serverAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    serverSocket.localAddress().getPort());
            Transport<CompleteTerminal, UserStream> server = new Transport<>(
                    Connection.server(serverSocket, serverCipher, clock), new CompleteTerminal(80, 24),
                    new UserStream(), clock, new SecureRandom());
            Transport<UserStream, CompleteTerminal> client = new Transport<>(
                    Connection.client(clientSocket, clientCipher, serverAddress, clock), new UserStream(),
                    new CompleteTerminal(80, 24), clock, new SecureRandom());
            client.currentState().push(new UserEvent.Resize(80, 24));
            byte[] typed = "ls --color\r".getBytes(StandardCharsets.US_ASCII);
            client.currentState().pushBytes(typed, 0, typed.length);
            CompleteTerminal screen = new CompleteTerminal(80, 24);
            long end = clock.millis() + 2000;
            int round = 0;
            while (clock.millis() < end && client.remoteStateNum() < 3) {
                client.tick();
                server.tick();
                pump(serverSocket, server);
                pump(clientSocket, client);
                if (server.remoteStateNum() > 0 && round < 20) {
                    byte[] out = ("\u001b[1;3" + (round % 8) + "mline " + round + " \u4e2d\u6587 \u00e9\u001b[0m\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    screen.act(out, 0, out.length);
                    server.sender().setCurrentState(screen.copy());
                    round++;
                }
                Thread.sleep(5);
            }
        }
        Pty.warmUp();
        PtySpec spec = new PtySpec("/bin/true", List.of("true"), Map.of("PATH", "/usr/bin:/bin"), Paths.get("/"), 80, 24);
        try (Pty pty = Pty.open(80, 24)) {
            pty.writeAndFlushInput(new byte[] {'\n'});
            pty.start(spec);
            byte[] buf = new byte[4096];
            while (pty.read(buf, 0, buf.length) >= 0) {
                // drain until the child is gone
            }
            pty.exit().get();
        }
    }

    private static <L extends dev.jmosh.ssp.SyncState<L>, R extends dev.jmosh.ssp.SyncState<R>> void pump(
            DatagramTransport socket, Transport<L, R> t) throws Exception {
        for (ReceivedDatagram d; (d = socket.receive(1)) != null; ) {
            t.receive(d);
            t.remoteDiff();
        }
    }
}
