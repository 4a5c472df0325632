/**
 * UDP sockets for SSP through {@link java.nio.channels.DatagramChannel}: mosh's MTU per address
 * family with the EMSGSIZE fallback, the server's port range search and client port hopping.
 * Exports nothing; provides the {@link dev.jmosh.ssp.spi.TransportProvider} named {@code udp}.
 */
module dev.jmosh.ssp.transport.udp {
    requires dev.jmosh.ssp;

    provides dev.jmosh.ssp.spi.TransportProvider with dev.jmosh.ssp.transport.udp.internal.UdpTransportProvider;
}
