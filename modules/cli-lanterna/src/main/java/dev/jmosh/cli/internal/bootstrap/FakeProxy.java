package dev.jmosh.cli.internal.bootstrap;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * {@code jmosh --fake-proxy -- HOST PORT}: ssh's ProxyCommand, as in mosh.pl. It resolves the host
 * with the {@code --family} rule, connects to the first address that answers, tells the wrapper
 * which one on standard error ({@code MOSH IP <address>}, which ssh passes on into the wrapper's
 * pipe) and then relays bytes like netcat. That is how the client later talks UDP to exactly the
 * address ssh reached.
 */
public final class FakeProxy {
    private FakeProxy() {
    }

    /** Runs the proxy for {@code host port}; returns the exit status. */
    public static int run(String argv0, String family, List<String> operands, PrintStream err) {
        if (operands.size() < 2) {
            err.print(argv0 + ": --fake-proxy needs HOST PORT\n");
            return WrapperFailure.USAGE;
        }
        String host = operands.get(0);
        String portText = operands.get(1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            err.print(argv0 + ": could not get canonical name for " + host + ": Servname not supported for ai_socktype\n");
            return WrapperFailure.USAGE;
        }
        Socket socket = null;
        String tried = "";
        String why = "no address";
        try {
            for (InetAddress a : AddressResolver.resolve(argv0, host, family)) {
                tried = AddressResolver.numeric(a);
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(a, port));
                    socket = s;
                    break;
                } catch (IOException e) {
                    why = e.getMessage();
                    s.close();
                }
            }
        } catch (WrapperFailure e) {
            err.print(e.getMessage());
            return e.status();
        } catch (IOException e) {
            why = e.getMessage();
        }
        if (socket == null) {
            err.print(argv0 + ": Could not connect to " + host + ", last tried " + tried + ": " + why + "\n");
            return errno(why);
        }
        err.print("MOSH IP " + tried + "\n");
        err.flush();
        ignoreHangup();
        return relay(socket);
    }

    /** As mosh.pl's proxy: a hangup of ssh's terminal does not cut the connection ssh is using. */
    @SuppressWarnings("removal")
    private static void ignoreHangup() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // the JVM keeps SIGHUP for itself: its default then applies
        }
    }

    /** Perl's die exits with the errno of the failed connect; the JDK gives only its text. */
    private static int errno(String why) {
        return switch (String.valueOf(why)) {
            case "Connection refused" -> 111;
            case "Connection timed out" -> 110;
            case "No route to host" -> 113;
            case "Network is unreachable" -> 101;
            default -> WrapperFailure.USAGE;
        };
    }

    private static int relay(Socket socket) {
        Thread down = new Thread(() -> {
            try (InputStream in = socket.getInputStream();
                 OutputStream out = new FileOutputStream(FileDescriptor.out)) {
                in.transferTo(out);
            } catch (IOException e) {
                // the connection or ssh went away: nothing left to relay
            }
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                // already closed
            }
        }, "jmosh-proxy-down");
        down.start();
        try (InputStream in = new FileInputStream(FileDescriptor.in)) {
            in.transferTo(socket.getOutputStream());
            socket.shutdownOutput();
        } catch (IOException e) {
            // as above
        }
        try {
            down.join();
            socket.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing a finished connection
        }
        return 0;
    }
}
