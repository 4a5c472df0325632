package dev.jmosh.ssp.transport.udp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server sockets that hand their datagrams to the process's one receiving thread, on 127.0.0.1. */
class SharedReceiverTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final UdpTransportProvider provider = new UdpTransportProvider();

    /** What one socket's sink saw: a copy of each datagram's bytes, and its source. */
    private record Seen(byte[] data, InetSocketAddress source) {
    }

    private static Seen next(BlockingQueue<Seen> q) throws InterruptedException {
        Seen s = q.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("a datagram within 5 s").isNotNull();
        return s;
    }

    @Test
    @Timeout(30)
    void fiftySocketsShareOneThreadAndEachGetsItsOwnDatagrams() throws Exception {
        List<DatagramTransport> servers = new ArrayList<>();
        List<BlockingQueue<Seen>> seen = new ArrayList<>();
        try (DatagramTransport client = provider.connect(new InetSocketAddress(LOOPBACK, 9))) {
            for (int i = 0; i < 50; i++) {
                DatagramTransport s = provider.bind(LOOPBACK, 0, 0);
                servers.add(s);
                BlockingQueue<Seen> q = new LinkedBlockingQueue<>();
                seen.add(q);
                assertThat(s.deliverTo(d -> q.add(new Seen(
                        Arrays.copyOf(d.data(), d.length()), d.source())))).isTrue();
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < servers.size(); i++) {
                    client.send(new byte[] {(byte) i, (byte) round}, 0, 2, servers.get(i).localAddress());
                }
                for (int i = 0; i < servers.size(); i++) {
                    Seen s = next(seen.get(i));
                    assertThat(s.data()).containsExactly((byte) i, (byte) round);
                    assertThat(s.source().getPort()).isEqualTo(client.localAddress().getPort());
                }
            }
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("jmosh-udp-receive")).count()).isEqualTo(1);
        } finally {
            servers.forEach(DatagramTransport::close);
        }
    }

    @Test
    @Timeout(30)
    void aSinkThatThrowsOrAClosedSocketLeavesTheOthersReceiving() throws Exception {
        BlockingQueue<Seen> good = new LinkedBlockingQueue<>();
        BlockingQueue<Seen> closedOnes = new LinkedBlockingQueue<>();
        try (DatagramTransport thrower = provider.bind(LOOPBACK, 0, 0);
             DatagramTransport closing = provider.bind(LOOPBACK, 0, 0);
             DatagramTransport healthy = provider.bind(LOOPBACK, 0, 0);
             DatagramTransport client = provider.connect(healthy.localAddress())) {
            thrower.deliverTo(d -> {
                throw new OutOfMemoryError("a session out of memory");
            });
            closing.deliverTo(d -> closedOnes.add(new Seen(new byte[0], d.source())));
            healthy.deliverTo(d -> good.add(new Seen(Arrays.copyOf(d.data(), d.length()), d.source())));
            InetSocketAddress closedAddress = closing.localAddress();
            closing.close();
            for (int i = 0; i < 20; i++) {
                client.send(new byte[] {1}, 0, 1, thrower.localAddress());
            }
            client.send(new byte[] {2}, 0, 1, closedAddress);
            client.send(new byte[] {3}, 0, 1, healthy.localAddress());
            assertThat(next(good).data()).containsExactly(3);
            assertThat(closedOnes).isEmpty();
        }
    }

    @Test
    @Timeout(30)
    void closingADeliveringSocketFreesItsPortWithoutWaitingForTraffic() throws Exception {
        BlockingQueue<Seen> q = new LinkedBlockingQueue<>();
        DatagramTransport s = provider.bind(LOOPBACK, 0, 0);
        InetSocketAddress address = s.localAddress();
        try (DatagramTransport client = provider.connect(address)) {
            s.deliverTo(d -> q.add(new Seen(new byte[0], d.source())));
            client.send(new byte[] {1}, 0, 1, address);
            next(q); // registered with the selector
        }
        s.close();
        // a port that outlived its session would refuse mosh's -p PORT to the next one
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try (DatagramTransport again = provider.bind(LOOPBACK, address.getPort(), address.getPort())) {
                break;
            } catch (IOException e) {
                assertThat(System.nanoTime()).as("port %d free within 5 s", address.getPort()).isLessThan(end);
                Thread.sleep(20);
            }
        }
    }

    @Test
    @Timeout(10)
    void aDeliveringSocketRefusesReceiveAndASecondSink() throws Exception {
        try (DatagramTransport s = provider.bind(LOOPBACK, 0, 0)) {
            s.deliverTo(d -> { });
            assertThatThrownBy(() -> s.receive(10)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.deliverTo(d -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @Timeout(10)
    void aClientTransportHasNoSharedReceiver() throws Exception {
        try (DatagramTransport c = provider.connect(new InetSocketAddress(LOOPBACK, 9))) {
            assertThat(c.deliverTo(d -> { })).isFalse();
            ReceivedDatagram none = c.receive(10);
            assertThat(none).isNull();
        }
    }
}
