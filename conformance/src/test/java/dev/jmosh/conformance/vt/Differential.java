package dev.jmosh.conformance.vt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares jmosh's screens with a reference terminal's, stream by stream, and reports per
 * corpus: streams, exact matches (text, attributes and cursor), matching rows and cells. The
 * report goes to standard output and to a section of {@code conformance/target/vt-differential.txt}
 * (one section per corpus, replaced on each run).
 */
final class Differential {
    private static final int REPORTED_ROWS = 6;
    private static final int REPORTED_BYTES = 400;

    private Differential() {
    }

    /** The outcome for one stream. */
    record StreamResult(VtStream stream, CellGrid reference, CellGrid jmosh, int cells, int matchingCells,
                        int matchingRows, boolean cursorMatches) {
        boolean matches() {
            return matchingCells == cells && cursorMatches;
        }

        /** The first differing rows, each with tmux's and jmosh's text and the first differing cell. */
        String details(String referenceName) {
            StringBuilder b = new StringBuilder();
            int shown = 0;
            for (int y = 0; y < jmosh.rows && shown < REPORTED_ROWS; y++) {
                for (int x = 0; x < jmosh.columns; x++) {
                    if (!jmosh.cellMatches(reference, x, y)) {
                        b.append(String.format("    row %d col %d: %s %s | jmosh %s%n", y, x, referenceName,
                                x < reference.extent[y] ? reference.describe(x, y) : "(not written)",
                                jmosh.describe(x, y)));
                        b.append(String.format("      %-6s|%s|%n", referenceName, reference.rowText(y)));
                        b.append(String.format("      %-6s|%s|%n", "jmosh", jmosh.rowText(y)));
                        shown++;
                        break;
                    }
                }
            }
            if (!cursorMatches) {
                b.append(String.format("    cursor: %s %s | jmosh %s%n", referenceName, reference.cursor(), jmosh.cursor()));
            }
            return b.toString();
        }
    }

    /** The outcomes for a corpus. */
    record CorpusResult(String corpus, String referenceName, List<StreamResult> results) {
        long exact() {
            return results.stream().filter(StreamResult::matches).count();
        }

        TreeSet<String> mismatching() {
            TreeSet<String> names = new TreeSet<>();
            results.stream().filter(r -> !r.matches()).forEach(r -> names.add(r.stream().name()));
            return names;
        }

        long cells() {
            return results.stream().mapToLong(StreamResult::cells).sum();
        }

        /** One line for the corpus, then one per group of streams (a family, or a recorded program). */
        String summary() {
            StringBuilder b = new StringBuilder(line("corpus " + corpus + " vs " + referenceName, results));
            Map<String, List<StreamResult>> groups = new TreeMap<>();
            for (StreamResult r : results) {
                groups.computeIfAbsent(group(r.stream().name()), k -> new ArrayList<>()).add(r);
            }
            groups.forEach((g, rs) -> b.append('\n').append(line("  " + g, rs)));
            return b.toString();
        }

        private static String line(String title, List<StreamResult> rs) {
            long exact = rs.stream().filter(StreamResult::matches).count();
            long cells = rs.stream().mapToLong(StreamResult::cells).sum();
            long matching = rs.stream().mapToLong(StreamResult::matchingCells).sum();
            long rows = rs.stream().mapToLong(r -> r.jmosh().rows).sum();
            long matchingRows = rs.stream().mapToLong(StreamResult::matchingRows).sum();
            return String.format(Locale.ROOT,
                    "%s: %d streams, %d exact matches (%.1f%%), rows %.3f%% (%d/%d), cells %.3f%% (%d/%d)",
                    title, rs.size(), exact, 100.0 * exact / Math.max(1, rs.size()),
                    100.0 * matchingRows / Math.max(1, rows), matchingRows, rows,
                    100.0 * matching / Math.max(1, cells), matching, cells);
        }

        /** A recorded stream's program ({@code rec-vim@1234} is {@code rec-vim}), else the family. */
        static String group(String name) {
            if (name.startsWith("rec-")) {
                int at = name.indexOf('@');
                return at < 0 ? name : name.substring(0, at);
            }
            int dash = name.indexOf('-');
            return dash < 0 ? name : name.substring(0, dash);
        }

        /** The summary and every mismatch with its allow-list reason (or UNEXPECTED). */
        String report(Map<String, String> allowed) {
            StringBuilder b = new StringBuilder(summary()).append('\n');
            for (StreamResult r : results) {
                if (r.matches()) {
                    continue;
                }
                String reason = allowed.get(r.stream().name());
                b.append("  ").append(r.stream()).append(": ")
                        .append(reason == null ? "UNEXPECTED MISMATCH" : reason).append('\n');
                b.append("    bytes: ").append(r.stream().escaped(REPORTED_BYTES)).append('\n');
                b.append(r.details(referenceName));
            }
            return b.toString();
        }
    }

    /** jmosh's screen after the stream. */
    static CellGrid jmosh(VtStream s) {
        Emulator e = new Emulator(s.columns(), s.rows());
        e.write(s.bytes());
        return CellGrid.of(e.framebuffer());
    }

    static StreamResult compare(VtStream s, CellGrid reference) {
        return compare(s, reference, CellGrid.COMPARED_ATTRIBUTES);
    }

    /** Compares with only the attributes in {@code attributes} kept on jmosh's side. */
    static StreamResult compare(VtStream s, CellGrid reference, int attributes) {
        CellGrid j = jmosh(s);
        for (int i = 0; i < j.attributes.length; i++) {
            j.attributes[i] &= attributes;
        }
        int matching = 0;
        int matchingRows = 0;
        for (int y = 0; y < j.rows; y++) {
            int rowMatching = 0;
            for (int x = 0; x < j.columns; x++) {
                if (j.cellMatches(reference, x, y)) {
                    rowMatching++;
                }
            }
            matching += rowMatching;
            matchingRows += rowMatching == j.columns ? 1 : 0;
        }
        return new StreamResult(s, reference, j, j.columns * j.rows, matching, matchingRows, j.cursorMatches(reference));
    }

    static CorpusResult compareAll(String corpus, String referenceName, List<VtStream> streams,
                                   Map<String, CellGrid> screens) {
        return compareAll(corpus, referenceName, streams, screens, CellGrid.COMPARED_ATTRIBUTES);
    }

    /** Compares every stream, keeping only the attributes in {@code attributes} on jmosh's side. */
    static CorpusResult compareAll(String corpus, String referenceName, List<VtStream> streams,
                                   Map<String, CellGrid> screens, int attributes) {
        List<StreamResult> results = new ArrayList<>();
        for (VtStream s : streams) {
            results.add(compare(s, screens.get(s.name()), attributes));
        }
        return new CorpusResult(corpus, referenceName, results);
    }

    /**
     * Prints and files the report, writes each mismatching stream to
     * {@code conformance/target/vt-mismatches/NAME.COLSxROWS.vt} (for {@code bin/jmosh-vt replay}),
     * then checks the allow-list: every mismatching stream must be listed (a new mismatch is a bug
     * or a divergence to justify) and every entry must still match a mismatching stream (a fixed
     * divergence must leave the list). An entry ending in {@code *} lists every stream whose name
     * starts with the rest (the cuts of one recording).
     */
    static void check(CorpusResult result, Map<String, String> allowed) throws IOException {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        TreeSet<String> unexpected = new TreeSet<>();
        TreeSet<String> stale = new TreeSet<>(allowed.keySet());
        for (String name : result.mismatching()) {
            String entry = entry(allowed, name);
            if (entry == null) {
                unexpected.add(name);
            } else {
                reasons.put(name, allowed.get(entry));
                stale.remove(entry);
            }
        }
        String report = result.report(reasons);
        System.out.println(report);
        file(result.corpus(), report);
        dump(result);
        assertThat(unexpected).as("streams that differ from %s without a listed divergence (see %s)\n%s",
                result.referenceName(), reportFile(), report).isEmpty();
        assertThat(stale).as("allow-listed divergences that no longer occur (remove them from %s)",
                Divergences.file()).isEmpty();
    }

    /** The allow-list entry that covers stream {@code name}, or null. */
    static String entry(Map<String, String> allowed, String name) {
        if (allowed.containsKey(name)) {
            return name;
        }
        for (String e : allowed.keySet()) {
            if (e.endsWith("*") && name.startsWith(e.substring(0, e.length() - 1))) {
                return e;
            }
        }
        return null;
    }

    private static void dump(CorpusResult result) throws IOException {
        Path dir = reportFile().resolveSibling("vt-mismatches");
        Files.createDirectories(dir);
        for (StreamResult r : result.results()) {
            if (!r.matches()) {
                VtStream s = r.stream();
                Files.write(dir.resolve(s.name() + "." + s.columns() + "x" + s.rows() + ".vt"), s.bytes());
            }
        }
    }

    static Path reportFile() {
        return VtConformance.module().resolve("target/vt-differential.txt");
    }

    /** Replaces this corpus's section of the report file. */
    static synchronized void file(String corpus, String report) throws IOException {
        Path file = reportFile();
        Files.createDirectories(file.getParent());
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String begin = "=== " + corpus + " ===\n";
        String end = "=== end " + corpus + " ===\n";
        String section = begin + report + end;
        Matcher m = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end), Pattern.DOTALL).matcher(old);
        String now = m.find() ? old.substring(0, m.start()) + section + old.substring(m.end()) : old + section;
        Files.writeString(file, now, StandardCharsets.UTF_8);
    }
}
