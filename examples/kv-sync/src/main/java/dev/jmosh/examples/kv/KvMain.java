package dev.jmosh.examples.kv;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.TransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code kv server [PORT]} prints {@code KV CONNECT PORT KEY} and serves a map on UDP;
 * {@code kv client IP PORT KEY} edits it from elsewhere. Both read commands from standard input,
 * one per line: {@code set KEY VALUE}, {@code del KEY}, {@code show} (prints {@code KEY=VALUE}
 * lines, then {@code END}) and {@code quit}.
 */
public final class KvMain {
    private KvMain() {
    }

    /** Runs the command line; exits with 2 on a usage error. */
    public static void main(String[] args) throws IOException, CryptoException {
        PrintStream out = System.out;
        TransportProvider udp = Providers.select(TransportProvider.class, null, "udp");
        KvPeer peer;
        DatagramTransport datagrams;
        if (args.length >= 1 && args.length <= 2 && args[0].equals("server")) {
            int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
            datagrams = udp.bind(InetAddress.getLoopbackAddress(), port, port);
            SessionKey key = SessionKey.generate(new SecureRandom());
            peer = KvPeer.server(datagrams, key, Clock.system());
            out.println("KV CONNECT " + datagrams.localAddress().getPort() + " " + key.printable());
        } else if (args.length == 4 && args[0].equals("client")) {
            InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
            datagrams = udp.connect(server);
            peer = KvPeer.client(datagrams, SessionKey.parse(args[3]), server, Clock.system());
        } else {
            System.err.println("usage: kv server [PORT] | kv client IP PORT KEY");
            System.exit(2);
            return;
        }
        out.flush();
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(commands), "kv-stdin");
        reader.setDaemon(true);
        reader.start();
        try (datagrams) {
            while (true) {
                for (String line; (line = commands.poll()) != null; ) {
                    if (!obey(peer, line.strip(), out)) {
                        return;
                    }
                }
                peer.step(20);
            }
        }
    }

    private static void readLines(BlockingQueue<String> commands) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
            }
        } catch (IOException e) {
            // standard input went away: quit
        }
        commands.add("quit");
    }

    /** Carries out one command; false to quit. */
    private static boolean obey(KvPeer peer, String line, PrintStream out) {
        String[] w = line.split("\\s+", 3);
        switch (w[0]) {
            case "set" -> {
                if (w.length == 3) {
                    peer.edit(w[1], w[2]);
                } else {
                    out.println("usage: set KEY VALUE");
                }
            }
            case "del" -> {
                if (w.length == 2) {
                    peer.edit(w[1], null);
                } else {
                    out.println("usage: del KEY");
                }
            }
            case "show" -> {
                peer.view().forEach((k, v) -> out.println(k + "=" + v));
                out.println("END");
            }
            case "quit" -> {
                return false;
            }
            case "" -> { }
            default -> out.println("unknown command: " + w[0] + " (set, del, show, quit)");
        }
        out.flush();
        return true;
    }
}
