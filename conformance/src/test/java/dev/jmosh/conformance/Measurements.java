package dev.jmosh.conformance;

import com.google.common.math.Quantiles;
import com.google.common.math.Stats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * What the on-demand measurements share: which of them run, their options, their statistics
 * (Guava's {@link Quantiles} and {@link Stats}, as the bench harness computes them) and where
 * their reports go.
 *
 * <p>{@code -Djmosh.measure=NAME[,NAME...]} selects measurements, so that one build runs several
 * ({@code bench/run} does). An option {@code KEY} of measurement {@code NAME} is read from
 * {@code -Djmosh.measure.NAME.KEY}, else {@code -Djmosh.measure.KEY}, else its default.
 */
final class Measurements {
    private Measurements() {
    }

    /** Whether {@code -Djmosh.measure} names this measurement. */
    static boolean selected(String name) {
        return Arrays.stream(System.getProperty("jmosh.measure", "").split(","))
                .map(String::strip).anyMatch(name::equals);
    }

    /** Option {@code key} of measurement {@code name} (class comment), or {@code fallback}. */
    static String option(String name, String key, String fallback) {
        String own = System.getProperty("jmosh.measure." + name + "." + key);
        return own != null ? own : System.getProperty("jmosh.measure." + key, fallback);
    }

    /** An integer option (class comment). */
    static int intOption(String name, String key, int fallback) {
        return Integer.parseInt(option(name, key, Integer.toString(fallback)).strip());
    }

    /**
     * The {@code p}th percentile (0 to 100) of {@code values}, interpolated between the nearest
     * ranks as Guava's {@link Quantiles} does (0 is the least, 100 the greatest); NaN if there
     * are none.
     */
    static double percentile(Collection<? extends Number> values, int p) {
        return values.isEmpty() ? Double.NaN : Quantiles.percentiles().index(p).compute(values);
    }

    /** The mean of {@code values}; NaN if there are none. */
    static double mean(Collection<? extends Number> values) {
        return values.isEmpty() ? Double.NaN : Stats.meanOf(values);
    }

    /**
     * Writes every sample to {@code conformance/target/<file>} as CSV ({@code group,series,value}),
     * for {@code bench/run}'s plots: a group is what was measured (one chart), a series who
     * (a pairing, a client).
     */
    static void samples(String file, Map<String, ? extends Map<String, ? extends Collection<? extends Number>>> groups)
            throws IOException {
        StringBuilder csv = new StringBuilder("group,series,value\n");
        groups.forEach((group, series) -> series.forEach((name, values) -> values.forEach(v -> csv.append(quoted(group))
                .append(',').append(quoted(name)).append(',')
                .append(String.format(Locale.ROOT, "%s", v.doubleValue())).append('\n'))));
        Path out = Conformance.root().resolve("conformance/target").resolve(file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, csv, StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Prints {@code report} and writes it to {@code conformance/target/<file>}. */
    static void report(String file, CharSequence report) throws IOException {
        System.out.print(report);
        Path out = Conformance.root().resolve("conformance/target").resolve(file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }
}
