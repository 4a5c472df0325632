package dev.jmosh.conformance.relay;

/**
 * How one direction of the {@link ImpairmentRelay} treats datagrams: each is lost with
 * probability {@code loss}, otherwise delivered after {@code delayMillis} plus a uniform jitter
 * of up to {@code jitterMillis}; with probability {@code reorder} it is held back a further
 * {@code 2 * (delay + jitter) + 20} ms so that later datagrams overtake it; with probability
 * {@code duplicate} a second copy follows a few milliseconds later.
 *
 * @param loss probability 0..1 that a datagram is dropped
 * @param delayMillis fixed one-way delay
 * @param jitterMillis the most extra delay, drawn uniformly per datagram
 * @param reorder probability 0..1 that a datagram is held back behind later ones
 * @param duplicate probability 0..1 that a datagram is sent twice
 */
public record Impairment(double loss, int delayMillis, int jitterMillis, double reorder, double duplicate) {
    /** A perfect link: nothing lost, delayed, reordered or duplicated. */
    public static final Impairment NONE = new Impairment(0, 0, 0, 0, 0);
    /** Nothing gets through (a blackout). */
    public static final Impairment BLACKOUT = new Impairment(1, 0, 0, 0, 0);

    /** Checks the ranges. */
    public Impairment {
        if (!(loss >= 0 && loss <= 1) || !(reorder >= 0 && reorder <= 1) || !(duplicate >= 0 && duplicate <= 1)) {
            throw new IllegalArgumentException("probabilities must be within 0..1");
        }
        if (delayMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** Returns a link that loses {@code loss} of the datagrams and delays the rest by {@code delayMillis}. */
    public static Impairment lossy(double loss, int delayMillis) {
        return new Impairment(loss, delayMillis, 0, 0, 0);
    }

    /** Returns this impairment with jitter added. */
    public Impairment withJitter(int millis) {
        return new Impairment(loss, delayMillis, millis, reorder, duplicate);
    }

    /** Returns this impairment with reordering. */
    public Impairment withReorder(double probability) {
        return new Impairment(loss, delayMillis, jitterMillis, probability, duplicate);
    }

    /** Returns this impairment with duplication. */
    public Impairment withDuplicate(double probability) {
        return new Impairment(loss, delayMillis, jitterMillis, reorder, probability);
    }
}
