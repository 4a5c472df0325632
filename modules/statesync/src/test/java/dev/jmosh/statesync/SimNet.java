package dev.jmosh.statesync;

import dev.jmosh.ssp.Clock;
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
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic in-memory network on 127.0.0.1 for the receive-path fuzz test: seeded loss,
 * delay, jitter (which reorders) and duplication, delivery when the manual clock reaches a
 * datagram's arrival time; a datagram to an address nobody holds is lost. The test drains the
 * inboxes itself and hands bad datagrams to the receivers directly.
 */
final class SimNet {
    /** A clock moved by hand. */
    static final class ManualClock implements Clock {
        private long now;

        ManualClock(long start) {
            now = start;
        }

        @Override
        public long millis() {
            return now;
        }

        void set(long millis) {
            now = millis;
        }
    }

    private record InFlight(long at, long order, InetSocketAddress from, InetSocketAddress to, byte[] data)
            implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    private final ManualClock clock;
    private final SplittableRandom random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
    private final List<End> ends = new ArrayList<>();
    private long order;
    double loss;
    double duplication;
    long delayMs;
    long jitterMs;

    SimNet(ManualClock clock, long seed) {
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    static InetSocketAddress local(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    End endpoint(int port) {
        End e = new End(port);
        ends.add(e);
        return e;
    }

    /** Moves every datagram due by now into its receiver's inbox; one to an unknown address is lost. */
    void deliverDue() {
        while (!inFlight.isEmpty() && inFlight.peek().at <= clock.millis()) {
            InFlight f = inFlight.poll();
            for (End e : ends) {
                if (e.ports.contains(f.to.getPort())) {
                    e.inbox.add(new ReceivedDatagram(f.data, f.data.length, f.from, false));
                }
            }
        }
    }

    /** Copies of the datagrams on their way to {@code to}, the first to arrive first (an eavesdropper's view). */
    List<byte[]> inFlightTo(InetSocketAddress to) {
        return inFlight.stream().filter(f -> f.to.equals(to)).sorted().map(f -> f.data.clone()).toList();
    }

    /** When the next datagram arrives, or {@link Long#MAX_VALUE}. */
    long nextArrival() {
        return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().at;
    }

    /** One endpoint: a {@link DatagramTransport} whose sockets are port numbers; a hop adds 1000. */
    final class End implements DatagramTransport {
        final Deque<ReceivedDatagram> inbox = new ArrayDeque<>();
        final Set<Integer> ports = new HashSet<>();
        int port;

        End(int port) {
            this.port = port;
            ports.add(port);
        }

        InetSocketAddress address() {
            return local(port);
        }

        @Override
        public void send(byte[] data, int off, int len, InetSocketAddress peer) {
            if (random.nextDouble() < loss) {
                return;
            }
            int copies = random.nextDouble() < duplication ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                byte[] copy = new byte[len];
                System.arraycopy(data, off, copy, 0, len);
                long jitter = jitterMs > 0 ? random.nextLong(jitterMs + 1) : 0;
                inFlight.add(new InFlight(clock.millis() + delayMs + jitter, order++, address(), peer, copy));
            }
        }

        @Override
        public ReceivedDatagram receive(long timeoutMillis) {
            throw new UnsupportedOperationException("the test drains the inbox itself");
        }

        @Override
        public int mtu() {
            return 1252;
        }

        @Override
        public InetSocketAddress localAddress() {
            return address();
        }

        @Override
        public void hop() {
            port += 1000;
            ports.add(port);
        }

        @Override
        public void close() {
            ports.clear();
        }
    }
}
