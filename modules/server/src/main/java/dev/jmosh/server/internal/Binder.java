package dev.jmosh.server.internal;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.TransportProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;

/**
 * mosh-server's bind (network.cc {@code Connection::Connection} for the server): the requested
 * address first, then any interface, each over the port range, with mosh's messages.
 */
public final class Binder {
    private Binder() {
    }

    /** Binds as mosh-server does, printing its complaints to {@code err}. */
    public static DatagramTransport bind(ServerArgs args, PrintStream err) throws ServerExit {
        TransportProvider udp = Providers.select(TransportProvider.class, null, "udp");
        int low = args.ports().low();
        int high = args.ports().high();
        if (args.ip() != null) {
            InetAddress address = null;
            try {
                address = InetAddress.ofLiteral(args.ip());
            } catch (IllegalArgumentException e) {
                err.print("Error binding to IP " + args.ip() + ": Bad IP address (" + args.ip()
                        + "): Name or service not known: Success\n");
            }
            if (address != null) {
                try {
                    return udp.bind(address, low, high);
                } catch (IOException e) {
                    err.print("Failed binding to " + address.getHostAddress() + ":" + high + "\n"
                            + "Error binding to IP " + args.ip() + ": bind: " + reason(e) + "\n");
                }
            }
        }
        try {
            return udp.bind(null, low, high);
        } catch (IOException e) {
            throw new ServerExit(1, "Failed binding to 0.0.0.0:" + high + "\n"
                    + "Error binding to any interface: bind: " + reason(e) + "\n"
                    + "Network exception: bind: " + reason(e) + "\n", "");
        }
    }

    private static String reason(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
