package dev.jmosh.ssp;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * Moves opaque datagrams between this endpoint and its peer (mosh {@code Network::Connection}'s
 * socket half). It knows nothing of keys or states: the SSP layer above decides which source
 * addresses are authentic and where to send.
 */
public interface DatagramTransport extends Closeable {
    /** Largest datagram accepted, in bytes (mosh {@code RECEIVE_MTU}). */
    int RECEIVE_MTU = 2048;
    /** Application MTU before a socket is bound or after EMSGSIZE, in bytes. */
    int DEFAULT_MTU = 500;

    /** Sends one datagram to {@code peer} from the newest local socket. */
    void send(byte[] data, int off, int len, InetSocketAddress peer) throws IOException;

    /**
     * Waits for the next datagram on any open local socket.
     *
     * @param timeoutMillis how long to wait; negative waits until one arrives or the transport closes
     * @return the datagram, or {@code null} when the timeout passed
     * @throws java.nio.channels.ClosedChannelException once the transport is closed
     */
    ReceivedDatagram receive(long timeoutMillis) throws IOException;

    /**
     * Optional: from now on, hands each datagram that arrives to {@code sink} on a receiving
     * thread the transport shares among its sockets, instead of through {@link #receive} (which
     * may then no longer be called); it stops when the transport is closed. Where many
     * endpoints live in one process (a per-user server), their datagrams then cost no thread
     * and no wake-up each until {@code sink} passes them on. The datagram's array is reused once
     * {@code sink} returns (copy what you keep), and {@code sink} must return quickly: it holds
     * up every socket of the shared thread. An exception it throws is lost.
     *
     * @return false if this transport does not offer it (then run a {@link #receive} loop)
     */
    default boolean deliverTo(Consumer<ReceivedDatagram> sink) {
        return false;
    }

    /**
     * The largest datagram this transport sends, in bytes: 1252 for IPv4, 1216 for IPv6
     * (1280 minus IP, extension and UDP headers), {@value #DEFAULT_MTU} after an EMSGSIZE.
     */
    int mtu();

    /** The newest local socket's address. */
    InetSocketAddress localAddress();

    /**
     * Client port hopping: opens a new local socket to send from; older sockets stay open for
     * receiving (at most 10, closed after 60 s). A transport that cannot hop does nothing.
     */
    void hop() throws IOException;

    /** Closes every socket; a blocked {@link #receive} ends with {@code ClosedChannelException}. */
    @Override
    void close();
}
