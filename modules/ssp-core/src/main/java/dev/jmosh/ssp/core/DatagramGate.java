package dev.jmosh.ssp.core;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.Packet;

/**
 * Authenticates a datagram on the thread that received it, before it is queued for the session,
 * so that a flood of forged ones costs a read and a failed tag check each rather than a wake-up
 * of the session as well. It makes the checks {@link Connection#receive} makes ({@link #open}:
 * length, tag, direction) with a cipher instance of its own (a {@link PacketCipher} is confined
 * to one thread), so it throws the same exceptions with the same messages. A datagram it passes
 * is opened again by the connection: authentic ones are few.
 */
public final class DatagramGate {
    private final PacketCipher opener;
    private final Direction incoming;
    /** What this gate refused, by reason. */
    private final TransportStats refused = new TransportStats();

    private DatagramGate(PacketCipher opener, Direction incoming) {
        this.opener = opener;
        this.incoming = incoming;
    }

    /** A gate for a server's datagrams, with {@code opener}, a cipher instance for the session key used by nothing else. */
    public static DatagramGate server(PacketCipher opener) {
        return new DatagramGate(opener, Direction.TO_SERVER);
    }

    /** A gate for a client's datagrams (see {@link #server}). */
    public static DatagramGate client(PacketCipher opener) {
        return new DatagramGate(opener, Direction.TO_CLIENT);
    }

    /**
     * Returns if {@code d} is sealed with the session key by the peer.
     *
     * @throws WireFormatException "Received oversize datagram"
     * @throws CryptoException as {@link Connection#receive} throws it: too short, failed integrity
     *         check, or "Illegal counterparty input (possible denial of service)"
     */
    public void check(ReceivedDatagram d) throws CryptoException, WireFormatException {
        open(d, opener, incoming, refused);
    }

    /**
     * Opens {@code d}, sealed by the peer whose datagrams travel in direction {@code incoming},
     * counting in {@code stats} why it is dropped if it is not.
     *
     * @throws WireFormatException "Received oversize datagram"
     * @throws CryptoException (non-fatal) too short, failed integrity check or malformed, or
     *         "Illegal counterparty input (possible denial of service)"
     */
    static Packet open(ReceivedDatagram d, PacketCipher cipher, Direction incoming, TransportStats stats)
            throws CryptoException, WireFormatException {
        if (d.length() > DatagramTransport.RECEIVE_MTU) {
            stats.drop(DropReason.OVERSIZE);
            throw new WireFormatException("Received oversize datagram");
        }
        if (d.length() < Packet.MIN_SEALED_BYTES) {
            stats.drop(DropReason.TRUNCATED);
            throw new CryptoException("Ciphertext must contain nonce and tag.");
        }
        Packet p;
        try {
            p = Packet.open(d.data(), 0, d.length(), cipher);
        } catch (CryptoException e) {
            stats.drop(e.getMessage() != null && e.getMessage().contains("integrity")
                    ? DropReason.INTEGRITY : DropReason.MALFORMED_PACKET);
            throw e;
        }
        if (p.nonce().direction() != incoming) {
            stats.drop(DropReason.WRONG_DIRECTION);
            throw new CryptoException("Illegal counterparty input (possible denial of service)");
        }
        return p;
    }
}
