package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Loss duplication (beyond mosh): after a loss event, small states go out twice; a clean link
 * never pays; the switch turns it off. Latencies are simulated time on the seeded lossy link.
 */
class LossDuplicationTest {
    /** Types {@code n} short commands one at a time; returns the mean ms until each reached the server. */
    private static double meanDelivery(SimPair p, int n) throws Exception {
        long total = 0;
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String cmd = "k" + i + "\r";
            typed.append(cmd);
            String want = typed.toString();
            long start = p.clock.millis();
            p.client.currentState().append(cmd.getBytes(StandardCharsets.US_ASCII));
            assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals(want), 60_000))
                    .as("keystroke %d arrives", i).isTrue();
            total += p.clock.millis() - start;
            p.runFor(300);
        }
        return (double) total / n;
    }

    private static SimPair lossy(long seed, boolean duplication) {
        SimPair p = new SimPair(seed);
        p.link.loss = 0.29;
        p.link.delayMs = 50;
        p.client.sender().setLossDuplication(duplication);
        p.server.sender().setLossDuplication(duplication);
        return p;
    }

    @Test
    void aCleanLinkNeverDuplicates() throws Exception {
        SimPair p = new SimPair(21);
        p.link.delayMs = 50;
        meanDelivery(p, 100);
        assertThat(p.client.stats().lossEvents()).isZero();
        assertThat(p.client.stats().duplicates()).isZero();
        assertThat(p.server.stats().duplicates()).isZero();
    }

    @Test
    void afterLossSmallStatesGoOutTwiceAndArriveSooner() throws Exception {
        double[] on = new double[3];
        double[] off = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            SimPair a = lossy(100 + seed, true);
            on[seed] = meanDelivery(a, 100);
            assertThat(a.client.stats().lossEvents()).isPositive();
            assertThat(a.client.stats().duplicates()).isPositive();
            assertThat(a.errors).isZero();
            SimPair b = lossy(100 + seed, false);
            off[seed] = meanDelivery(b, 100);
            assertThat(b.client.stats().duplicates()).isZero();
        }
        double meanOn = (on[0] + on[1] + on[2]) / 3;
        double meanOff = (off[0] + off[1] + off[2]) / 3;
        System.out.printf("keystroke delivery at 29%% loss, 50 ms: duplication %.1f ms, without %.1f ms (%.2fx)%n",
                meanOn, meanOff, meanOn / meanOff);
        assertThat(meanOn).isLessThan(meanOff);
    }
}
