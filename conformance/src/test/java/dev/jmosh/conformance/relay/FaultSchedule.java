package dev.jmosh.conformance.relay;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A seeded random sequence of fault phases for the {@link ImpairmentRelay}, a few seconds each,
 * that fills a given time and is followed by a clean link. The phases come in rounds; each round
 * holds every {@link Kind} once, in a seeded order, and the first round always fits, so every
 * schedule has at least one of each kind. The same seed and length give the same schedule.
 */
public final class FaultSchedule {
    /** What a phase does to the link. */
    public enum Kind {
        /** No impairment. */
        CLEAN,
        /** 10-50% loss both ways, 0-150 ms delay, up to 50 ms jitter. */
        LOSSY,
        /** Reordering and duplication both ways, a little delay and jitter, no loss. */
        REORDER_DUPLICATE,
        /** Nothing gets through, for 1-5 s. */
        BLACKOUT,
        /** The server sees the client move to a new address, then a mildly lossy link. */
        ROAM,
        /** One direction (chosen at random) much worse than the other. */
        ASYMMETRIC
    }

    /**
     * One phase.
     *
     * @param startMillis when it starts, from the start of the schedule
     * @param lengthMillis how long it lasts
     * @param up the client-to-server impairment during it
     * @param down the server-to-client impairment during it
     */
    public record Phase(long startMillis, long lengthMillis, Kind kind, Impairment up, Impairment down) {
        @Override
        public String toString() {
            return String.format("%6d ms +%5d ms %-17s up %s down %s", startMillis, lengthMillis, kind, text(up),
                    text(down));
        }

        private static String text(Impairment i) {
            return String.format("[loss %.2f delay %d jitter %d reorder %.2f dup %.2f]", i.loss(), i.delayMillis(),
                    i.jitterMillis(), i.reorder(), i.duplicate());
        }
    }

    private final long seed;
    private final long totalMillis;
    private final List<Phase> phases;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private FaultSchedule(long seed, long totalMillis, List<Phase> phases) {
        this.seed = seed;
        this.totalMillis = totalMillis;
        this.phases = List.copyOf(phases);
    }

    /**
     * Draws a schedule that fills {@code total} (at least 10 s, so that a round of every kind fits).
     */
    public static FaultSchedule draw(long seed, Duration total) {
        long totalMillis = total.toMillis();
        if (totalMillis < 10_000) {
            throw new IllegalArgumentException("a fault schedule needs at least 10 s, not " + total);
        }
        Random rnd = new Random(seed);
        List<Phase> phases = new ArrayList<>();
        List<Planned> round = round(rnd);
        for (int attempt = 0; sum(round) > totalMillis && attempt < 1_000; attempt++) {
            round = round(rnd); // the first round must fit
        }
        long t = 0;
        while (t < totalMillis) {
            if (round.isEmpty()) {
                round = round(rnd);
            }
            Planned next = round.remove(0);
            long length = Math.min(next.lengthMillis(), totalMillis - t);
            phases.add(phase(next.kind(), t, length, rnd));
            t += length;
        }
        return new FaultSchedule(seed, totalMillis, phases);
    }

    private record Planned(Kind kind, long lengthMillis) {
    }

    /** Every kind once, in a random order, each with a random length. */
    private static List<Planned> round(Random rnd) {
        List<Kind> kinds = new ArrayList<>(EnumSet.allOf(Kind.class));
        Collections.shuffle(kinds, rnd);
        List<Planned> round = new ArrayList<>();
        for (Kind k : kinds) {
            round.add(new Planned(k, length(k, rnd)));
        }
        return round;
    }

    private static long sum(List<Planned> round) {
        return round.stream().mapToLong(Planned::lengthMillis).sum();
    }

    private static long length(Kind kind, Random rnd) {
        return switch (kind) {
            case CLEAN, ROAM -> between(rnd, 1_000, 2_000);
            case BLACKOUT -> between(rnd, 1_000, 5_000);
            case LOSSY, REORDER_DUPLICATE, ASYMMETRIC -> between(rnd, 1_500, 3_000);
        };
    }

    private static Phase phase(Kind kind, long start, long length, Random rnd) {
        return switch (kind) {
            case CLEAN -> new Phase(start, length, kind, Impairment.NONE, Impairment.NONE);
            case LOSSY -> {
                Impairment i = Impairment.lossy(between(rnd, 10, 50) / 100.0, (int) between(rnd, 0, 150))
                        .withJitter((int) between(rnd, 0, 50));
                yield new Phase(start, length, kind, i, i);
            }
            case REORDER_DUPLICATE -> {
                Impairment i = Impairment.lossy(0, (int) between(rnd, 5, 40)).withJitter((int) between(rnd, 0, 20))
                        .withReorder(between(rnd, 10, 40) / 100.0).withDuplicate(between(rnd, 20, 100) / 100.0);
                yield new Phase(start, length, kind, i, i);
            }
            case BLACKOUT -> new Phase(start, length, kind, Impairment.BLACKOUT, Impairment.BLACKOUT);
            case ROAM -> {
                Impairment i = Impairment.lossy(between(rnd, 0, 10) / 100.0, (int) between(rnd, 0, 50));
                yield new Phase(start, length, kind, i, i);
            }
            case ASYMMETRIC -> {
                Impairment bad = Impairment.lossy(between(rnd, 40, 70) / 100.0, (int) between(rnd, 100, 250))
                        .withJitter(50);
                Impairment good = Impairment.lossy(between(rnd, 0, 5) / 100.0, (int) between(rnd, 0, 20));
                yield rnd.nextBoolean() ? new Phase(start, length, kind, bad, good)
                        : new Phase(start, length, kind, good, bad);
            }
        };
    }

    private static long between(Random rnd, long low, long high) {
        return low + (long) (rnd.nextDouble() * (high - low + 1));
    }

    /** Returns the phases, in order. */
    public List<Phase> phases() {
        return phases;
    }

    /** Returns the time the phases fill. */
    public Duration total() {
        return Duration.ofMillis(totalMillis);
    }

    /**
     * Plays the schedule on {@code relay}, starting now, on the relay's scheduler; at the end the
     * link is clean. A roaming phase that cannot open a socket is noted in {@link #failures()}.
     */
    public void playOn(ImpairmentRelay relay) {
        for (Phase p : phases) {
            relay.at(Duration.ofMillis(p.startMillis()), () -> {
                if (p.kind() == Kind.ROAM) {
                    try {
                        relay.changeAddress();
                    } catch (IOException | RuntimeException e) {
                        failures.add(e);
                    }
                }
                relay.impair(p.up(), p.down());
            });
        }
        relay.at(Duration.ofMillis(totalMillis), () -> relay.impair(Impairment.NONE));
    }

    /** Returns what went wrong while playing (empty if nothing did). */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** The seed, then one line per phase, then the clean end. */
    @Override
    public String toString() {
        return "fault schedule, seed " + seed + ":\n" + phases.stream().map(Phase::toString)
                .collect(Collectors.joining("\n")) + "\n" + String.format("%6d ms clean from here on", totalMillis);
    }
}
