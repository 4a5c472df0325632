package dev.jmosh.ssp.transport.udp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real UDP sockets on 127.0.0.1. */
class UdpTransportTest {
    private final UdpTransportProvider provider = new UdpTransportProvider();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    @Timeout(10)
    void clientAndServerExchangeDatagramsAndTheServerSeesTheSource() throws Exception {
        try (DatagramTransport server = provider.bind(LOOPBACK, 0, 0)) {
            InetSocketAddress serverAddr = server.localAddress();
            try (DatagramTransport client = provider.connect(serverAddr)) {
                client.send(new byte[] {1, 2, 3}, 0, 3, serverAddr);
                ReceivedDatagram d = server.receive(5_000);
                assertThat(d).isNotNull();
                assertThat(d.length()).isEqualTo(3);
                assertThat(d.source().getPort()).isEqualTo(client.localAddress().getPort());
                server.send(new byte[] {9}, 0, 1, d.source());
                assertThat(client.receive(5_000).data()).containsExactly(9);
            }
        }
    }

    @Test
    void mtuFollowsTheAddressFamily() throws Exception {
        try (DatagramTransport v4 = provider.bind(LOOPBACK, 0, 0)) {
            assertThat(v4.mtu()).isEqualTo(1252);
        }
        try (DatagramTransport v6 = provider.connect(new InetSocketAddress("::1", 60001))) {
            assertThat(v6.mtu()).isEqualTo(1216);
        }
    }

    @Test
    @Timeout(10)
    void afterAHopTheOldSocketStillReceives() throws Exception {
        try (DatagramTransport server = provider.bind(LOOPBACK, 0, 0);
             DatagramTransport client = provider.connect(server.localAddress())) {
            InetSocketAddress old = client.localAddress();
            client.hop();
            assertThat(client.localAddress()).isNotEqualTo(old);
            server.send(new byte[] {7}, 0, 1, old);
            assertThat(client.receive(5_000).data()).containsExactly(7);
            client.send(new byte[] {8}, 0, 1, server.localAddress());
            assertThat(server.receive(5_000).source().getPort()).isEqualTo(client.localAddress().getPort());
        }
    }

    @Test
    @Timeout(10)
    void oversizeDatagramsAreReportedLongerThanTheReceiveMtu() throws Exception {
        try (DatagramTransport server = provider.bind(LOOPBACK, 0, 0);
             DatagramTransport client = provider.connect(server.localAddress())) {
            byte[] big = new byte[4000];
            client.send(big, 0, big.length, server.localAddress());
            ReceivedDatagram d = server.receive(5_000);
            assertThat(d.length()).isGreaterThan(DatagramTransport.RECEIVE_MTU);
        }
    }

    @Test
    @Timeout(10)
    void receiveTimesOutAndCloseEndsABlockedReceive() throws Exception {
        DatagramTransport server = provider.bind(LOOPBACK, 0, 0);
        assertThat(server.receive(50)).isNull();
        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                server.receive(-1);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(100);
        server.close();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void aBusyPortRangeIsSearchedAndAFullOneIsReported() throws Exception {
        try (DatagramTransport first = provider.bind(LOOPBACK, 0, 0)) {
            int busy = first.localAddress().getPort();
            assertThatThrownBy(() -> provider.bind(LOOPBACK, busy, busy))
                    .hasMessageContaining("Failed binding to 127.0.0.1:" + busy);
        }
    }
}
