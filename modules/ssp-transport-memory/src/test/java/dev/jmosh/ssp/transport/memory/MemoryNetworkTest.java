package dev.jmosh.ssp.transport.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.ReceivedDatagram;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemoryNetworkTest {
    private final ManualClock clock = new ManualClock(1000);

    private static byte[] bytes(int i) {
        return new byte[] {(byte) i, (byte) (i >> 8)};
    }

    private static int number(ReceivedDatagram d) {
        return (d.data()[0] & 0xff) | (d.data()[1] & 0xff) << 8;
    }

    /** Everything {@code to} receives until the network is empty, moving the clock from arrival to arrival. */
    private List<Integer> drain(MemoryNetwork net, MemoryEndpoint to) throws Exception {
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 100_000 && net.nextArrival() != Long.MAX_VALUE; i++) {
            clock.set(Math.max(clock.millis(), net.nextArrival()));
            for (ReceivedDatagram d = to.receive(0); d != null; d = to.receive(0)) {
                got.add(number(d));
            }
        }
        return got;
    }

    @Test
    void aDatagramArrivesAfterTheDelayFromItsSendersAddressAndNotBefore() throws Exception {
        MemoryNetwork net = MemoryNetwork.simulated(clock, 1).setDelay(50);
        MemoryEndpoint a = net.endpoint(1);
        MemoryEndpoint b = net.endpoint(2);
        a.send(new byte[] {9, 7, 5}, 1, 2, b.localAddress());
        clock.advance(49);
        assertThat(b.receive(0)).isNull();
        assertThat(net.nextArrival()).isEqualTo(1050);
        clock.advance(1);
        ReceivedDatagram d = b.receive(0);
        assertThat(d.data()).containsExactly(7, 5);
        assertThat(d.source()).isEqualTo(a.localAddress());
        assertThat(a.sent()).isEqualTo(1);
        assertThat(net.delivered()).isEqualTo(1);
    }

    @Test
    void lossDuplicationAndJitterFollowTheSeed() throws Exception {
        MemoryNetwork net = MemoryNetwork.simulated(clock, 7).setLoss(0.3).setDuplication(0.1).setDelay(20).setJitter(30);
        MemoryEndpoint a = net.endpoint(1);
        MemoryEndpoint b = net.endpoint(2);
        for (int i = 0; i < 2000; i++) {
            a.send(bytes(i), 0, 2, b.localAddress());
        }
        List<Integer> got = drain(net, b);
        long distinct = got.stream().distinct().count();
        assertThat(net.dropped()).isBetween(540L, 660L);
        assertThat(distinct).isEqualTo(2000 - net.dropped());
        assertThat(got.size() - distinct).as("duplicates").isBetween(100L, 180L);
        assertThat(got).as("jitter reorders").isNotEqualTo(got.stream().sorted().toList());

        ManualClock again = new ManualClock(1000);
        MemoryNetwork twin = MemoryNetwork.simulated(again, 7).setLoss(0.3).setDuplication(0.1).setDelay(20).setJitter(30);
        MemoryEndpoint a2 = twin.endpoint(1);
        twin.endpoint(2);
        for (int i = 0; i < 2000; i++) {
            a2.send(bytes(i), 0, 2, b.localAddress());
        }
        assertThat(twin.dropped()).as("the same seed, the same losses").isEqualTo(net.dropped());
    }

    @Test
    void reorderingHoldsSomeBackSoThatLaterOnesOvertake() throws Exception {
        MemoryNetwork net = MemoryNetwork.simulated(clock, 3).setDelay(10).setReordering(0.2, 25);
        MemoryEndpoint a = net.endpoint(1);
        MemoryEndpoint b = net.endpoint(2);
        for (int i = 0; i < 200; i++) {
            a.send(bytes(i), 0, 2, b.localAddress());
            clock.advance(5);
        }
        List<Integer> got = drain(net, b);
        assertThat(got).hasSize(200).isNotEqualTo(got.stream().sorted().toList());
        assertThat(got.stream().sorted().toList()).isEqualTo(java.util.stream.IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void aBlackoutLosesWhatIsSentDuringItButNotWhatIsOnItsWay() throws Exception {
        MemoryNetwork net = MemoryNetwork.simulated(clock, 1).setDelay(10);
        MemoryEndpoint a = net.endpoint(1);
        MemoryEndpoint b = net.endpoint(2);
        a.send(bytes(1), 0, 2, b.localAddress());
        net.setBlackout(true);
        a.send(bytes(2), 0, 2, b.localAddress());
        net.setBlackout(false);
        a.send(bytes(3), 0, 2, b.localAddress());
        assertThat(drain(net, b)).containsExactly(1, 3);
        assertThat(net.dropped()).isEqualTo(1);
    }

    @Test
    void aHopKeepsTheOldPortReceivingAndARoamLeavesTheOldAddressDead() throws Exception {
        MemoryNetwork net = MemoryNetwork.simulated(clock, 1);
        MemoryEndpoint client = net.endpoint(40000);
        MemoryEndpoint server = net.endpoint(60001);
        InetSocketAddress first = client.localAddress();
        client.hop();
        assertThat(client.localAddress().getPort()).isEqualTo(41000);
        assertThat(client.hops()).isEqualTo(1);
        client.send(bytes(1), 0, 2, server.localAddress());
        assertThat(drain(net, server)).containsExactly(1);
        server.send(bytes(2), 0, 2, first);
        assertThat(drain(net, client)).as("the old socket still receives").containsExactly(2);

        InetSocketAddress elsewhere = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 5555);
        client.roam(elsewhere);
        server.send(bytes(3), 0, 2, first);
        assertThat(drain(net, client)).as("nobody holds the old address").isEmpty();
        client.send(bytes(4), 0, 2, server.localAddress());
        clock.advance(1);
        ReceivedDatagram d = server.receive(0);
        assertThat(d.source()).isEqualTo(elsewhere);
        assertThatThrownBy(() -> client.roam(server.localAddress())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> net.endpoint(60001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void injectedBytesArriveAtOnceWhateverTheConditionsAndEavesdroppingSeesWhatIsOnTheWay() throws Exception {
        MemoryNetwork net = MemoryNetwork.simulated(clock, 1).setLoss(1).setDelay(30);
        MemoryEndpoint b = net.endpoint(2);
        b.keepArrivals();
        InetSocketAddress spoofed = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        net.inject(spoofed, b.localAddress(), bytes(77));
        net.setLoss(0);
        net.endpoint(1).send(bytes(5), 0, 2, b.localAddress());
        assertThat(net.inFlightTo(b.localAddress())).hasSize(2);
        ReceivedDatagram d = b.receive(0);
        assertThat(number(d)).isEqualTo(77);
        assertThat(d.source()).isEqualTo(spoofed);
        clock.advance(30);
        assertThat(number(b.receive(0))).isEqualTo(5);
        assertThat(b.arrivals()).hasSize(2);
        assertThatThrownBy(() -> net.setLoss(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(10)
    void inRealTimeReceiveWaitsForTheDelayAndCloseWakesAWaitingReceiver() throws Exception {
        MemoryNetwork net = MemoryNetwork.realTime(1).setDelay(30);
        MemoryEndpoint a = net.endpoint(1);
        MemoryEndpoint b = net.endpoint(2);
        long start = System.nanoTime();
        a.send(bytes(8), 0, 2, b.localAddress());
        ReceivedDatagram d = b.receive(5000);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(number(d)).isEqualTo(8);
        assertThat(waited).isGreaterThanOrEqualTo(29);
        assertThat(b.receive(20)).as("nothing more within the timeout").isNull();

        CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return b.receive(-1);
            } catch (ClosedChannelException e) {
                return e;
            }
        });
        b.close();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> b.send(bytes(1), 0, 2, a.localAddress())).isInstanceOf(ClosedChannelException.class);
    }
}
