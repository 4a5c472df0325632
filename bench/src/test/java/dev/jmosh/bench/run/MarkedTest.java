package dev.jmosh.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MarkedTest {
    @Test
    void findsAndEndsADetachedProcessOfTheRunOnly() throws Exception {
        String id = "test-" + System.nanoTime();
        // the shell starts a sleep in a new session and exits at once: the sleep is nobody's child
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "setsid sleep 60 >/dev/null 2>&1 < /dev/null &");
        pb.environment().put(Marked.VARIABLE, id);
        Process sh = pb.start();
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<ProcessHandle> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) { // the sleep may not have exec'd yet
            found = Marked.find(id);
            if (found.isEmpty()) {
                Thread.sleep(20);
            }
        }
        assertThat(found).hasSize(1);
        assertThat(found.get(0).info().command().orElse("")).endsWith("sleep");
        assertThat(Marked.find(id + "-other")).isEmpty();
        assertThat(Marked.end(found)).isEqualTo(1);
        assertThat(found.get(0).onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Marked.find(id)).isEmpty();
    }
}
