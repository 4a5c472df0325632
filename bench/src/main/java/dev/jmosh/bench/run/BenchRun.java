package dev.jmosh.bench.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code bench/run}: the measurements of jmosh against mosh from one command, into one results
 * folder with a Markdown report that names the machine and the commit. The conformance
 * measurements run in one Maven build; JMH from the benchmarks jar. A measurement whose programs
 * are missing is skipped and listed as skipped, never dropped. Every process it starts is ended
 * when it ends, also on Ctrl-C.
 */
public final class BenchRun {
    private static final String USAGE = """
            usage: bench/run [--quick] [--only NAME[,NAME...]] [--results DIR] [--no-build] [--list]
              --quick       fewer rounds and keys, shorter windows, no trace replay, relay echo or drawn bytes:
                            under 5 minutes; the full run under 40
              --only NAMES  just these measurements (see --list)
              --results DIR where the report goes (default bench/results/<UTC time>-<commit>)
              --no-build    measure what is built (default: mvn -Pdist -DskipTests package first)
              --list        the measurements, and whether this machine can run them
            """;
    private static final Duration QUICK_LIMIT = Duration.ofMinutes(20);
    private static final Duration FULL_LIMIT = Duration.ofMinutes(90);

    private volatile Process running;
    /** Marks every process this run starts ({@link Marked}). */
    private final String runId = Long.toString(ProcessHandle.current().pid()) + "-" + System.nanoTime();
    /** The network namespaces a measurement makes are named with this prefix ({@link Namespaces}). */
    private final String namespacePrefix = "jmb-" + ProcessHandle.current().pid();

    private BenchRun() {
    }

    /**
     * Runs the harness.
     *
     * @param args {@code --root DIR} (the checkout, given by {@code bench/run}) and the options above
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true"); // plots are drawn into files
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/run: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.print(USAGE);
            return;
        }
        Tools tools = new Tools(System.getenv("PATH"));
        if (o.list()) {
            for (Part p : Part.ALL) {
                List<String> missing = missing(p, tools);
                System.out.printf("%-12s %s%s%n", p.name(), p.title(),
                        missing.isEmpty() ? "" : " [cannot run here: lacks " + String.join(", ", missing) + "]");
            }
            return;
        }
        System.exit(new BenchRun().run(o, tools));
    }

    private int run(Options o, Tools tools) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Path results = o.results() != null ? o.results() : o.root().resolve("bench/results").resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started) + "-"
                        + tools.output("git", "-C", o.root().toString(), "rev-parse", "--short", "HEAD").orElse("nogit"));
        if (!tools.has("mvn")) {
            System.err.println("bench/run: Maven (mvn) is not on PATH; it builds jmosh and runs the measurements");
            return 2;
        }
        Files.createDirectories(results);
        List<String> machine = Machine.describe(o.root(), tools); // before the load this run adds
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "bench-stop"));

        Map<Part, Outcome> outcomes = new LinkedHashMap<>();
        if (!o.noBuild() && execute(List.of("mvn", "-B", "-ntp", "-Pdist", "-DskipTests", "package"), o.root(),
                results.resolve("build.log"), Duration.ofMinutes(20)) != 0) {
            System.err.println("bench/run: the build failed; see " + results.resolve("build.log"));
            return 1;
        }
        List<Part> toRun = new ArrayList<>();
        for (Part p : Part.ALL) {
            if (!o.only().isEmpty() && !o.only().contains(p.name())) {
                continue;
            }
            List<String> missing = missing(p, tools);
            if (o.quick() && !p.inQuickRun()) {
                outcomes.put(p, new Outcome("skipped: full run only (minutes long)", Duration.ZERO, null, Map.of()));
            } else if (missing.isEmpty()) {
                toRun.add(p);
            } else {
                String why = "skipped: " + missing.stream().map(m -> m.equals("root") ? "not root (network namespaces)"
                        : "no " + m + " on PATH").collect(Collectors.joining(", "));
                System.out.println("bench/run: " + p.name() + " " + why);
                outcomes.put(p, new Outcome(why, Duration.ZERO, null, Map.of()));
            }
        }
        List<Part> conformance = toRun.stream().filter(Part::conformance).toList();
        if (!conformance.isEmpty()) {
            outcomes.putAll(runConformance(o, conformance, results));
        }
        for (Part p : toRun) {
            if (p.name().equals(Part.JMH)) {
                outcomes.put(p, runJmh(o, p, results));
            }
        }
        stopRunning(); // whatever a measurement left behind (a detached server) ends with the run
        Path report = results.resolve("report.md");
        Files.writeString(report, Report.markdown(o.quick(), started, machine, order(outcomes),
                results), StandardCharsets.UTF_8);
        System.out.println("bench/run: report in " + report);
        return outcomes.values().stream().allMatch(Outcome::ok) ? 0 : 1;
    }

    private static Map<Part, Outcome> order(Map<Part, Outcome> outcomes) {
        Map<Part, Outcome> ordered = new LinkedHashMap<>();
        Part.ALL.stream().filter(outcomes::containsKey).forEach(p -> ordered.put(p, outcomes.get(p)));
        return ordered;
    }

    /** One Maven build runs every selected conformance measurement, each with its own options. */
    private Map<Part, Outcome> runConformance(Options o, List<Part> parts, Path results)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-pl", "conformance", "-am", "verify",
                "-Djmosh.conformance.required=true", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Djmosh.measure=" + parts.stream().map(Part::name).collect(Collectors.joining(",")),
                "-Dtest=" + parts.stream().map(Part::testClass).collect(Collectors.joining(","))));
        for (Part p : parts) {
            p.options(o.quick()).forEach((k, v) -> cmd.add("-Djmosh.measure." + p.name() + "." + k + "=" + v));
        }
        cmd.add("-Djmosh.measure.netns=" + namespacePrefix); // removed by this prefix at the end
        FileTime before = FileTime.from(Instant.now().minusSeconds(1));
        Instant t0 = Instant.now();
        int status = execute(cmd, o.root(), results.resolve("maven.log"), o.quick() ? QUICK_LIMIT : FULL_LIMIT);
        Duration took = Duration.between(t0, Instant.now());
        Map<Part, Outcome> out = new LinkedHashMap<>();
        for (Part p : parts) {
            Path made = o.root().resolve("conformance/target").resolve(p.reportFile());
            if (fresh(made, before)) {
                Files.copy(made, results.resolve(p.reportFile()), StandardCopyOption.REPLACE_EXISTING);
                Map<String, String> plots = Map.of();
                Path samples = p.samplesFile() == null ? null : o.root().resolve("conformance/target").resolve(p.samplesFile());
                if (samples != null && fresh(samples, before)) {
                    Files.copy(samples, results.resolve(p.samplesFile()), StandardCopyOption.REPLACE_EXISTING);
                    plots = Plots.draw(p.plot(), samples, results, p.name());
                }
                out.put(p, new Outcome(null, took, p.reportFile(), plots));
            } else {
                out.put(p, new Outcome("failed: no report (Maven exited " + status + "; see maven.log)", took, null,
                        Map.of()));
            }
        }
        return out;
    }

    /** Whether {@code file} was written by this run (not left by an earlier one). */
    private static boolean fresh(Path file, FileTime since) throws IOException {
        return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(since) > 0;
    }

    private Outcome runJmh(Options o, Part p, Path results) throws IOException, InterruptedException {
        Path jar = o.root().resolve("bench/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            return new Outcome("failed: " + jar + " not built", Duration.ZERO, null, Map.of());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        cmd.addAll(List.of(p.options(o.quick()).get("args").split(" ")));
        cmd.addAll(List.of("-rf", "csv", "-rff", results.resolve("jmh.csv").toString()));
        Instant t0 = Instant.now();
        int status = execute(cmd, o.root(), results.resolve("jmh.txt"), o.quick() ? QUICK_LIMIT : FULL_LIMIT);
        Duration took = Duration.between(t0, Instant.now());
        return status == 0 && Files.isRegularFile(results.resolve("jmh.csv"))
                ? new Outcome(null, took, "jmh.csv", Map.of())
                : new Outcome("failed: JMH exited " + status + " (see jmh.txt)", took, null, Map.of());
    }

    /** Runs a command to its end or the limit, its output into {@code log}; its exit status (-1: timed out). */
    private int execute(List<String> cmd, Path dir, Path log, Duration limit) throws IOException, InterruptedException {
        System.out.println("bench/run: " + String.join(" ", cmd) + "  (log: " + log + ")");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put(Marked.VARIABLE, runId);
        Process p = pb.start();
        running = p;
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("bench/run: stopped after " + limit.toMinutes() + " min: " + cmd.get(0));
                stopRunning();
                return -1;
            }
            return p.exitValue();
        } finally {
            running = null;
        }
    }

    /** Ends the running command and everything it started (Ctrl-C, a time limit). */
    private void stopRunning() {
        Process p = running;
        if (p != null) {
            List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
            all.add(p.toHandle());
            Marked.end(all);
        }
        int left = Marked.end(Marked.find(runId));
        if (left > 0) {
            System.out.println("bench/run: ended " + left + " process(es) the measurements had left running");
        }
        int namespaces = Namespaces.remove(namespacePrefix);
        if (namespaces > 0) {
            System.out.println("bench/run: removed " + namespaces + " network namespace(s) a measurement had left");
        }
    }

    /** What {@code p} needs and this machine lacks: programs, or {@code root}. */
    private static List<String> missing(Part p, Tools tools) {
        return p.needs().stream().filter(x -> x.equals("root") ? !tools.isRoot() : !tools.has(x)).toList();
    }

    /**
     * What became of one measurement.
     *
     * @param problem why it did not run or failed; null when it ran
     * @param took its wall-clock time (for the conformance ones: the one Maven build they shared)
     * @param file its report in the results folder, or null
     * @param plots its plots in the results folder (file name to title)
     */
    record Outcome(String problem, Duration took, String file, Map<String, String> plots) {
        boolean ok() {
            return problem == null || problem.startsWith("skipped");
        }
    }
}
