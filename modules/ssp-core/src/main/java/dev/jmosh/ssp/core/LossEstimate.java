package dev.jmosh.ssp.core;

/**
 * The fraction of datagrams the link loses, estimated from the peer's sequence numbers (beyond
 * mosh, which keeps no such figure). Every datagram carries the next number of its sender's
 * count, so a jump from the newest number seen to a higher one means the numbers in between were
 * lost (or are late). Each datagram seen and each one missed moves an exponentially weighted
 * average by {@value #WEIGHT_INVERSE}th of the way to 0 or 1; a late one that arrives after all
 * takes back one loss. A gap counts as at most {@value #MAX_GAP} losses: a longer one is an outage,
 * which copies cannot help, not a loss rate. The estimate is of the peer's direction; the sender
 * uses it for its own as well (loss on a path is rarely one-sided enough to matter here).
 */
final class LossEstimate {
    /** The average moves 1/this of the way per datagram. */
    static final int WEIGHT_INVERSE = 32;
    /** Longest gap counted as losses. */
    static final int MAX_GAP = 5;
    private static final double WEIGHT = 1.0 / WEIGHT_INVERSE;

    private double rate;
    private long newest = -1;

    /** A datagram numbered {@code seq} arrived. */
    void arrived(long seq) {
        if (newest < 0 || seq > newest) {
            long gap = newest < 0 ? 0 : Math.min(MAX_GAP, seq - newest - 1);
            for (long i = 0; i < gap; i++) {
                rate += WEIGHT * (1 - rate);
            }
            rate -= WEIGHT * rate;
            newest = seq;
        } else if (seq < newest) {
            rate = Math.max(0, rate - WEIGHT); // a late one, counted lost when its successor came
        }
    }

    /** Other evidence of one lost datagram (a state of ours that went unacknowledged too long). */
    void lost() {
        rate += WEIGHT * (1 - rate);
    }

    /** The estimated loss rate, from 0 to 1. */
    double rate() {
        return rate;
    }

    /**
     * How many extra copies of a state are worth sending, at most {@code max}: each one that saves
     * at least {@code minSavingMs} of expected wait, where a state whose every sending is lost
     * waits {@code recoveryMs} for its resend. With {@code k} sendings out, one more saves {@code
     * rate^k * (1 - rate) * recoveryMs} (independent losses assumed).
     */
    int copiesFor(double recoveryMs, double minSavingMs, int max) {
        double allLost = rate;
        int copies = 0;
        while (copies < max && allLost * (1 - rate) * recoveryMs >= minSavingMs) {
            allLost *= rate;
            copies++;
        }
        return copies;
    }
}
