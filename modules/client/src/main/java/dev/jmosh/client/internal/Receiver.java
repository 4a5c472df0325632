package dev.jmosh.client.internal;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves datagrams from the transport onto the session's queue, on its own thread. At most
 * {@value #MAX_PENDING} wait there at once; a flood beyond that is dropped before it can
 * exhaust memory (the session's counters see only what it processed).
 */
public final class Receiver implements Runnable {
    /** Datagrams queued but not yet processed, at most. */
    public static final int MAX_PENDING = 1024;
    /** Pause after a receive error, so a broken socket cannot spin the CPU, in ms. */
    private static final long ERROR_PAUSE_MS = 200;

    private final DatagramTransport transport;
    private final BlockingQueue<Event> queue;
    private final AtomicInteger pending;
    private volatile long overflowDrops;

    /** A receiver feeding {@code queue}; {@code pending} counts queued datagrams. */
    public Receiver(DatagramTransport transport, BlockingQueue<Event> queue, AtomicInteger pending) {
        this.transport = transport;
        this.queue = queue;
        this.pending = pending;
    }

    @Override
    public void run() {
        while (true) {
            try {
                ReceivedDatagram d = transport.receive(-1);
                if (d == null) {
                    continue;
                }
                if (pending.incrementAndGet() > MAX_PENDING) {
                    pending.decrementAndGet();
                    overflowDrops++;
                    continue;
                }
                queue.add(new Event.Datagram(d));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // keep receiving whatever went wrong: a dead receiver would silence the session
                queue.add(new Event.NetworkError("recvmsg: " + e.getMessage()));
                try {
                    Thread.sleep(ERROR_PAUSE_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Datagrams dropped because the queue was full. */
    public long overflowDrops() {
        return overflowDrops;
    }
}
