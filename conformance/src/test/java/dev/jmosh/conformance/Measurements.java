package dev.jmosh.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** What the on-demand measurements share: their statistics and where their reports go. */
final class Measurements {
    private Measurements() {
    }

    /** The nearest-rank {@code p}th percentile (1 to 100) of {@code values}; NaN if there are none. */
    static double percentile(Collection<? extends Number> values, int p) {
        double[] a = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return a.length == 0 ? Double.NaN : a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
    }

    /** The mean of {@code values}; NaN if there are none. */
    static double mean(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }

    /** Prints {@code report} and writes it to {@code conformance/target/<file>}. */
    static void report(String file, CharSequence report) throws IOException {
        System.out.print(report);
        Path out = Conformance.root().resolve("conformance/target").resolve(file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }
}
