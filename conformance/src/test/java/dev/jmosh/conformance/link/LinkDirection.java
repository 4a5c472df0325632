package dev.jmosh.conformance.link;

import dev.jmosh.conformance.relay.Impairment;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a {@link NetnsLink}: a thread reads each IP packet from one TUN device, counts
 * it in its flow, drops it with the impairment's loss probability (seeded draws) and otherwise
 * queues it for its delay plus jitter; a second thread writes it to the other device when it is
 * due. Both threads wait at most 100 ms at a time, so {@link #stop} ends them promptly.
 */
public final class LinkDirection {
    private static final int WAIT_MILLIS = 100;

    private final String name;
    private final Tun from;
    private final Tun to;
    private final Random random;
    private final DelayQueue<Due> queue = new DelayQueue<>();
    private final Map<String, NetnsLink.Traffic> flows = new HashMap<>();
    private volatile Impairment impairment = Impairment.NONE;
    private volatile boolean running = true;
    private volatile Tap tap;
    private volatile IOException failure;
    private long dropped;
    private long sequence;
    private Thread reader;
    private Thread writer;

    LinkDirection(String name, Tun from, Tun to, long seed) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.random = new Random(seed);
    }

    void start() {
        reader = Thread.ofPlatform().daemon().name("link-" + name + "-in").start(this::readLoop);
        writer = Thread.ofPlatform().daemon().name("link-" + name + "-out").start(this::writeLoop);
    }

    /** From now on, packets are treated as {@code impairment} says (only loss, delay and jitter apply). */
    public void impair(Impairment impairment) {
        this.impairment = impairment;
    }

    /** Something that sees every packet offered to a direction, dropped or not (diagnostics). */
    @FunctionalInterface
    public interface Tap {
        /** {@code packet} (a copy of the IP packet) was offered at {@code nanos} ({@link System#nanoTime}). */
        void offered(long nanos, byte[] packet, boolean dropped);
    }

    /** From now on every packet offered is shown to {@code tap} (null: none), on the reading thread. */
    public void tap(Tap tap) {
        this.tap = tap;
    }

    /** Packets offered to this direction so far (dropped ones included), by flow ({@code "udp/PORT"}). */
    public synchronized Map<String, NetnsLink.Traffic> flows() {
        return Map.copyOf(flows);
    }

    /** Packets dropped so far. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The first failure of either thread, or null. */
    public IOException failure() {
        return failure;
    }

    private void readLoop() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] scratch = Tun.readScratch(arena);
            while (running) {
                int n = from.read(scratch[0], scratch[1], scratch[2], WAIT_MILLIS);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    offer(scratch[0], n);
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private void offer(MemorySegment packet, int length) {
        Impairment now = impairment;
        String key = NetnsLink.flowKey(packet, length, name.equals("up"));
        long due;
        synchronized (this) {
            if (key != null) {
                flows.merge(key, new NetnsLink.Traffic(1, length), (a, b) -> a.plus(length));
            }
            boolean drop = now.loss() > 0 && random.nextDouble() < now.loss();
            Tap t = tap;
            if (t != null) {
                t.offered(System.nanoTime(), packet.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), drop);
            }
            if (drop) {
                dropped++;
                return;
            }
            long delay = now.delayMillis() + (now.jitterMillis() > 0 ? random.nextInt(now.jitterMillis() + 1) : 0);
            due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
            queue.add(new Due(due, sequence++, packet.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE)));
        }
    }

    private void writeLoop() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Tun.MAX_PACKET, 8);
            MemorySegment state = Tun.callState(arena);
            while (running) {
                Due d = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (d != null) {
                    MemorySegment.copy(d.packet, 0, buffer, ValueLayout.JAVA_BYTE, 0, d.packet.length);
                    to.write(buffer, d.packet.length, state);
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends both threads (within about 100 ms); packets still queued are dropped. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : new Thread[] {reader, writer}) {
            if (t != null) {
                t.join(5_000);
            }
        }
    }

    /** A packet and when it is due; equal times keep their arrival order. */
    private record Due(long dueNanos, long sequence, byte[] packet) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Due o = (Due) other;
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
