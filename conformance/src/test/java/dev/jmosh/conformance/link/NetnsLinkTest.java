package dev.jmosh.conformance.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.Conformance;
import dev.jmosh.conformance.relay.Impairment;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The namespaced link carries UDP and TCP with the delay and loss it is told, counts flows, and leaves nothing behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetnsLinkTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress(NetnsLink.SERVER_ADDRESS, 7001);
    private NetnsLink link;

    @BeforeEach
    void setUp() throws Exception {
        String why = NetnsLink.unavailable();
        Conformance.requireThat(why == null, why);
        link = NetnsLink.create("jmosh-t" + ProcessHandle.current().pid(), 11);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (link != null) {
            link.close();
        }
    }

    private DatagramChannel bound(boolean server) throws Exception {
        return server
                ? link.inServer(() -> DatagramChannel.open().bind(SERVER))
                : link.inClient(() -> DatagramChannel.open().bind(new InetSocketAddress(NetnsLink.CLIENT_ADDRESS, 0)));
    }

    /** Sends one datagram up and waits up to {@code millis} for it; returns the ms it took or -1. */
    private static long oneWay(DatagramChannel from, DatagramChannel to, long millis) throws Exception {
        to.configureBlocking(false);
        long start = System.nanoTime();
        from.send(ByteBuffer.wrap(new byte[100]), SERVER);
        ByteBuffer in = ByteBuffer.allocate(2048);
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(millis)) {
            if (to.receive(in) != null) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(1);
        }
        return -1;
    }

    @Test
    void udpCrossesWithTheDelayAndIsCountedInItsFlow() throws Exception {
        try (DatagramChannel server = bound(true); DatagramChannel client = bound(false)) {
            assertThat(oneWay(client, server, 2000)).isBetween(0L, 40L);
            link.impair(Impairment.lossy(0, 50));
            assertThat(oneWay(client, server, 2000)).isBetween(50L, 1000L);
            NetnsLink.Traffic t = link.up().flows().get("udp/7001");
            assertThat(t).isEqualTo(new NetnsLink.Traffic(2, 2 * (20 + 8 + 100)));
            assertThat(link.down().flows()).doesNotContainKey("udp/7001");
        }
    }

    @Test
    void totalLossDropsEverythingAndCountsIt() throws Exception {
        try (DatagramChannel server = bound(true); DatagramChannel client = bound(false)) {
            link.impair(Impairment.lossy(1, 0));
            for (int i = 0; i < 5; i++) {
                assertThat(oneWay(client, server, 200)).isEqualTo(-1);
            }
            assertThat(link.up().dropped()).isEqualTo(5);
            link.impair(Impairment.NONE);
            assertThat(oneWay(client, server, 2000)).isNotNegative();
        }
    }

    @Test
    void tcpConnectsAcrossAndIsCountedBothWays() throws Exception {
        try (ServerSocketChannel listener = link.inServer(() -> ServerSocketChannel.open().bind(SERVER));
             SocketChannel client = link.inClient(() -> SocketChannel.open())) {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.connect(SERVER);
            try (SocketChannel accepted = listener.accept()) {
                client.write(ByteBuffer.wrap("hello".getBytes()));
                ByteBuffer in = ByteBuffer.allocate(16);
                while (in.position() < 5) {
                    accepted.read(in);
                }
                assertThat(new String(in.array(), 0, 5)).isEqualTo("hello");
                accepted.write(ByteBuffer.wrap("ok".getBytes()));
                ByteBuffer back = ByteBuffer.allocate(16);
                while (back.position() < 2) {
                    client.read(back);
                }
            }
            // counted when offered, so certain by now: SYN and data up, SYN-ACK and data down (acks may lag)
            assertThat(link.up().flows().get("tcp/7001").packets()).isGreaterThanOrEqualTo(2);
            assertThat(link.down().flows().get("tcp/7001").packets()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void closeRemovesBothNamespaces() throws Exception {
        String prefix = "jmosh-t" + ProcessHandle.current().pid();
        assertThat(link.exists()).isTrue();
        link.close();
        link = null;
        assertThat(Path.of("/run/netns", prefix + "-c")).doesNotExist();
        assertThat(Path.of("/run/netns", prefix + "-s")).doesNotExist();
    }
}
