package dev.jmosh.ssp.transport.udp.internal;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.spi.TransportProvider;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/** Provides {@link UdpTransport} (a client's) and {@link UdpServerTransport}, named {@code udp}. */
public final class UdpTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return "udp";
    }

    @Override
    public DatagramTransport connect(InetSocketAddress server) throws IOException {
        StandardProtocolFamily family = server.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        return UdpTransport.client(family);
    }

    @Override
    public DatagramTransport bind(InetAddress local, int lowPort, int highPort) throws IOException {
        InetAddress address = local != null ? local : InetAddress.getByAddress(new byte[4]);
        StandardProtocolFamily family = address instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        IOException last = null;
        for (int port = lowPort; port <= highPort; port++) {
            DatagramChannel ch = UdpTransport.openChannel(family);
            try {
                ch.bind(new InetSocketAddress(address, port));
                return new UdpServerTransport(ch, family);
            } catch (IOException e) {
                ch.close();
                last = e;
            }
        }
        throw new IOException("Failed binding to " + address.getHostAddress() + ":"
                + (lowPort == highPort ? String.valueOf(lowPort) : lowPort + "-" + highPort)
                + (last != null && last.getMessage() != null ? " (" + last.getMessage() + ")" : ""), last);
    }
}
