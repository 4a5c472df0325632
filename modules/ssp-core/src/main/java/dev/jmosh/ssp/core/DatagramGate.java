package dev.jmosh.ssp.core;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.Packet;

/**
 * Authenticates a datagram on the thread that received it, before it is queued for the session,
 * so that a flood of forged ones costs a read and a failed tag check each rather than a wake-up
 * of the session as well. It makes {@link Connection#receive}'s checks in its order (length,
 * tag, direction) with a cipher instance of its own (a {@link PacketCipher} is confined to one
 * thread) and throws the same exceptions with the same messages. A datagram it passes is
 * opened again by the connection: authentic ones are few.
 */
public final class DatagramGate {
    private final PacketCipher opener;
    private final Direction incoming;

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
        if (d.length() > DatagramTransport.RECEIVE_MTU) {
            throw new WireFormatException("Received oversize datagram");
        }
        Packet p = Packet.open(d.data(), 0, d.length(), opener);
        if (p.nonce().direction() != incoming) {
            throw new CryptoException("Illegal counterparty input (possible denial of service)");
        }
    }
}
