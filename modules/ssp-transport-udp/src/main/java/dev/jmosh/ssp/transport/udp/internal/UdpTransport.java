package dev.jmosh.ssp.transport.udp.internal;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A client's sockets, mosh's {@code Connection::Socket} and its socket list, over {@link DatagramChannel}s
 * (a server's one socket is {@link UdpServerTransport}).
 *
 * <p>The newest channel sends; every open channel receives, so replies to a port we hopped away
 * from still arrive. At most {@value #MAX_PORTS_OPEN} stay open, and once the newest is
 * {@value #MAX_OLD_SOCKET_AGE_MS} ms old the older ones are closed. Sockets are marked
 * ECN-capable (TOS 0x02) as mosh's are. One thread may receive while another sends or hops.
 */
final class UdpTransport implements DatagramTransport {
    /** Receive sockets kept open at most (mosh {@code MAX_PORTS_OPEN}). */
    static final int MAX_PORTS_OPEN = 10;
    /** Older sockets are closed once the newest is this old, in ms (mosh {@code MAX_OLD_SOCKET_AGE}). */
    static final long MAX_OLD_SOCKET_AGE_MS = 60_000;
    private static final int ECT0 = 0x02;

    private final StandardProtocolFamily family;
    private final Selector selector;
    private final Deque<DatagramChannel> channels = new ArrayDeque<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(RECEIVE_MTU + 1);
    private final PathMtu mtu;
    private volatile long lastPortChoiceNanos;
    private volatile boolean closed;

    private UdpTransport(DatagramChannel first, StandardProtocolFamily family) throws IOException {
        this.family = family;
        this.selector = Selector.open();
        this.mtu = new PathMtu(family);
        add(first);
    }

    static UdpTransport client(StandardProtocolFamily family) throws IOException {
        DatagramChannel ch = openChannel(family);
        ch.bind(null);
        return new UdpTransport(ch, family);
    }


    static DatagramChannel openChannel(StandardProtocolFamily family) throws IOException {
        DatagramChannel ch = DatagramChannel.open(family);
        try {
            ch.setOption(StandardSocketOptions.IP_TOS, ECT0);
        } catch (IOException | UnsupportedOperationException e) {
            // mosh ignores a failure to set the TOS byte as well
        }
        ch.configureBlocking(false);
        return ch;
    }

    private synchronized void add(DatagramChannel ch) throws IOException {
        ch.register(selector, SelectionKey.OP_READ);
        channels.addLast(ch);
        lastPortChoiceNanos = System.nanoTime();
        selector.wakeup();
    }

    @Override
    public void send(byte[] data, int off, int len, InetSocketAddress peer) throws IOException {
        DatagramChannel ch;
        synchronized (this) {
            ch = channels.peekLast();
        }
        if (ch == null) {
            throw new ClosedChannelException();
        }
        mtu.send(ch, data, off, len, peer);
    }

    @Override
    public ReceivedDatagram receive(long timeoutMillis) throws IOException {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        try {
            while (!closed) {
                ReceivedDatagram d = poll();
                if (d != null) {
                    prune();
                    return d;
                }
                long left = deadline == Long.MAX_VALUE ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
                if (deadline != Long.MAX_VALUE && left <= 0) {
                    return null;
                }
                selector.select(left);
            }
        } catch (ClosedSelectorException e) {
            // closed under us
        }
        throw new ClosedChannelException();
    }

    private ReceivedDatagram poll() throws IOException {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            try {
                if (key.isReadable()) {
                    ReceivedDatagram d = readFrom((DatagramChannel) key.channel());
                    if (d != null) {
                        return d;
                    }
                }
            } catch (CancelledKeyException e) {
                // its socket was pruned by a hop on another thread
            }
        }
        synchronized (this) {
            for (DatagramChannel ch : channels) {
                ReceivedDatagram d = readFrom(ch);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private ReceivedDatagram readFrom(DatagramChannel ch) throws IOException {
        receiveBuffer.clear();
        InetSocketAddress source;
        try {
            source = (InetSocketAddress) ch.receive(receiveBuffer);
        } catch (ClosedChannelException e) {
            return null; // pruned while selected
        }
        if (source == null) {
            return null;
        }
        int length = receiveBuffer.position();
        byte[] data = new byte[length];
        System.arraycopy(receiveBuffer.array(), 0, data, 0, length);
        return new ReceivedDatagram(data, length, source, false);
    }

    private synchronized void prune() {
        if (channels.size() > 1 && (System.nanoTime() - lastPortChoiceNanos) / 1_000_000L > MAX_OLD_SOCKET_AGE_MS) {
            while (channels.size() > 1) {
                closeQuietly(channels.pollFirst());
            }
        }
        while (channels.size() > MAX_PORTS_OPEN) {
            closeQuietly(channels.pollFirst());
        }
    }

    @Override
    public int mtu() {
        return mtu.value();
    }

    @Override
    public synchronized InetSocketAddress localAddress() {
        try {
            DatagramChannel ch = channels.peekLast();
            return ch == null ? null : (InetSocketAddress) ch.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void hop() throws IOException {
        if (closed) {
            return;
        }
        DatagramChannel ch = openChannel(family);
        ch.bind(null);
        add(ch);
        prune();
    }

    /** Local ports of every open socket, oldest first; for tests. */
    synchronized int openSockets() {
        return channels.size();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            for (DatagramChannel ch : channels) {
                closeQuietly(ch);
            }
            channels.clear();
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static void closeQuietly(DatagramChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
