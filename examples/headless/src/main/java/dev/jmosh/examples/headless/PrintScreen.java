package dev.jmosh.examples.headless;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.ssp.SessionKey;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code MOSH_KEY=KEY java -m dev.jmosh.examples.headless IP PORT}: connects to the mosh-server
 * that printed {@code MOSH CONNECT PORT KEY}, waits until its screen has been still for half a
 * second (10 s at most), prints it and leaves the session.
 */
public final class PrintScreen {
    private PrintScreen() {
    }

    /** Runs the example. */
    public static void main(String[] args) throws Exception {
        var server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        var config = ClientConfig.builder(server, SessionKey.parse(System.getenv("MOSH_KEY"))).size(80, 24).build();
        AtomicReference<String> screen = new AtomicReference<>("");
        AtomicLong changed = new AtomicLong(System.nanoTime());
        try (ClientSession session = new ClientSession(config, (frame, bar) -> {
            StringBuilder text = new StringBuilder();
            for (int row = 0; row < frame.rows(); row++) {
                text.append(frame.rowText(row).stripTrailing()).append('\n');
            }
            screen.set(text.toString().stripTrailing());
            changed.set(System.nanoTime());
        })) {
            session.start();
            for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end
                    && (screen.get().isEmpty() || System.nanoTime() - changed.get() < 500_000_000L); ) {
                Thread.sleep(50);
            }
            System.out.println(screen.get());
            session.input(new byte[] {0x1E, '.'}, 0, 2); // Ctrl-^ . : quit, as a user would
            session.awaitExit(5000);
        }
    }
}
