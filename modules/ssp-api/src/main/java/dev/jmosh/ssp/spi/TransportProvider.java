package dev.jmosh.ssp.spi;

import dev.jmosh.ssp.DatagramTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Opens the datagram transport under SSP (mosh: UDP sockets). */
public interface TransportProvider extends NamedProvider {
    /** System property naming the provider to use. */
    String PROPERTY = "jmosh.transport";

    /** A client transport: an ephemeral local socket of the server address's family. */
    DatagramTransport connect(InetSocketAddress server) throws IOException;

    /**
     * A server transport bound to {@code local} (null: any interface) on the first free port
     * of {@code lowPort..highPort}; {@code 0..0} asks for an ephemeral port.
     *
     * @throws IOException naming the address and range when nothing could be bound
     */
    DatagramTransport bind(InetAddress local, int lowPort, int highPort) throws IOException;
}
