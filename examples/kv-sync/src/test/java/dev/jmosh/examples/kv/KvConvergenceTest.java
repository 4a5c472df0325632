package dev.jmosh.examples.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.transport.memory.ManualClock;
import dev.jmosh.ssp.transport.memory.MemoryEndpoint;
import dev.jmosh.ssp.transport.memory.MemoryNetwork;
import java.security.SecureRandom;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Both ends edit the map through a simulated link that loses 30% of the datagrams each way; they end up showing the same map. */
class KvConvergenceTest {
    @Test
    void bothEndsConvergeOnEveryEditUnderThirtyPercentLoss() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            ManualClock clock = new ManualClock(1_000_000);
            MemoryNetwork net = MemoryNetwork.simulated(clock, seed).setDelay(50).setJitter(10).setLoss(0.3);
            SessionKey key = SessionKey.generate(new SecureRandom());
            MemoryEndpoint serverEnd = net.endpoint(60001);
            KvPeer server = KvPeer.server(serverEnd, key, clock);
            KvPeer client = KvPeer.client(net.endpoint(40000), key, serverEnd.localAddress(), clock);

            Map<String, String> expected = new TreeMap<>();
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 300; i++) {
                boolean fromClient = r.nextInt(3) > 0;
                String k = (fromClient ? "c" : "s") + r.nextInt(20);
                String v = r.nextInt(5) == 0 ? null : "v" + i;
                (fromClient ? client : server).edit(k, v);
                if (v == null) {
                    expected.remove(k);
                } else {
                    expected.put(k, v);
                }
                run(clock, r.nextInt(30), server, client);
            }
            long start = clock.millis();
            boolean converged = false;
            for (int ms = 0; ms < 120_000 && !converged; ms += 10) {
                run(clock, 10, server, client);
                converged = server.view().equals(expected) && client.view().equals(expected);
            }
            assertThat(server.view()).as("seed %d: the server's map holds every edit", seed).isEqualTo(expected);
            assertThat(client.view()).as("seed %d: the client shows it (after %d ms)", seed, clock.millis() - start)
                    .isEqualTo(expected);
            assertThat(net.dropped()).as("the link did lose datagrams").isPositive();
        }
    }

    /** {@code ms} of simulated time, a millisecond at a time, each end taking in what arrived. */
    private static void run(ManualClock clock, int ms, KvPeer... peers) throws Exception {
        for (int i = 0; i < ms; i++) {
            for (KvPeer p : peers) {
                for (int k = 0; k < 8; k++) {
                    p.step(0);
                }
            }
            clock.advance(1);
        }
    }
}
