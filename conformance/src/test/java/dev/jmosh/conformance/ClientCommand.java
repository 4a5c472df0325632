package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shell commands that run a mosh client against a {@link MoshServer} in a tmux pane: the real
 * mosh-client, bin/jmosh-client, or jmosh-client with a renderer that fails on purpose (the
 * cli-lanterna test launcher {@code FaultyClientMain}, run with that module's test classes).
 */
final class ClientCommand {
    /** The text that makes the faulty client's renderer throw (FaultyClientMain.TRIGGER). */
    static final String FAULT_TRIGGER = "FAIL-NOW";
    /** What the faulty client prints for its failure. */
    static final String FAULT_ERROR = "Error: java.lang.IllegalStateException: injected failure";

    private ClientCommand() {
    }

    /** The real mosh-client. */
    static String moshClient(MoshServer server) {
        return "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " mosh-client 127.0.0.1 " + server.port;
    }

    /** bin/jmosh-client. */
    static String jmoshClient(MoshServer server) {
        return JmoshClientInTmuxTest.clientCommand(server, JmoshClientInTmuxTest.launcher());
    }

    /** jmosh-client whose renderer throws once the remote screen shows {@link #FAULT_TRIGGER}. */
    static String faultyClient(MoshServer server) throws IOException {
        Path module = Conformance.root().resolve("modules/cli-lanterna/target");
        Path testClasses = module.resolve("test-classes");
        assertThat(testClasses.resolve("dev/jmosh/cli/internal/FaultyClientMain.class"))
                .as("cli-lanterna's test classes are built (mvn -pl conformance -am verify builds them)").exists();
        Path jar = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(module, "cli-lanterna-*.jar")) {
            for (Path p : jars) {
                jar = p;
            }
        }
        assertThat(jar).as("cli-lanterna's jar in %s", module).isNotNull();
        String java = ProcessHandle.current().info().command().orElseThrow();
        return "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " " + java + " --enable-native-access=dev.jmosh.cli"
                + " -p " + jar + ":" + module.resolve("lib") + " --patch-module dev.jmosh.cli=" + testClasses
                + " -m dev.jmosh.cli/dev.jmosh.cli.internal.FaultyClientMain 127.0.0.1 " + server.port;
    }

    /**
     * A pane command that runs {@code client} in the background of a shell without job control
     * (reading the pane's terminal), writes its PID to {@code pidFile}, waits for it, then prints
     * {@code RC=<status>} and {@code TTY=same} or {@code TTY=changed} (its settings against those
     * saved before), and stays open.
     */
    static String inPane(String client, Path pidFile) {
        return "S=$(stty -g); " + client + " </dev/tty & echo $! > " + pidFile + "; wait $!; echo RC=$?; "
                + "if [ \"$(stty -g)\" = \"$S\" ]; then echo TTY=same; else echo TTY=changed; fi; sleep 120";
    }

    /** The PID {@link #inPane} wrote, once it is there. */
    static long pid(Path pidFile) throws IOException, InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            String s = Files.exists(pidFile) ? Files.readString(pidFile).strip() : "";
            if (!s.isEmpty()) {
                return Long.parseLong(s);
            }
            Thread.sleep(50);
        }
        throw new IOException("no PID in " + pidFile);
    }

    /** Sends {@code kill -NAME pid}. */
    static void signal(long pid, String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /** Waits up to {@code millis} for process {@code pid} to end; returns whether it did. */
    static boolean awaitGone(long pid, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
