package dev.jmosh.ssp.core;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.Packet;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * mosh's datagram layer ({@code Network::Connection}) above a {@link DatagramTransport}: one
 * sequence number per datagram sent, the 16-bit timestamp echo that yields RTT samples, the
 * authenticity and direction checks on receipt, the server's roaming target, the client's
 * port-hopping decision and the 2^47-block key-usage limit.
 *
 * <p>Only a datagram that authenticates, carries the peer's direction bit and the newest sequence
 * number so far may move the roaming target, update timestamps or count as "heard"; an older
 * one (a reorder or a replay) only has its payload passed up, where SSP's state numbers make it
 * harmless.
 */
public final class Connection {
    /** The server stops sending after this long without hearing the client, in ms. */
    public static final long SERVER_ASSOCIATION_TIMEOUT_MS = 40_000;
    /** The client hops to a new source port after this long without a round trip, in ms. */
    public static final long PORT_HOP_INTERVAL_MS = 10_000;
    /** Subtracted from an echoed timestamp when the IP header says congestion, in ms. */
    public static final int CONGESTION_TIMESTAMP_PENALTY_MS = 500;
    /** A held timestamp is echoed only within this long of its receipt, in ms. */
    public static final long TIMESTAMP_ECHO_WINDOW_MS = 1000;
    /** Bytes added to each fragment by this layer: 8 nonce + 4 timestamps (mosh {@code ADDED_BYTES}). */
    public static final int ADDED_BYTES = 12;
    /** Plaintext blocks one process may encrypt under the shared key (half of OCB's 2^48). */
    public static final long MAX_BLOCKS = 1L << 47;

    private static final System.Logger LOG = System.getLogger("dev.jmosh.ssp.core.Connection");
    private static final long NEVER = Long.MIN_VALUE;

    private final DatagramTransport transport;
    private final PacketCipher cipher;
    private final Direction outgoing;
    private final boolean server;
    private final Clock clock;
    private final RttEstimator rtt = new RttEstimator();
    private final LossEstimate loss = new LossEstimate();

    private InetSocketAddress remote;
    private boolean hasRemote;
    private long nextSeq;
    private long expectedSeq;
    private int savedTimestamp = -1;
    private long savedTimestampReceivedAt = NEVER;
    private long lastHeard = NEVER;
    private long lastPortChoice;
    private long lastRoundtripSuccess = NEVER;
    private long blocksEncrypted;
    private String sendError = "";
    private java.util.function.Consumer<String> log = message -> LOG.log(System.Logger.Level.DEBUG, message);

    private Connection(DatagramTransport transport, PacketCipher cipher, boolean server,
            InetSocketAddress remote, Clock clock) {
        this.transport = transport;
        this.cipher = cipher;
        this.server = server;
        this.outgoing = server ? Direction.TO_CLIENT : Direction.TO_SERVER;
        this.remote = remote;
        this.hasRemote = remote != null;
        this.clock = clock;
        this.lastPortChoice = clock.millis();
    }

    /** A client connection that sends to {@code server} and never changes its target. */
    public static Connection client(DatagramTransport transport, PacketCipher cipher,
            InetSocketAddress server, Clock clock) {
        return new Connection(transport, cipher, false, server, clock);
    }

    /** A server connection: it learns (and follows) the client's address from authentic packets. */
    public static Connection server(DatagramTransport transport, PacketCipher cipher, Clock clock) {
        return new Connection(transport, cipher, true, null, clock);
    }

    /**
     * Seals {@code payload} (one fragment) into a datagram and sends it to the peer, if one is
     * known. A socket error is kept for {@link #takeSendError} and does not throw.
     *
     * @throws CryptoException (fatal) past the key-usage limit or when the counter wraps
     */
    public void send(byte[] payload) throws CryptoException {
        if (!hasRemote) {
            return;
        }
        long now = clock.millis();
        int tsReply = Timestamps.NONE;
        if (savedTimestamp >= 0 && now - savedTimestampReceivedAt < TIMESTAMP_ECHO_WINDOW_MS) {
            tsReply = (savedTimestamp + (int) (now - savedTimestampReceivedAt)) & 0xFFFF;
            savedTimestamp = -1;
            savedTimestampReceivedAt = NEVER;
        }
        if (nextSeq < 0) {
            throw new CryptoException("Counter wrapped", true);
        }
        long plaintextBytes = 4L + payload.length;
        blocksEncrypted += (plaintextBytes + 15) / 16;
        if ((blocksEncrypted >>> 47) > 0) {
            throw new CryptoException("Encrypted 2^47 blocks.", true);
        }
        Packet packet = new Packet(Nonce.of(outgoing, nextSeq++), Timestamps.ts16(now), tsReply, payload);
        byte[] wire = packet.seal(cipher);
        try {
            transport.send(wire, 0, wire.length, remote);
        } catch (IOException e) {
            sendError = "sendto: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (server) {
            if (lastHeard == NEVER || now - lastHeard > SERVER_ASSOCIATION_TIMEOUT_MS) {
                hasRemote = false;
                log.accept("Server now detached from client.");
            }
        } else if (now - lastPortChoice > PORT_HOP_INTERVAL_MS
                && (lastRoundtripSuccess == NEVER || now - lastRoundtripSuccess > PORT_HOP_INTERVAL_MS)) {
            hop(now);
        }
    }

    private void hop(long now) {
        lastPortChoice = now;
        try {
            transport.hop();
        } catch (IOException e) {
            sendError = "socket: " + e.getMessage();
        }
    }

    /**
     * Opens one received datagram and returns its payload (a fragment).
     *
     * @throws CryptoException (non-fatal) when it is truncated, fails authentication, or is
     *     malformed or reflected ("Illegal counterparty input")
     * @throws WireFormatException when it is oversize
     */
    public byte[] receive(ReceivedDatagram d, TransportStats stats) throws CryptoException, WireFormatException {
        Packet p = DatagramGate.open(d, cipher, outgoing.reverse(), stats);
        long seq = p.nonce().seq();
        loss.arrived(seq);
        if (seq < expectedSeq) {
            return p.payload(); // reordered or replayed: payload only, no timing or targeting
        }
        expectedSeq = seq + 1;
        long now = clock.millis();
        if (p.timestamp() != Timestamps.NONE) {
            savedTimestamp = p.timestamp();
            savedTimestampReceivedAt = now;
            if (d.congestionExperienced()) {
                savedTimestamp = (savedTimestamp - CONGESTION_TIMESTAMP_PENALTY_MS) & 0xFFFF;
            }
        }
        if (p.timestampReply() != Timestamps.NONE) {
            rtt.sample(Timestamps.diff(Timestamps.ts16(now), p.timestampReply()));
        }
        hasRemote = true;
        lastHeard = now;
        if (server && !d.source().equals(remote)) {
            remote = d.source();
            log.accept("Server now attached to client at " + format(remote));
        }
        return p.payload();
    }

    private static String format(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** Where mosh's attach and detach messages go (default: the platform logger at DEBUG). */
    public void setLog(java.util.function.Consumer<String> log) {
        this.log = log;
    }

    /** Largest fragment (header plus contents) that fits one datagram, in bytes. */
    public int maxFragmentBytes() {
        return transport.mtu() - ADDED_BYTES - PacketCipher.TAG_BYTES;
    }

    /** The round-trip estimator. */
    RttEstimator rtt() {
        return rtt;
    }

    /** The link's loss rate as estimated from the peer's sequence numbers. */
    LossEstimate loss() {
        return loss;
    }

    /** Whether a peer address is known (the server learns it from the first authentic packet). */
    public boolean hasRemote() {
        return hasRemote;
    }

    /** The peer's address, or null. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** The underlying transport. */
    public DatagramTransport transport() {
        return transport;
    }

    /** When the newest authentic in-order datagram arrived, or {@link Long#MIN_VALUE} if never. */
    public long lastHeard() {
        return lastHeard;
    }

    /** Records when the newest state the peer acknowledged was sent (drives port hopping). */
    public void setLastRoundtripSuccess(long millis) {
        lastRoundtripSuccess = millis;
    }

    /** The last socket error since the previous call, or an empty string. */
    public String takeSendError() {
        String e = sendError;
        sendError = "";
        return e;
    }

    /** Datagrams sent so far (the next sequence number). */
    public long datagramsSent() {
        return nextSeq;
    }
}
