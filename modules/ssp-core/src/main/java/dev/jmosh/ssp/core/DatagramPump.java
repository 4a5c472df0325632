package dev.jmosh.ssp.core;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Moves datagrams from a transport to an application's event queue: on the transport's own
 * receiving thread where it has one ({@link #attach}), else run it on a thread of the
 * application's choosing (this package starts none). At most {@value #MAX_PENDING} datagrams
 * wait for the application at once: a flood beyond that is dropped and counted before it can
 * exhaust memory. With a {@link DatagramGate}, only authentic datagrams are handed over; the
 * others are reported where they arrived. It ends when the transport is closed.
 */
public final class DatagramPump implements Runnable {
    /** Datagrams handed over but not yet {@linkplain #taken taken}, at most. */
    public static final int MAX_PENDING = 1024;
    /** Pause after a receive error, so a broken socket cannot spin the CPU, in ms. */
    private static final long ERROR_PAUSE_MS = 200;

    private final DatagramTransport transport;
    private final Consumer<ReceivedDatagram> datagrams;
    private final Consumer<String> errors;
    private final DatagramGate gate;
    private final Consumer<Exception> rejected;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long overflowDrops;

    /**
     * A pump from {@code transport}.
     *
     * @param datagrams receives each datagram (it must call {@link #taken} once it has processed one)
     * @param errors receives a one-line description of each receive error ("recvmsg: ...")
     */
    public DatagramPump(DatagramTransport transport, Consumer<ReceivedDatagram> datagrams, Consumer<String> errors) {
        this(transport, datagrams, errors, null, e -> { });
    }

    /**
     * A pump from {@code transport} that hands over only the datagrams {@code gate} passes.
     *
     * @param rejected receives the exception for each datagram the gate refused (on the pump's thread)
     */
    public DatagramPump(DatagramTransport transport, Consumer<ReceivedDatagram> datagrams, Consumer<String> errors,
            DatagramGate gate, Consumer<Exception> rejected) {
        this.transport = transport;
        this.datagrams = datagrams;
        this.errors = errors;
        this.gate = gate;
        this.rejected = rejected;
    }

    /**
     * Hands the transport this pump's work if it receives on a thread of its own ({@link
     * DatagramTransport#deliverTo}): the gate then runs there, and a rejected datagram never
     * wakes the application. Call it once, before any {@link #run}.
     *
     * @return false if the transport has no such thread: then {@link #run} the pump on one
     */
    public boolean attach() {
        return transport.deliverTo(d -> pass(d, true));
    }

    /** Gates {@code d} and hands it over (a copy if its array is the transport's) if there is room. */
    private void pass(ReceivedDatagram d, boolean borrowed) {
        if (gate != null) {
            try {
                gate.check(d);
            } catch (dev.jmosh.ssp.CryptoException | dev.jmosh.ssp.WireFormatException e) {
                rejected.accept(e);
                return;
            }
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            overflowDrops++;
            return;
        }
        datagrams.accept(borrowed ? new ReceivedDatagram(Arrays.copyOf(d.data(), d.length()), d.length(),
                d.source(), d.congestionExperienced()) : d);
    }

    @Override
    public void run() {
        while (true) {
            try {
                ReceivedDatagram d = transport.receive(-1);
                if (d != null) {
                    pass(d, false);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // keep receiving whatever went wrong: a dead pump would silence the session
                errors.accept("recvmsg: " + e.getMessage());
                try {
                    Thread.sleep(ERROR_PAUSE_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** The application has processed one datagram. */
    public void taken() {
        pending.decrementAndGet();
    }

    /** Datagrams dropped because the application fell behind. */
    public long overflowDrops() {
        return overflowDrops;
    }
}
