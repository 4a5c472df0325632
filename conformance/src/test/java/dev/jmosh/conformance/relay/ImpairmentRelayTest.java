package dev.jmosh.conformance.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay itself, in front of a loopback echo server that notes the addresses it hears from. */
@Timeout(60)
class ImpairmentRelayTest {
    private DatagramSocket echo;
    private Thread echoThread;
    private final Set<Integer> sourcePorts = ConcurrentHashMap.newKeySet();
    private DatagramSocket client;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        echoThread = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!echo.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    echo.receive(p);
                    sourcePorts.add(p.getPort());
                    echo.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        echoThread.start();
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(50);
    }

    @AfterEach
    void stop() throws InterruptedException {
        echo.close();
        client.close();
        echoThread.join(2_000);
    }

    private ImpairmentRelay relay(long seed) throws IOException {
        return ImpairmentRelay.start((InetSocketAddress) echo.getLocalSocketAddress(), seed);
    }

    private void send(ImpairmentRelay r, int n) throws IOException {
        byte[] b = ByteBuffer.allocate(4).putInt(n).array();
        client.send(new DatagramPacket(b, 4, InetAddress.getLoopbackAddress(), r.clientPort()));
    }

    /** Receives echoes until {@code expected} arrived or {@code millis} passed without any. */
    private List<Integer> receive(int expected, long millis) throws IOException {
        List<Integer> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        byte[] buf = new byte[16];
        while (got.size() < expected && System.currentTimeMillis() < deadline) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                client.receive(p);
                got.add(ByteBuffer.wrap(p.getData(), 0, 4).getInt());
            } catch (SocketTimeoutException e) {
                // poll again until the deadline
            }
        }
        return got;
    }

    @Test
    void aPerfectLinkDeliversEverythingInOrder() throws IOException {
        try (ImpairmentRelay r = relay(1)) {
            for (int i = 0; i < 200; i++) {
                send(r, i);
                assertThat(receive(1, 2_000)).containsExactly(i);
            }
            assertThat(r.upstream().dropped() + r.downstream().dropped()).isZero();
            assertThat(sourcePorts).containsExactly(r.serverFacingPort());
        }
    }

    @Test
    void lossIsPerDirectionSeededAndCounted() throws IOException {
        long[] drops = new long[2];
        for (int run = 0; run < 2; run++) {
            try (ImpairmentRelay r = relay(42)) {
                r.impair(Impairment.lossy(0.29, 0), Impairment.NONE);
                List<Integer> got = new ArrayList<>();
                for (int batch = 0; batch < 20; batch++) { // small batches: no socket buffer overflows
                    for (int i = 0; i < 50; i++) {
                        send(r, batch * 50 + i);
                    }
                    got.addAll(receive(50, 300));
                }
                assertThat(r.upstream().received()).isEqualTo(1000);
                drops[run] = r.upstream().dropped();
                assertThat(got).hasSize((int) (1000 - drops[run]));
                assertThat(r.downstream().dropped()).isZero();
            }
        }
        assertThat(drops[0]).as("29%% of 1000").isBetween(230L, 350L);
        assertThat(drops[1]).as("same seed, same choices").isEqualTo(drops[0]);
    }

    @Test
    void delayReorderingAndDuplication() throws IOException {
        try (ImpairmentRelay r = relay(7)) {
            r.impair(Impairment.lossy(0, 20).withJitter(10).withReorder(0.2).withDuplicate(0.3), Impairment.NONE);
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                send(r, i);
            }
            List<Integer> got = receive(1000, 1_500);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(20);
            assertThat(got).containsAll(java.util.stream.IntStream.range(0, 100).boxed().toList());
            assertThat(got.size()).as("duplicates").isGreaterThan(110);
            boolean reordered = false;
            for (int i = 1; i < got.size(); i++) {
                reordered |= got.get(i) < got.get(i - 1) && !got.get(i).equals(got.get(i - 1));
            }
            assertThat(reordered).isTrue();
        }
    }

    @Test
    void changeAddressLooksLikeANewClientToTheServer() throws IOException {
        try (ImpairmentRelay r = relay(3)) {
            send(r, 1);
            assertThat(receive(1, 2_000)).containsExactly(1);
            int before = r.serverFacingPort();
            r.changeAddress();
            assertThat(r.serverFacingPort()).isNotEqualTo(before);
            send(r, 2);
            assertThat(receive(1, 2_000)).containsExactly(2);
            assertThat(sourcePorts).containsExactlyInAnyOrder(before, r.serverFacingPort());
        }
    }

    @Test
    void aBlackoutDropsEverythingAndEnds() throws IOException {
        try (ImpairmentRelay r = relay(5)) {
            r.blackout(Duration.ofMillis(300));
            send(r, 1);
            assertThat(receive(1, 150)).isEmpty();
            List<Integer> after = List.of();
            for (int i = 0; i < 40 && after.isEmpty(); i++) { // the blackout ends after 300 ms
                send(r, 100 + i);
                after = receive(1, 50);
            }
            assertThat(after).hasSize(1);
            assertThat(r.upstream().dropped()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void recordingKeepsTheNewestForwardedDatagramsOnlyWhenSwitchedOn() throws IOException {
        try (ImpairmentRelay r = relay(9)) {
            send(r, 1);
            assertThat(receive(1, 2_000)).containsExactly(1);
            assertThat(r.recordedUpstream()).as("off by default").isEmpty();
            r.recordUpstream(3);
            for (int i = 2; i <= 6; i++) {
                send(r, i);
                assertThat(receive(1, 2_000)).containsExactly(i);
            }
            assertThat(r.recordedUpstream()).extracting(b -> ByteBuffer.wrap(b).getInt())
                    .as("the newest 3, oldest first").containsExactly(4, 5, 6);
            r.recordedUpstream().get(0)[0] = 99; // a copy: the record is unchanged
            assertThat(ByteBuffer.wrap(r.recordedUpstream().get(0)).getInt()).isEqualTo(4);
            r.impair(Impairment.BLACKOUT, Impairment.NONE);
            send(r, 7);
            assertThat(receive(1, 150)).isEmpty();
            r.impair(Impairment.NONE);
            r.recordUpstream(0);
            send(r, 8);
            assertThat(receive(1, 2_000)).containsExactly(8);
            assertThat(r.recordedUpstream()).as("a dropped one is not kept; stopping keeps what was recorded")
                    .extracting(b -> ByteBuffer.wrap(b).getInt()).containsExactly(4, 5, 6);
        }
    }

    @Test
    void onlyLoopback() {
        assertThatThrownBy(() -> ImpairmentRelay.start(new InetSocketAddress("192.0.2.1", 9), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Impairment(1.5, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
