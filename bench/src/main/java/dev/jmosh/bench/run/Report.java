package dev.jmosh.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Markdown report of one run: the machine, what ran and what was skipped, then each result. */
final class Report {
    private Report() {
    }

    static String markdown(boolean quick, Instant started, List<String> machine, Map<Part, BenchRun.Outcome> outcomes,
            Path results) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# jmosh against mosh: ").append(quick ? "quick" : "full").append(" run of ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC)
                        .format(started.truncatedTo(ChronoUnit.SECONDS)))
                .append(" UTC\n\n");
        b.append("## Machine\n\n");
        machine.forEach(l -> b.append("- ").append(l).append('\n'));
        b.append("\n## Measurements\n\n| measurement | what | outcome | time |\n|---|---|---|---|\n");
        outcomes.forEach((p, o) -> b.append("| ").append(p.name()).append(" | ").append(p.title()).append(" | ")
                .append(o.problem() == null ? "ran" : o.problem()).append(" | ").append(minutes(o.took()))
                .append(" |\n"));
        b.append("\nThe conformance measurements share one Maven build; their time is that build's.\n");
        for (Map.Entry<Part, BenchRun.Outcome> e : outcomes.entrySet()) {
            if (e.getValue().file() == null) {
                continue;
            }
            b.append("\n## ").append(e.getKey().name()).append(": ").append(e.getKey().title()).append("\n\n");
            String text = Files.readString(results.resolve(e.getValue().file()), StandardCharsets.UTF_8);
            if (e.getKey().name().equals(Part.JMH)) {
                b.append(csvTable(text));
            } else {
                b.append("```text\n").append(text.stripTrailing()).append("\n```\n");
            }
            e.getValue().plots().forEach((file, title) -> b.append("\n![").append(title).append("](").append(file)
                    .append(")\n"));
        }
        return b.toString();
    }

    private static String minutes(Duration d) {
        return d.isZero() ? "" : String.format(java.util.Locale.ROOT, "%.1f min", d.toMillis() / 60_000.0);
    }

    /**
     * The goals issue 14 holds parse-and-apply to, MiB/s by benchmark and stream (JMH has no mosh
     * to compare with, so these stand beside its figures instead).
     */
    static final Map<String, Double> GOALS = Map.of("dev.jmosh.bench.ParseBenchmark.parseMiB ascii", 1000.0,
            "dev.jmosh.bench.ParseBenchmark.parseMiB sgr", 300.0, "dev.jmosh.bench.ParseBenchmark.parseMiB cjk", 300.0);

    /** JMH's CSV result as a Markdown table, with the goal and the score's share of it where there is one. */
    static String csvTable(String csv) {
        StringBuilder b = new StringBuilder();
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        int param = -1;
        int score = -1;
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(cells(lines.get(i)));
            if (i == 0) {
                param = cells.indexOf("Param: stream");
                score = cells.indexOf("Score");
                cells.addAll(List.of("goal", "x goal"));
            } else {
                Double goal = param < 0 || param >= cells.size() || score < 0 ? null
                        : GOALS.get(cells.get(0) + " " + cells.get(param));
                cells.add(goal == null ? "" : String.format(java.util.Locale.ROOT, "%.0f", goal));
                cells.add(goal == null ? "" : String.format(java.util.Locale.ROOT, "%.2f",
                        Double.parseDouble(cells.get(score)) / goal));
            }
            b.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (i == 0) {
                b.append("|").append("---|".repeat(cells.size())).append('\n');
            }
        }
        return b.toString();
    }

    /** The fields of one CSV line (quoted fields may hold commas; {@code ""} is a quote). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
