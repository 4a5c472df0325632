package dev.jmosh.ssp.core;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * The deterministic in-memory network of design.md practice 4: datagrams between endpoints
 * with seeded loss, delay, jitter (which reorders) and duplication, delivered when the shared
 * {@link ManualClock} reaches their arrival time. No sockets, threads or sleeps.
 */
final class LossyLink {
    private final ManualClock clock;
    private final Random random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
    private final List<End> ends = new ArrayList<>();
    private long order;
    double loss;
    double duplication;
    long delayMs;
    long jitterMs;
    boolean blackout;
    long delivered;
    long dropped;

    LossyLink(ManualClock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    private record InFlight(long at, long order, InetSocketAddress from, InetSocketAddress to, byte[] data)
            implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    End endpoint(int port) {
        End e = new End(port);
        ends.add(e);
        return e;
    }

    /** Injects raw bytes as if sent from {@code from} (for attack tests). */
    void inject(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        inFlight.add(new InFlight(clock.millis(), order++, from, to, data.clone()));
    }

    private void submit(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        if (blackout || random.nextDouble() < loss) {
            dropped++;
            return;
        }
        int copies = random.nextDouble() < duplication ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long jitter = jitterMs > 0 ? (long) (random.nextDouble() * jitterMs) : 0;
            inFlight.add(new InFlight(clock.millis() + delayMs + jitter, order++, from, to, data.clone()));
        }
    }

    /** Moves every datagram due by now into its receiver's inbox. */
    void deliverDue() {
        while (!inFlight.isEmpty() && inFlight.peek().at <= clock.millis()) {
            InFlight f = inFlight.poll();
            for (End e : ends) {
                if (e.ports.contains(f.to.getPort())) {
                    e.inbox.add(new ReceivedDatagram(f.data, f.data.length, f.from, false));
                    e.log.add(f.data);
                    delivered++;
                }
            }
        }
    }

    /** When the next datagram arrives, or Long.MAX_VALUE. */
    long nextArrival() {
        return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().at;
    }

    /** One endpoint: a DatagramTransport whose "sockets" are port numbers on 127.0.0.1. */
    final class End implements DatagramTransport {
        final Deque<ReceivedDatagram> inbox = new ArrayDeque<>();
        /** Every datagram ever delivered here, for replay tests. */
        final List<byte[]> log = new ArrayList<>();
        final Set<Integer> ports = new HashSet<>();
        int port;
        int mtu = 1252;
        int hops;
        /** Datagrams this end has sent. */
        long sent;

        End(int port) {
            this.port = port;
            ports.add(port);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public void send(byte[] data, int off, int len, InetSocketAddress peer) {
            byte[] copy = new byte[len];
            System.arraycopy(data, off, copy, 0, len);
            sent++;
            submit(address(), peer, copy);
        }

        @Override
        public ReceivedDatagram receive(long timeoutMillis) {
            return inbox.poll();
        }

        @Override
        public int mtu() {
            return mtu;
        }

        @Override
        public InetSocketAddress localAddress() {
            return address();
        }

        @Override
        public void hop() {
            port += 1000;
            ports.add(port);
            hops++;
        }

        @Override
        public void close() {
            ports.clear();
        }
    }
}
