package dev.jmosh.bench.run;

import java.util.List;
import java.util.Map;

/**
 * One measurement that {@code bench/run} can run: its name, what it needs on this machine, and
 * how it runs in a quick and in a full run. The conformance measurements run in one Maven build
 * together (their options as {@code -Djmosh.measure.NAME.KEY}); JMH runs from the benchmarks jar.
 *
 * @param name the name on the command line ({@code --only NAME}) and in the report
 * @param title one line for the report
 * @param testClass the conformance class that measures, or null for JMH
 * @param reportFile the report the measurement writes under {@code conformance/target}, or null
 * @param samplesFile its samples ({@code group,series,value} CSV) under {@code conformance/target}, or null
 * @param plot how its samples are drawn
 * @param programs what must be on PATH; {@code "root"} stands for running as root (network namespaces)
 * @param quick options of a quick run ({@code KEY -> VALUE}), or null: a full run's only
 * @param full options of a full run
 */
record Part(String name, String title, String testClass, String reportFile, String samplesFile, Plots.Kind plot,
        List<String> programs, Map<String, String> quick, Map<String, String> full) {

    /** The name of the JMH part. */
    static final String JMH = "jmh";

    /** Every part, in the order they run. */
    static final List<Part> ALL = List.of(
            new Part("link", "keystroke response across a lossy link: the mosh paper's experiment, every pairing and ssh",
                    "LinkMeasurement", "link.txt", "link.csv", Plots.Kind.CDF,
                    List.of("root", "ip", "mosh-server", "mosh-client", "script", "ssh", "ssh-keygen", "sshd"),
                    Map.of("rounds", "1", "keys", "4", "sshkeys", "2", "blackout", "10"),
                    Map.of("rounds", "2", "losses", "0,0.1,0.29")), // issue 15 asks for 10% as well
            new Part("drain", "output drain: a marker after cat of a large text, every pairing, with CPU seconds",
                    "DrainMeasurement", "drain.txt", "drain.csv", Plots.Kind.BARS,
                    List.of("mosh-server", "mosh-client", "script"), Map.of("mb", "10"), Map.of("mb", "50", "rounds", "3")),
            new Part("idle", "idle CPU over a window, memory of client and of attached and detached servers",
                    "IdleMeasurement", "idle.txt", "idle.csv", Plots.Kind.BARS,
                    List.of("mosh-server", "mosh-client", "script", "bash"), Map.of("seconds", "10"),
                    Map.of("seconds", "60")),
            new Part("frames", "frames shown per second while a full-screen program redraws, every pairing",
                    "FramesMeasurement", "frames.txt", null, Plots.Kind.NONE,
                    List.of("mosh-server", "mosh-client", "script", "perl"), Map.of("seconds", "10"),
                    Map.of("seconds", "60")),
            new Part("startup", "start-up and footprint against mosh (issue 13)", "StartupMeasurement",
                    "startup.txt", "startup.csv", Plots.Kind.BARS, List.of("mosh", "mosh-server", "mosh-client", "script"),
                    Map.of("rounds", "1"), Map.of("rounds", "7")),
            new Part("serverstart", "server start to MOSH CONNECT, checkout and image against mosh-server",
                    "ServerStartMeasurement", "server-start.txt", null, Plots.Kind.NONE, List.of("mosh-server"),
                    Map.of("rounds", "1"), Map.of("rounds", "10")),
            new Part("echo", "keystroke to echo at 29% loss, 50 ms each way (issue 5)", "EchoLatencyMeasurement",
                    "echo-latency.txt", "echo-latency.csv", Plots.Kind.CDF, List.of("mosh-server", "mosh-client", "tmux"),
                    null, Map.of("rounds", "4")), // quick runs have the link measurement's 29% loss instead
            new Part("draw", "a predicted keystroke's draw time (issue 6)", "LocalEchoDrawMeasurement",
                    "local-echo-draw.txt", "local-echo-draw.csv", Plots.Kind.CDF, List.of("mosh-server", "mosh-client", "script"),
                    Map.of("rounds", "2"), Map.of("rounds", "10")),
            new Part("bytes", "bytes each client writes to its terminal (issue 13)", "DrawnBytesMeasurement",
                    "drawn-bytes.txt", null, Plots.Kind.NONE, List.of("mosh-server", "mosh-client", "script", "vim"),
                    null, Map.of("rounds", "3")), // keeps the quick run under 5 minutes
            new Part("traces", "local echo over recorded keystroke traces (issue 6)", "TraceReplayMeasurement",
                    "trace-replay.txt", null, Plots.Kind.NONE,
                    List.of("mosh-server", "mosh-client", "script", "bash", "vim"),
                    null, Map.of("delays", "250")), // 50 ms each way is the link measurement's; both take 14 min
            new Part(JMH, "JMH: parse-and-apply MiB/s, FrameDiff frames/s, cipher MiB/s, local echo µs per key",
                    null, null, null, Plots.Kind.NONE,
                    List.of(), Map.of("args", "-f 1 -wi 1 -w 500ms -i 1 -r 500ms"), Map.of("args", "-f 1 -wi 3 -w 2s -i 5 -r 2s")));

    /** The programs and conditions this needs, {@code "root"} included. */
    List<String> needs() {
        return programs;
    }

    /** Whether this is a conformance measurement (run through Maven). */
    boolean conformance() {
        return testClass != null;
    }

    /** Whether this runs in a quick run (a long one runs only in full). */
    boolean inQuickRun() {
        return quick != null;
    }

    /** The options of a quick or a full run. */
    Map<String, String> options(boolean quickRun) {
        return quickRun ? quick : full;
    }
}
