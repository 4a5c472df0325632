package dev.jmosh.ssp.core;

/**
 * Smoothed round-trip time and the two timers derived from it (mosh {@code Connection}'s SRTT,
 * RTTVAR, {@code timeout()} and the sender's {@code send_interval()}): RFC 6298 smoothing with
 * alpha 1/8 and beta 1/4, starting from SRTT 1000 ms and RTTVAR 500 ms.
 */
final class RttEstimator {
    /** Samples at or above this are ignored (a suspended peer), in ms. */
    public static final int MAX_SAMPLE_MS = 5000;
    /** Retransmission timeout clamp, in ms. */
    public static final int MIN_RTO_MS = 50;
    /** Retransmission timeout clamp, in ms. */
    public static final int MAX_RTO_MS = 1000;
    /** Frame interval clamp, in ms. */
    public static final int SEND_INTERVAL_MIN_MS = 20;
    /** Frame interval clamp, in ms. */
    public static final int SEND_INTERVAL_MAX_MS = 250;

    private double srtt = 1000;
    private double rttvar = 500;
    private boolean hit;

    /** Feeds one round-trip sample in milliseconds; large samples are ignored. */
    public void sample(double r) {
        if (r >= MAX_SAMPLE_MS) {
            return;
        }
        if (!hit) {
            srtt = r;
            rttvar = r / 2;
            hit = true;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - r);
            srtt = 0.875 * srtt + 0.125 * r;
        }
    }

    /** Whether any sample has been taken. */
    public boolean hasSample() {
        return hit;
    }

    /** Smoothed RTT in ms. */
    public double srtt() {
        return srtt;
    }

    /** RTT variation in ms. */
    public double rttvar() {
        return rttvar;
    }

    /** Retransmission timeout: ceil(SRTT + 4 RTTVAR) clamped to [50, 1000] ms. */
    public long rto() {
        long rto = (long) Math.ceil(srtt + 4 * rttvar);
        return Math.max(MIN_RTO_MS, Math.min(MAX_RTO_MS, rto));
    }

    /** Frame interval: ceil(SRTT / 2) clamped to [20, 250] ms, about two frames per RTT. */
    public long sendInterval() {
        long si = (long) Math.ceil(srtt / 2.0);
        return Math.max(SEND_INTERVAL_MIN_MS, Math.min(SEND_INTERVAL_MAX_MS, si));
    }
}
