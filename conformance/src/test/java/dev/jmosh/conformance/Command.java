package dev.jmosh.conformance;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end with stdin from /dev/null and a deadline, capturing both output streams. */
final class Command {
    /** What a finished program left: its exit status and its two output streams. */
    record Result(int code, String out, String err) {
    }

    private Command() {
    }

    /**
     * Runs {@code cmd} with the current environment changed by {@code env} (a null value removes
     * a variable); fails if it takes longer than {@code seconds}.
     */
    static Result run(List<String> cmd, Map<String, String> env, long seconds) throws IOException, InterruptedException {
        return run(cmd, env, seconds, new File("/dev/null"));
    }

    /** The same with standard input read from {@code stdin}. */
    static Result run(List<String> cmd, Map<String, String> env, long seconds, File stdin)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(stdin);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within " + seconds + " s");
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
