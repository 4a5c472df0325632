package dev.jmosh.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @Test
    void jmhCsvBecomesATable() {
        String csv = "\"Benchmark\",\"Mode\",\"Score\",\"Unit\",\"Param: kind\"\n"
                + "\"dev.jmosh.bench.ParseBenchmark.parse\",\"thrpt\",468.5,\"MiB/s\",\"a,b \"\"q\"\"\"\n";
        assertThat(Report.csvTable(csv)).isEqualTo("""
                | Benchmark | Mode | Score | Unit | Param: kind | goal | x goal |
                |---|---|---|---|---|---|---|
                | dev.jmosh.bench.ParseBenchmark.parse | thrpt | 468.5 | MiB/s | a,b "q" |  |  |
                """);
    }

    @Test
    void parseScoresStandBesideTheirGoals() {
        String csv = """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: stream"
                "dev.jmosh.bench.ParseBenchmark.parseMiB","thrpt",1,5,250.0,10.0,"ops/s",ascii
                "dev.jmosh.bench.ParseBenchmark.parseMiB","thrpt",1,5,150.0,10.0,"ops/s",sgr
                "dev.jmosh.bench.ParseBenchmark.parseMiB","thrpt",1,5,700.0,10.0,"ops/s",redraw
                """;
        assertThat(Report.csvTable(csv).lines().toList()).containsSubsequence(
                "| dev.jmosh.bench.ParseBenchmark.parseMiB | thrpt | 1 | 5 | 250.0 | 10.0 | ops/s | ascii | 1000 | 0.25 |",
                "| dev.jmosh.bench.ParseBenchmark.parseMiB | thrpt | 1 | 5 | 150.0 | 10.0 | ops/s | sgr | 300 | 0.50 |",
                "| dev.jmosh.bench.ParseBenchmark.parseMiB | thrpt | 1 | 5 | 700.0 | 10.0 | ops/s | redraw |  |  |");
    }

    @Test
    void theReportListsSkippedAndFailedMeasurementsAndQuotesTheRest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("startup.txt"), "server start ratio 7.8\n");
        Map<Part, BenchRun.Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put(part("startup"), new BenchRun.Outcome(null, Duration.ofSeconds(90), "startup.txt",
                Map.of("startup-1.png", "server start (ms)")));
        outcomes.put(part("echo"), new BenchRun.Outcome("skipped: no tmux on PATH", Duration.ZERO, null, Map.of()));
        outcomes.put(part("draw"), new BenchRun.Outcome("failed: no report (Maven exited 1; see maven.log)",
                Duration.ofSeconds(90), null, Map.of()));
        String md = Report.markdown(true, Instant.parse("2026-12-07T07:00:00.123456Z"), List.of("CPU: test"), outcomes, dir);
        assertThat(md).startsWith("# jmosh against mosh: quick run of 2026-12-07T07:00:00 UTC")
                .contains("- CPU: test")
                .contains("| startup | " + part("startup").title() + " | ran | 1.5 min |")
                .contains("| echo | " + part("echo").title() + " | skipped: no tmux on PATH |  |")
                .contains("| draw | " + part("draw").title() + " | failed: no report")
                .contains("```text\nserver start ratio 7.8\n```\n\n![server start (ms)](startup-1.png)\n");
        assertThat(md).doesNotContain("## echo").doesNotContain("## draw");
    }

    private static Part part(String name) {
        return Part.ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
