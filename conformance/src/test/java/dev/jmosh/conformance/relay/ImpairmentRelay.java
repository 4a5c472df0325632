package dev.jmosh.conformance.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay on loopback between a mosh client and a mosh server that impairs each direction
 * on its own ({@link Impairment}: loss, delay, jitter, reordering, duplication), seeded so that a
 * run can be repeated, and scriptable ({@link #at}, {@link #blackout}).
 *
 * <p>The client talks to {@link #clientPort()} as if it were the server. The relay forwards what
 * it gets to the server from a socket of its own, the "server-facing" one, so the server sees the
 * relay's address as the client's. {@link #changeAddress()} replaces that socket with one on a
 * new port, which to the server looks exactly like a NAT rebinding or a switch from Wi-Fi to 4G:
 * the client's next datagram arrives from a new address and the old one is dead. Replies go to
 * the address the client last sent from, so the client may hop ports too.
 *
 * <p>{@link #recordUpstream} keeps copies of what the relay forwards to the server, so a test can
 * replay genuine old datagrams (or decrypt and re-seal them) from another address.
 *
 * <p>Everything runs on loopback; every thread stops when the relay is closed.
 */
public final class ImpairmentRelay implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;
    private static final int POLL_MILLIS = 100;
    private static final int DUPLICATE_GAP_MILLIS = 3;
    private static final int REORDER_EXTRA_MILLIS = 20;

    private final InetSocketAddress server;
    private final DatagramSocket clientSide;
    private volatile DatagramSocket serverSide;
    private volatile InetSocketAddress client;
    private final Direction up = new Direction("up");
    private final Direction down = new Direction("down");
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "relay-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong addressChanges = new AtomicLong();
    /** Copies of the datagrams forwarded to the server, oldest first; guarded by itself. */
    private final Deque<byte[]> recorded = new ArrayDeque<>();
    private volatile int recordLimit;
    private volatile boolean closed;

    /** One direction's impairment, random source and counters. */
    public static final class Direction {
        private final String name;
        private volatile Impairment impairment = Impairment.NONE;
        private Random random;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong sent = new AtomicLong();

        private Direction(String name) {
            this.name = name;
        }

        /** Returns the datagrams that arrived at the relay in this direction. */
        public long received() {
            return received.get();
        }

        /** Returns the datagrams this direction dropped on purpose. */
        public long dropped() {
            return dropped.get();
        }

        /** Returns the datagrams sent on (duplicates counted). */
        public long sent() {
            return sent.get();
        }

        @Override
        public String toString() {
            return name + ": received " + received + ", dropped " + dropped + ", sent " + sent;
        }
    }

    private ImpairmentRelay(InetSocketAddress server, long seed) throws SocketException {
        this.server = server;
        InetAddress lo = InetAddress.getLoopbackAddress();
        this.clientSide = new DatagramSocket(new InetSocketAddress(lo, 0));
        this.serverSide = new DatagramSocket(new InetSocketAddress(lo, 0));
        Random seeds = new Random(seed);
        up.random = new Random(seeds.nextLong());
        down.random = new Random(seeds.nextLong());
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts a relay in front of {@code server} (a loopback address).
     *
     * @param seed seeds the impairments' random choices
     */
    public static ImpairmentRelay start(InetSocketAddress server, long seed) throws IOException {
        if (!server.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the relay only serves loopback: " + server);
        }
        ImpairmentRelay relay = new ImpairmentRelay(server, seed);
        relay.reader("relay-from-client", relay.clientSide, true);
        relay.reader("relay-from-server", relay.serverSide, false);
        return relay;
    }

    /** Returns the port the client should use as the server's. */
    public int clientPort() {
        return clientSide.getLocalPort();
    }

    /** Returns the port the server currently sees the client at. */
    public int serverFacingPort() {
        return serverSide.getLocalPort();
    }

    /** Returns how many times {@link #changeAddress()} has moved the server-facing side. */
    public long addressChanges() {
        return addressChanges.get();
    }

    /** Returns the client-to-server direction. */
    public Direction upstream() {
        return up;
    }

    /** Returns the server-to-client direction. */
    public Direction downstream() {
        return down;
    }

    /** Sets both directions' impairment. */
    public void impair(Impairment both) {
        impair(both, both);
    }

    /** Sets each direction's impairment. */
    public void impair(Impairment clientToServer, Impairment serverToClient) {
        up.impairment = clientToServer;
        down.impairment = serverToClient;
    }

    /** Runs {@code action} once, {@code after} from now, on the relay's scheduler. */
    public void at(Duration after, Runnable action) {
        scheduler.schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops everything both ways for {@code length}, then restores the impairments in force now. */
    public void blackout(Duration length) {
        Impairment u = up.impairment;
        Impairment d = down.impairment;
        impair(Impairment.BLACKOUT);
        at(length, () -> impair(u, d));
    }

    /**
     * Moves the server-facing side to a new local port: the server sees the client's datagrams
     * come from a new address, and whatever it sends to the old one is lost.
     */
    public synchronized void changeAddress() throws IOException {
        DatagramSocket old = serverSide;
        serverSide = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        addressChanges.incrementAndGet();
        reader("relay-from-server-" + addressChanges.get(), serverSide, false);
        old.close();
    }

    /**
     * From now on keeps a copy of each datagram forwarded to the server (after the impairment,
     * so a dropped one is not kept and a duplicate is kept twice), at most the newest
     * {@code max}; 0 stops recording. What was recorded so far is kept.
     */
    public void recordUpstream(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max " + max + " < 0");
        }
        synchronized (recorded) {
            recordLimit = max;
            while (recorded.size() > max && max > 0) {
                recorded.pollFirst();
            }
        }
    }

    /** Returns copies of the recorded client-to-server datagrams, in the order they were forwarded. */
    public List<byte[]> recordedUpstream() {
        synchronized (recorded) {
            List<byte[]> out = new ArrayList<>(recorded.size());
            for (byte[] d : recorded) {
                out.add(d.clone());
            }
            return out;
        }
    }

    private void record(byte[] data) {
        synchronized (recorded) {
            int max = recordLimit;
            if (max == 0) {
                return;
            }
            if (recorded.size() == max) {
                recorded.pollFirst();
            }
            recorded.addLast(data.clone());
        }
    }

    private void reader(String name, DatagramSocket socket, boolean fromClient) throws SocketException {
        socket.setSoTimeout(POLL_MILLIS);
        Thread t = new Thread(() -> {
            byte[] buf = new byte[MAX_DATAGRAM];
            while (!closed && !socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException e) {
                    return; // closed
                }
                byte[] data = Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
                if (fromClient) {
                    client = (InetSocketAddress) p.getSocketAddress();
                    forward(up, data);
                } else {
                    forward(down, data);
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private void forward(Direction d, byte[] data) {
        d.received.incrementAndGet();
        Impairment imp = d.impairment;
        long delay;
        boolean reorder;
        boolean duplicate;
        synchronized (d) {
            if (d.random.nextDouble() < imp.loss()) {
                d.dropped.incrementAndGet();
                return;
            }
            delay = imp.delayMillis() + (imp.jitterMillis() == 0 ? 0 : d.random.nextInt(imp.jitterMillis() + 1));
            reorder = d.random.nextDouble() < imp.reorder();
            duplicate = d.random.nextDouble() < imp.duplicate();
        }
        if (reorder) {
            delay += 2L * (imp.delayMillis() + imp.jitterMillis()) + REORDER_EXTRA_MILLIS;
        }
        schedule(d, data, delay);
        if (duplicate) {
            schedule(d, data, delay + DUPLICATE_GAP_MILLIS);
        }
    }

    private void schedule(Direction d, byte[] data, long delayMillis) {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> send(d, data), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void send(Direction d, byte[] data) {
        boolean toServer = d == up;
        InetSocketAddress dest = toServer ? server : client;
        DatagramSocket via = toServer ? serverSide : clientSide;
        if (dest == null || closed) {
            return;
        }
        try {
            via.send(new DatagramPacket(data, data.length, dest));
            d.sent.incrementAndGet();
            if (toServer) {
                record(data);
            }
        } catch (IOException e) {
            // a socket replaced by changeAddress(): the datagram is lost, as on a real rebinding
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        clientSide.close();
        serverSide.close();
    }

    @Override
    public String toString() {
        return "relay " + clientPort() + " -> " + server.getPort() + " [" + up + "; " + down + "; address changes "
                + addressChanges + "]";
    }
}
