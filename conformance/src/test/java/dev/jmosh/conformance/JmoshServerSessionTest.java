package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.TransportProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserEvent;
import dev.jmosh.statesync.UserStream;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jmosh-server's session rules seen from a client: the default port range, a login shell when
 * no command is given, the -l locale fallback, and echo acknowledgements 50 ms after input.
 */
class JmoshServerSessionTest {

    private static ClientSession connect(MoshServer server, HeadlessClientVsMoshServerTest.Recorder screen)
            throws Exception {
        ClientSession session = new ClientSession(ClientConfig.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port), SessionKey.parse(server.key),
                80, 24), screen);
        session.start();
        return session;
    }

    private static void quit(ClientSession session, MoshServer server) throws Exception {
        byte[] quit = {0x1E, '.'};
        session.input(quit, 0, quit.length);
        assertThat(session.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
        assertThat(server.awaitExit(5_000)).isTrue();
    }

    @Test
    @Timeout(60)
    void withoutACommandItRunsTheLoginShellAndWithoutPortsItUses60001To60999() throws Exception {
        List<String> cmd = List.of(MoshServer.jmoshServer(), "new", "-i", "127.0.0.1");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"));
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("SHELL", "/bin/sh");
        pb.environment().remove("LC_ALL");
        MoshServer server = MoshServer.parse(pb.start());
        try (server) {
            assertThat(server.port).isBetween(60001, 60999);
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            ClientSession session = connect(server, screen);
            screen.await(Conformance::hasPrompt, 15_000);
            byte[] line = "echo shell=$0\r".getBytes(StandardCharsets.US_ASCII);
            session.input(line, 0, line.length);
            assertThat(screen.await(t -> t.contains("shell=-sh"), 10_000)).contains("shell=-sh");
            quit(session, server);
        }
    }

    @Test
    @Timeout(60)
    void aNonUtf8ServerLocaleIsReplacedByTheClientsLSettings() throws Exception {
        List<String> cmd = List.of(MoshServer.jmoshServer(), "new", "-p", "0", "-i", "127.0.0.1",
                "-l", "LC_ALL=C.UTF-8", "--", "/bin/sh", "-c", "locale charmap; exec /bin/cat");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"));
        pb.environment().put("LC_ALL", "C");
        MoshServer server = MoshServer.parse(pb.start());
        try (server) {
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            ClientSession session = connect(server, screen);
            assertThat(screen.await(t -> t.contains("UTF-8"), 15_000)).contains("UTF-8");
            quit(session, server);
        }
    }

    @Test
    @Timeout(60)
    void echoAcksFollowInputByAtLeastFiftyMilliseconds() throws Exception {
        try (MoshServer server = MoshServer.startJmosh("/bin/cat")) {
            SessionKey key = SessionKey.parse(server.key);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port);
            Clock clock = Clock.system();
            try (DatagramTransport socket = Providers.select(TransportProvider.class).connect(address)) {
                Transport<UserStream, CompleteTerminal> client = new Transport<>(
                        Connection.client(socket, Providers.cipher(key, null), address, clock),
                        new UserStream(), new CompleteTerminal(80, 24), clock, new SecureRandom());
                client.currentState().push(new UserEvent.Resize(80, 24));
                List<long[]> acks = new ArrayList<>(); // {echo ack, time seen}
                long typedAt = -1;
                long typedState = -1;
                long end = clock.millis() + 15_000;
                while (clock.millis() < end) {
                    client.tick();
                    ReceivedDatagram d = socket.receive(Math.max(1, Math.min(20, client.waitTime())));
                    if (d != null) {
                        client.receive(d);
                        long ack = client.latestRemoteState().state().echoAck();
                        if (acks.isEmpty() || acks.get(acks.size() - 1)[0] != ack) {
                            acks.add(new long[] {ack, clock.millis()});
                        }
                    }
                    if (typedAt < 0 && client.remoteStateNum() > 0 && client.sender().sentStateAcked() > 0) {
                        byte[] keys = "x".getBytes(StandardCharsets.US_ASCII);
                        client.currentState().pushBytes(keys, 0, keys.length);
                        typedAt = clock.millis();
                        typedState = client.sender().sentStateLast() + 1;
                    }
                    if (typedState > 0 && !acks.isEmpty() && acks.get(acks.size() - 1)[0] >= typedState) {
                        break;
                    }
                }
                assertThat(typedState).as("the server took our first state").isPositive();
                long[] last = acks.get(acks.size() - 1);
                assertThat(last[0]).as("echo ack of the keystroke's state").isEqualTo(typedState);
                assertThat(last[1] - typedAt).as("ms from typing to its echo ack").isGreaterThanOrEqualTo(50);
                client.startShutdown();
                long stop = clock.millis() + 5_000;
                while (!client.shutdownAcknowledged() && clock.millis() < stop) {
                    client.tick();
                    ReceivedDatagram d = socket.receive(20);
                    if (d != null) {
                        client.receive(d);
                    }
                }
                assertThat(client.shutdownAcknowledged()).isTrue();
            }
            assertThat(server.awaitExit(5_000)).isTrue();
        }
    }
}
