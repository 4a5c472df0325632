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
        assertThat(e.copiesFor(TransportSender.LOSS_TARGET, TransportSender.COPIES)).isZero();
    }

    @Test
    void theEstimateFollowsTheLossRate() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(after(0.29, 2000, seed).rate()).as("seed %d", seed).isBetween(0.15, 0.45);
            assertThat(after(0.10, 2000, seed).rate()).as("seed %d", seed).isBetween(0.02, 0.22);
        }
    }

    @Test
    void copiesAreTheFewestThatMeetTheTarget() {
        assertThat(rate(0.29).copiesFor(0.025, 3)).as("0.29^3 = 0.024").isEqualTo(2);
        assertThat(rate(0.10).copiesFor(0.025, 3)).as("0.1^2 = 0.01").isEqualTo(1);
        assertThat(rate(0.02).copiesFor(0.025, 3)).isZero();
        assertThat(rate(0.60).copiesFor(0.025, 3)).as("capped").isEqualTo(3);
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
