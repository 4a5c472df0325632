package dev.jmosh.conformance;

import dev.jmosh.conformance.link.LinkDirection;
import dev.jmosh.conformance.link.NetnsLink;
import dev.jmosh.conformance.relay.Impairment;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.wire.Compressor;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Instruction;
import dev.jmosh.ssp.core.wire.Packet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diagnostic, on demand ({@code -Djmosh.measure=linktrace}): one session across the namespaced
 * link, closed-loop typing at a loss rate, every datagram of its flow decoded with the session key
 * and written as a timeline (time, direction, dropped, state numbers, diff size, whether it repeats
 * a fragment already offered), with the keystrokes and echoes marked. It answers what a pairing
 * spends its datagrams on. Options ({@code -Djmosh.measure.linktrace.KEY}): {@code client},
 * {@code server} (program names), {@code loss}, {@code keys}, {@code idle} (seconds without typing after the keys), {@code open} (open-loop typing, a key every 150 ms), {@code prediction}, {@code blackout}
 * (seconds of a blackout after the typing, with a key typed each second, then one key after the
 * link returns).
 */
class LinkTraceProbe {
    private record Seen(long nanos, boolean up, byte[] packet, boolean dropped) {
    }

    @Test
    @Timeout(900)
    void timeline(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Measurements.selected("linktrace"), "run with -Djmosh.measure=linktrace");
        Conformance.require("mosh-server", "mosh-client", "script");
        Conformance.requireThat(NetnsLink.unavailable() == null, NetnsLink.unavailable());
        String clientName = Measurements.option("linktrace", "client", "jmosh-client");
        String serverName = Measurements.option("linktrace", "server", "jmosh-server");
        double loss = Double.parseDouble(Measurements.option("linktrace", "loss", "0.29"));
        int keys = Measurements.intOption("linktrace", "keys", 20);
        int blackout = Measurements.intOption("linktrace", "blackout", 0);
        String prediction = Measurements.option("linktrace", "prediction", "never");
        Path typist = dir.resolve("typist.sh");
        Files.writeString(typist, LinkSession.TYPIST);
        List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        String key;
        try (NetnsLink link = NetnsLink.create("jmt-" + ProcessHandle.current().pid(), 29);
                LinkSession s = LinkSession.mosh(link, clientName, serverName, prediction, typist)) {
            key = s.server().key;
            link.impair(Impairment.lossy(0, 50));
            if (s.pty().keystrokeNanos(PtyClient.letter(0), 60_000) < 0) {
                throw new AssertionError("no first echo");
            }
            s.pty().type("\r");
            Thread.sleep(3000);
            LinkDirection.Tap up = (n, p, d) -> seen.add(new Seen(n, true, p, d));
            LinkDirection.Tap down = (n, p, d) -> seen.add(new Seen(n, false, p, d));
            link.up().tap(up);
            link.down().tap(down);
            link.impair(Impairment.lossy(loss, 50));
            Random think = new Random(7);
            if (Boolean.parseBoolean(Measurements.option("linktrace", "open", "false"))) {
                for (int first = 1; first <= keys; first += 20) {
                    long at = System.nanoTime();
                    long[] times = s.pty().openLoop(first, Math.min(20, keys - first + 1), 150, 30_000);
                    for (int i = 0; i < times.length; i++) {
                        events.add(String.format(Locale.ROOT, "%9.1f  ---- key %d typed, echo after %s",
                                (at - t0) / 1e6 + 150 * i, first + i, times[i] < 0 ? "TIMEOUT"
                                        : String.format(Locale.ROOT, "%.1f ms", times[i] / 1e6)));
                    }
                    s.pty().type("\r");
                    Thread.sleep(300);
                }
            }
            for (int k = 1; k <= keys && !Boolean.parseBoolean(Measurements.option("linktrace", "open", "false")); k++) {
                long at = System.nanoTime();
                long n = s.pty().keystrokeNanos(PtyClient.letter(k), 30_000);
                events.add(String.format(Locale.ROOT, "%9.1f  ---- key %d typed, echo after %s", (at - t0) / 1e6, k,
                        n < 0 ? "TIMEOUT" : String.format(Locale.ROOT, "%.1f ms", n / 1e6)));
                Thread.sleep(100 + think.nextInt(300));
            }
            int idle = Measurements.intOption("linktrace", "idle", 0);
            if (idle > 0) {
                events.add(String.format(Locale.ROOT, "%9.1f  ---- idle", (System.nanoTime() - t0) / 1e6));
                Thread.sleep(idle * 1000L);
                events.add(String.format(Locale.ROOT, "%9.1f  ---- idle ends", (System.nanoTime() - t0) / 1e6));
            }
            if (blackout > 0) {
                link.impair(Impairment.BLACKOUT);
                events.add(String.format(Locale.ROOT, "%9.1f  ---- blackout", (System.nanoTime() - t0) / 1e6));
                for (int i = 0; i < blackout; i++) {
                    s.pty().type(PtyClient.letter(keys + 1 + i % 20) + "\r");
                    Thread.sleep(1000);
                }
                link.impair(Impairment.lossy(0, 50));
                events.add(String.format(Locale.ROOT, "%9.1f  ---- link back", (System.nanoTime() - t0) / 1e6));
                s.pty().type("\r");
                Thread.sleep(2000);
                long at = System.nanoTime();
                long n = s.pty().keystrokeNanos(PtyClient.letter(keys + 21), 60_000);
                events.add(String.format(Locale.ROOT, "%9.1f  ---- key after blackout, echo after %s", (at - t0) / 1e6,
                        n < 0 ? "TIMEOUT" : String.format(Locale.ROOT, "%.1f ms", n / 1e6)));
            }
            link.up().tap(null);
            link.down().tap(null);
        }
        PacketCipher cipher = Providers.cipher(SessionKey.parse(key), null);
        List<String> lines = new ArrayList<>();
        Set<String> fragments = new HashSet<>();
        int[] count = new int[4];
        synchronized (seen) {
            for (Seen x : seen) {
                lines.add(String.format(Locale.ROOT, "%9.1f  %s", (x.nanos - t0) / 1e6, describe(x, cipher, fragments)));
                count[x.up ? 0 : 1]++;
            }
        }
        lines.addAll(events);
        lines.sort(null);
        lines.add(0, String.format(Locale.ROOT, "%s + %s, prediction %s, %.0f%% loss, %d keys: %d datagrams up, %d down",
                clientName, serverName, prediction, loss * 100, keys, count[0], count[1]));
        Path out = Path.of("target", "linktrace-" + clientName + "-" + serverName + ".txt");
        Files.write(out, lines);
        System.out.println("timeline in " + out.toAbsolutePath());
    }

    private static String describe(Seen x, PacketCipher cipher, Set<String> fragments) {
        String dir = x.up ? "UP  " : "DOWN";
        String drop = x.dropped ? "LOST" : "    ";
        byte[] p = x.packet;
        int ihl = (p[0] & 0x0F) * 4;
        if ((p[9] & 0xFF) != 17) {
            return dir + " " + drop + " not udp";
        }
        int off = ihl + 8;
        try {
            Packet packet = Packet.open(p, off, p.length - off, cipher);
            Fragment f = Fragment.parse(packet.payload(), 0, packet.payload().length);
            boolean repeat = !fragments.add((x.up ? "u" : "d") + f.id() + "/" + f.number());
            String what;
            if (f.number() == 0 && f.last()) {
                byte[] raw = f.contents();
                Instruction i = Instruction.decode(Compressor.decompress(raw, 0, raw.length));
                what = String.format(Locale.ROOT, "old %d new %d ack %d thr %d diff %d", i.oldNum(), i.newNum(),
                        i.ackNum(), i.throwawayNum(), i.diff().length);
            } else {
                what = "fragment " + f.number() + (f.last() ? " (last)" : "");
            }
            return String.format(Locale.ROOT, "%s %s %4d B seq %d ts %d tsr %d  %s%s", dir, drop, p.length,
                    packet.nonce().seq(), packet.timestamp(), packet.timestampReply(), what, repeat ? "  COPY" : "");
        } catch (Exception e) {
            return dir + " " + drop + " undecodable: " + e.getMessage();
        }
    }
}
