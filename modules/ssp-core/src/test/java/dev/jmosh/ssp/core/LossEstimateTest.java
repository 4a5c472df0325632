package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The loss rate from the peer's datagram numbers, and the copies it calls for. */
class LossEstimateTest {
    /** Feeds {@code count} numbers of which each is lost with probability {@code loss}; returns the estimate. */
    private static LossEstimate after(double loss, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LossEstimate e = new LossEstimate();
        for (long seq = 0; seq < count; seq++) {
            if (random.nextDouble() >= loss) {
                e.arrived(seq);
            }
        }
        return e;
    }

    @Test
    void aCleanLinkIsZeroAndCallsForNoCopies() {
        LossEstimate e = after(0, 1000, 1);
        assertThat(e.rate()).isZero();
        assertThat(e.copiesFor(250, TransportSender.COPY_MIN_SAVING_MS, TransportSender.COPIES)).isZero();
    }

    @Test
    void theEstimateFollowsTheLossRate() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(after(0.29, 2000, seed).rate()).as("seed %d", seed).isBetween(0.15, 0.45);
            assertThat(after(0.10, 2000, seed).rate()).as("seed %d", seed).isBetween(0.02, 0.22);
        }
    }

    @Test
    void eachCopySavesAtLeastItsPriceInExpectedWait() {
        // a third copy at 29% saves 0.29^2 * 0.29 * 0.71 * 250 = 4.3 ms; a second at 10% saves 2.25 ms
        assertThat(rate(0.29).copiesFor(250, 3, 3)).isEqualTo(3);
        assertThat(rate(0.20).copiesFor(250, 3, 3)).isEqualTo(2);
        assertThat(rate(0.10).copiesFor(250, 3, 3)).isEqualTo(1);
        assertThat(rate(0.01).copiesFor(250, 3, 3)).as("saves 2.5 ms").isZero();
        assertThat(rate(0.10).copiesFor(1100, 3, 3)).as("a slow link's resend is worth more copies").isEqualTo(2);
        assertThat(rate(0.60).copiesFor(250, 3, 3)).as("capped").isEqualTo(3);
    }

    /** An estimate at exactly {@code r}, built from its own definition. */
    private static LossEstimate rate(double r) {
        LossEstimate e = new LossEstimate();
        // a gap of one then arrivals move it; instead step it with lost() and arrivals until it is close
        for (int i = 0; i < 10_000 && Math.abs(e.rate() - r) > 0.002; i++) {
            if (e.rate() < r) {
                e.lost();
            } else {
                e.arrived(i + 1_000_000L);
            }
        }
        assertThat(e.rate()).isCloseTo(r, org.assertj.core.data.Offset.offset(0.01));
        return e;
    }

    @Test
    void aLateDatagramTakesBackTheLossItsGapCounted() {
        LossEstimate e = new LossEstimate();
        e.arrived(0);
        e.arrived(2); // 1 missing
        double gap = e.rate();
        assertThat(gap).isPositive();
        e.arrived(1); // it was late, not lost
        assertThat(e.rate()).isLessThan(gap / 10);
    }

    @Test
    void anOutageCountsAsAFewLossesNotAsALossRate() {
        LossEstimate e = new LossEstimate();
        e.arrived(0);
        e.arrived(1001); // a thousand datagrams lost in a blackout
        LossEstimate five = new LossEstimate();
        five.arrived(0);
        five.arrived(LossEstimate.MAX_GAP + 1);
        assertThat(e.rate()).isEqualTo(five.rate()).isLessThan(0.2);
    }
}
