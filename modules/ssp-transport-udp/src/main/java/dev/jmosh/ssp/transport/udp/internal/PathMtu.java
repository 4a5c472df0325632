package dev.jmosh.ssp.transport.udp.internal;

import dev.jmosh.ssp.DatagramTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * mosh's payload MTU of a socket and the send that lowers it: 1252 bytes over IPv4, 1216 over
 * IPv6, and {@link DatagramTransport#DEFAULT_MTU}, for good, once a send fails with "Message
 * too long". Shared by a client's sockets and a server's.
 */
final class PathMtu {
    /** 1280 minus 20 (IPv4) and 8 (UDP), in bytes. */
    static final int IPV4_MTU = 1252;
    /** 1280 minus 40 (IPv6), 16 (two extension headers) and 8 (UDP), in bytes. */
    static final int IPV6_MTU = 1216;

    private volatile int value;

    PathMtu(StandardProtocolFamily family) {
        this.value = family == StandardProtocolFamily.INET6 ? IPV6_MTU : IPV4_MTU;
    }

    /** The payload MTU now. */
    int value() {
        return value;
    }

    /**
     * Sends {@code data[off, off + len)} to {@code peer} on {@code ch}.
     *
     * @throws IOException as the channel throws it, or "Resource temporarily unavailable" if it
     *         sent nothing
     */
    void send(DatagramChannel ch, byte[] data, int off, int len, InetSocketAddress peer) throws IOException {
        try {
            int n = ch.send(ByteBuffer.wrap(data, off, len), peer);
            if (n != len) {
                throw new IOException("Resource temporarily unavailable");
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Message too long")) {
                value = DatagramTransport.DEFAULT_MTU; // mosh's payload MTU of last resort, for good
            }
            throw e;
        }
    }
}
