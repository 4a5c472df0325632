package dev.jmosh.ssp.core.wire;

import java.util.SplittableRandom;

/**
 * Runs a check on many seeded random cases, reproducibly: case {@code i} of a run draws from its
 * own {@link SplittableRandom}, seeded with the {@code i}-th value of {@code new
 * SplittableRandom(seed)}. A failure names the property, the run's seed, the case number and the
 * case's seed, so rerunning the test (or calling the check with {@code new
 * SplittableRandom(caseSeed)}) reproduces it.
 */
final class SeededCases {
    private SeededCases() {
    }

    /** A check of one case. */
    @FunctionalInterface
    interface Check {
        void check(Case c) throws Exception;
    }

    /**
     * One case of a run.
     *
     * @param property the name of the property checked
     * @param seed the seed of the whole run
     * @param iteration the number of this case, from 0
     * @param tries the number of cases in the run
     * @param caseSeed the seed of {@code random}
     * @param random the source of this case's inputs
     */
    record Case(String property, long seed, int iteration, int tries, long caseSeed, SplittableRandom random) {
        @Override
        public String toString() {
            return String.format("%s [seed 0x%016XL, case %d of %d, case seed 0x%016XL]", property, seed, iteration,
                    tries, caseSeed);
        }
    }

    /**
     * Checks {@code tries} cases, stopping at the first failure.
     *
     * @return the number of cases checked, which is {@code tries}
     * @throws AssertionError if a case fails or throws, naming the seed and case
     */
    static int run(String property, long seed, int tries, Check check) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            long caseSeed = seeds.nextLong();
            Case c = new Case(property, seed, i, tries, caseSeed, new SplittableRandom(caseSeed));
            try {
                check.check(c);
            } catch (Exception | AssertionError e) {
                throw new AssertionError(c + " failed: " + e, e);
            }
        }
        return tries;
    }
}
