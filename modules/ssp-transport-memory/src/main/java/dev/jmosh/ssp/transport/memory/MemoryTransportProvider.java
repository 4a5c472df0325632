package dev.jmosh.ssp.transport.memory;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.spi.TransportProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The in-memory network as the {@link TransportProvider} named {@value #NAME}: a client and a
 * server in one process, selected by name like UDP, with no sockets. Built with a network of
 * the caller's, or, by {@link java.util.ServiceLoader}, on {@link MemoryNetwork#processNetwork()},
 * a real-time network without impairments that every such provider of the process shares.
 */
public final class MemoryTransportProvider implements TransportProvider {
    /** The name it is selected by. */
    public static final String NAME = "memory";
    /** Where {@link #connect} and {@code bind(..., 0, 0)} look for a free port, as an OS picks ephemeral ports. */
    private static final int EPHEMERAL_LOW = 49152;
    private static final int EPHEMERAL_HIGH = 65535;

    private final MemoryNetwork network;

    /** A provider on the process's shared network (for {@link java.util.ServiceLoader}). */
    public MemoryTransportProvider() {
        this(MemoryNetwork.processNetwork());
    }

    /** A provider whose endpoints are on {@code network}. */
    public MemoryTransportProvider(MemoryNetwork network) {
        this.network = network;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A client endpoint on 127.0.0.1 at a free ephemeral port. */
    @Override
    public DatagramTransport connect(InetSocketAddress server) throws IOException {
        return bind(InetAddress.getLoopbackAddress(), 0, 0);
    }

    @Override
    public DatagramTransport bind(InetAddress local, int lowPort, int highPort) throws IOException {
        InetAddress address = local != null ? local : InetAddress.getLoopbackAddress();
        int low = lowPort == 0 && highPort == 0 ? EPHEMERAL_LOW : lowPort;
        int high = lowPort == 0 && highPort == 0 ? EPHEMERAL_HIGH : highPort;
        MemoryEndpoint e = network.endpointInRange(address, low, high);
        if (e == null) {
            throw new IOException("no free port from " + low + " to " + high + " on " + address.getHostAddress()
                    + " in the memory network");
        }
        return e;
    }
}
