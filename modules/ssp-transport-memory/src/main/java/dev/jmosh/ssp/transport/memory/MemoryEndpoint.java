package dev.jmosh.ssp.transport.memory;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One end of a {@link MemoryNetwork}: a {@link DatagramTransport} whose sockets are addresses
 * on that network. {@link #hop} opens a new "socket" (the port plus 1000) and keeps receiving on
 * the old ones, as mosh's client does; {@link #roam} moves the whole endpoint to a new address,
 * as a laptop that changes networks or a NAT that rebinds: datagrams to the old one are lost.
 */
public final class MemoryEndpoint implements DatagramTransport {
    /** The MTU of a new endpoint: UDP over IPv4 in 1280 bytes, as jmosh's UDP transport. */
    public static final int DEFAULT_MEMORY_MTU = 1252;

    private final MemoryNetwork network;
    private final Deque<ReceivedDatagram> inbox = new ArrayDeque<>();
    private final Set<InetSocketAddress> held = new LinkedHashSet<>();
    private List<byte[]> arrivals;
    private InetSocketAddress address;
    private int mtu = DEFAULT_MEMORY_MTU;
    private int hops;
    private long sent;
    private boolean closed;

    MemoryEndpoint(MemoryNetwork network, InetSocketAddress address) {
        this.network = network;
        this.address = address;
        held.add(address);
    }

    @Override
    public void send(byte[] data, int off, int len, InetSocketAddress peer) throws ClosedChannelException {
        byte[] copy = new byte[len];
        System.arraycopy(data, off, copy, 0, len);
        InetSocketAddress from;
        synchronized (network) {
            if (closed) {
                throw new ClosedChannelException();
            }
            sent++;
            from = address;
        }
        network.submit(from, peer, copy);
    }

    @Override
    public ReceivedDatagram receive(long timeoutMillis) throws ClosedChannelException {
        return network.take(this, timeoutMillis);
    }

    /** The next datagram already delivered here, or null; never waits and never delivers. */
    public ReceivedDatagram poll() {
        synchronized (network) {
            return inbox.poll();
        }
    }

    @Override
    public int mtu() {
        synchronized (network) {
            return mtu;
        }
    }

    /** Sets the MTU this endpoint reports (a smaller one makes SSP fragment more). */
    public void setMtu(int bytes) {
        synchronized (network) {
            mtu = bytes;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        synchronized (network) {
            return address;
        }
    }

    /** A new local port (the current one plus 1000) to send from; the older ones keep receiving. */
    @Override
    public void hop() {
        synchronized (network) {
            InetSocketAddress next = new InetSocketAddress(address.getAddress(), address.getPort() + 1000);
            network.claim(next, this);
            held.add(next);
            address = next;
            hops++;
        }
    }

    /**
     * Moves this endpoint to {@code to}: it sends from there and receives only there.
     *
     * @throws IllegalArgumentException when another open endpoint holds {@code to}
     */
    public void roam(InetSocketAddress to) {
        synchronized (network) {
            network.claim(to, this);
            held.clear();
            held.add(to);
            address = to;
        }
    }

    /** How many times {@link #hop} ran. */
    public int hops() {
        synchronized (network) {
            return hops;
        }
    }

    /** Datagrams sent from this endpoint, lost or not. */
    public long sent() {
        synchronized (network) {
            return sent;
        }
    }

    /** From now on keeps a copy of every datagram that arrives here (see {@link #arrivals}), e.g. to replay them. */
    public void keepArrivals() {
        synchronized (network) {
            if (arrivals == null) {
                arrivals = new ArrayList<>();
            }
        }
    }

    /** Copies of the datagrams that arrived since {@link #keepArrivals}, oldest first. */
    public List<byte[]> arrivals() {
        synchronized (network) {
            return arrivals == null ? List.of() : arrivals.stream().map(byte[]::clone).toList();
        }
    }

    /** Closes every address; a blocked {@link #receive} ends with {@link ClosedChannelException}. */
    @Override
    public void close() {
        synchronized (network) {
            closed = true;
            held.clear();
        }
        network.wakeAll();
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether a datagram to {@code a} comes here; called with the network's lock held. */
    boolean holds(InetSocketAddress a) {
        return held.contains(a);
    }

    /** Called with the network's lock held. */
    void arrive(ReceivedDatagram d) {
        inbox.add(d);
        if (arrivals != null) {
            arrivals.add(d.data().clone());
        }
    }

    /** Called with the network's lock held. */
    ReceivedDatagram next() {
        return inbox.poll();
    }
}
