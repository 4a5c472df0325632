package dev.jmosh.ssp.transport.memory;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.ReceivedDatagram;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A network in memory: datagrams sent by its {@link MemoryEndpoint}s arrive after a delay, with
 * seeded loss, jitter, reordering and duplication, or not at all during a blackout. A datagram
 * goes to the endpoint that holds its destination address when it arrives; one for an address
 * nobody holds is lost, as on the Internet.
 *
 * <p>Two ways to run it:
 * <ul>
 * <li>{@link #simulated}: on a {@link ManualClock}. Nothing happens until the program moves the
 * clock and calls {@link #deliverDue} (or {@code receive}); {@link #nextArrival} says when the
 * next datagram lands. Deterministic for a given seed and sequence of calls.
 * <li>{@link #realTime}: on the system clock. {@code receive} blocks until a datagram arrives or
 * its timeout passes, so client and server sessions can run on their own threads in one process.
 * </ul>
 *
 * <p>The conditions ({@link #setLoss} and the rest) apply to every datagram sent after they are
 * set, in both directions. All methods are thread-safe.
 */
public final class MemoryNetwork {
    private final Clock clock;
    private final boolean realTime;
    private final SplittableRandom random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>();
    private final List<MemoryEndpoint> endpoints = new ArrayList<>();
    private long order;
    private double loss;
    private double duplication;
    private double reordering;
    private long reorderDelayMs;
    private long delayMs;
    private long jitterMs;
    private boolean blackout;
    private long delivered;
    private long dropped;

    private record InFlight(long at, long order, InetSocketAddress from, InetSocketAddress to, byte[] data)
            implements Comparable<InFlight> {
        @Override
        public int compareTo(InFlight o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    private MemoryNetwork(Clock clock, boolean realTime, long seed) {
        this.clock = clock;
        this.realTime = realTime;
        this.random = new SplittableRandom(seed);
    }

    /** A network on {@code clock}, moved by hand; {@code seed} fixes every random choice. */
    public static MemoryNetwork simulated(ManualClock clock, long seed) {
        return new MemoryNetwork(clock, false, seed);
    }

    /** A network on the system clock whose endpoints' {@code receive} blocks. */
    public static MemoryNetwork realTime(long seed) {
        return new MemoryNetwork(Clock.system(), true, seed);
    }

    /** The clock this network's delays are measured on. */
    public Clock clock() {
        return clock;
    }

    /** A new endpoint on {@code 127.0.0.1:port}. */
    public MemoryEndpoint endpoint(int port) {
        return endpoint(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * A new endpoint at {@code address}.
     *
     * @throws IllegalArgumentException when another open endpoint holds that address
     */
    public synchronized MemoryEndpoint endpoint(InetSocketAddress address) {
        claim(address, null);
        MemoryEndpoint e = new MemoryEndpoint(this, address);
        endpoints.add(e);
        return e;
    }

    /** A new endpoint at the first port from {@code low} to {@code high} on {@code address} that nobody holds, or null. */
    public synchronized MemoryEndpoint endpointInRange(InetAddress address, int low, int high) {
        for (int port = low; port <= high; port++) {
            InetSocketAddress a = new InetSocketAddress(address, port);
            if (!heldByAnother(a, null)) {
                return endpoint(a);
            }
        }
        return null;
    }

    /**
     * The network that {@link MemoryTransportProvider}s made by {@link java.util.ServiceLoader}
     * share: one per process, in real time, without impairments, created on first use.
     */
    public static MemoryNetwork processNetwork() {
        return ProcessNetwork.NETWORK;
    }

    /** Holds the process's network until someone asks for it. */
    private static final class ProcessNetwork {
        static final MemoryNetwork NETWORK = realTime(0);
    }

    /** Refuses an address that an open endpoint other than {@code self} holds. */
    synchronized void claim(InetSocketAddress address, MemoryEndpoint self) {
        if (heldByAnother(address, self)) {
            throw new IllegalArgumentException(address + " is taken");
        }
    }

    /** Whether an open endpoint other than {@code self} (null: any) holds {@code address}. */
    private boolean heldByAnother(InetSocketAddress address, MemoryEndpoint self) {
        return endpoints.stream().anyMatch(e -> e != self && e.holds(address));
    }

    /** Each datagram is lost with this probability (0 to 1). */
    public synchronized MemoryNetwork setLoss(double probability) {
        loss = probability(probability);
        return this;
    }

    /** Each datagram that is not lost arrives twice with this probability. */
    public synchronized MemoryNetwork setDuplication(double probability) {
        duplication = probability(probability);
        return this;
    }

    /** One-way delay of every datagram, in ms. */
    public synchronized MemoryNetwork setDelay(long ms) {
        delayMs = nonNegative(ms);
        return this;
    }

    /** A uniformly random extra delay from 0 to {@code ms} for each datagram; datagrams overtake each other. */
    public synchronized MemoryNetwork setJitter(long ms) {
        jitterMs = nonNegative(ms);
        return this;
    }

    /** Each datagram is held back {@code extraMs} more with this probability, so later ones overtake it. */
    public synchronized MemoryNetwork setReordering(double probability, long extraMs) {
        reordering = probability(probability);
        reorderDelayMs = nonNegative(extraMs);
        return this;
    }

    /** While on, every datagram sent is lost (those already on their way still arrive). */
    public synchronized MemoryNetwork setBlackout(boolean on) {
        blackout = on;
        return this;
    }

    /** Whether the blackout is on. */
    public synchronized boolean blackout() {
        return blackout;
    }

    private static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("not a probability: " + p);
        }
        return p;
    }

    private static long nonNegative(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time: " + ms);
        }
        return ms;
    }

    /** Sends {@code data} as from {@code from}, under the conditions; called by endpoints. */
    synchronized void submit(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        if (blackout || random.nextDouble() < loss) {
            dropped++;
            return;
        }
        int copies = random.nextDouble() < duplication ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long at = clock.millis() + delayMs + (jitterMs > 0 ? random.nextLong(jitterMs + 1) : 0);
            if (reordering > 0 && random.nextDouble() < reordering) {
                at += reorderDelayMs;
            }
            inFlight.add(new InFlight(at, order++, from, to, data.clone()));
        }
        notifyAll();
    }

    /**
     * Puts raw bytes on the wire as if {@code from} had sent them, arriving now whatever the
     * conditions: a spoofed, replayed or garbage datagram for attack tests.
     */
    public synchronized void inject(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        inFlight.add(new InFlight(clock.millis(), order++, from, to, data.clone()));
        notifyAll();
    }

    /** Copies of the datagrams on their way to {@code to}, the first to arrive first: an eavesdropper's view. */
    public synchronized List<byte[]> inFlightTo(InetSocketAddress to) {
        return inFlight.stream().filter(f -> f.to.equals(to)).sorted().map(f -> f.data.clone()).toList();
    }

    /** Moves every datagram due by now to the endpoint that holds its destination. */
    public synchronized void deliverDue() {
        long now = clock.millis();
        while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
            InFlight f = inFlight.poll();
            for (MemoryEndpoint e : endpoints) {
                if (e.holds(f.to)) {
                    e.arrive(new ReceivedDatagram(f.data, f.data.length, f.from, false));
                    delivered++;
                    break;
                }
            }
        }
    }

    /** When the next datagram on its way arrives, or {@link Long#MAX_VALUE} if none is. */
    public synchronized long nextArrival() {
        return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().at;
    }

    /** Datagrams delivered to an endpoint so far. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Datagrams lost to the loss rate or a blackout so far. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * The next datagram for {@code e}: simulated, at once or null; in real time, waiting up to
     * {@code timeoutMillis} (negative: until one comes or {@code e} closes).
     */
    synchronized ReceivedDatagram take(MemoryEndpoint e, long timeoutMillis) throws ClosedChannelException {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : clock.millis() + timeoutMillis;
        while (true) {
            if (e.isClosed()) {
                throw new ClosedChannelException();
            }
            deliverDue();
            ReceivedDatagram d = e.next();
            if (d != null || !realTime) {
                return d;
            }
            long now = clock.millis();
            if (now >= deadline) {
                return null;
            }
            try {
                wait(Math.max(1, Math.min(deadline, nextArrival()) - now));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Wakes receivers blocked on this network (an endpoint closed). */
    synchronized void wakeAll() {
        notifyAll();
    }
}
