package dev.jmosh.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NamespacesTest {
    @Test
    void removesTheRunsNamespacesAndNoOther() throws Exception {
        Tools tools = new Tools(System.getenv("PATH"));
        Assumptions.assumeTrue(tools.isRoot() && tools.has("ip"), "needs root and iproute2");
        String prefix = "jmbt-" + ProcessHandle.current().pid();
        String other = "jmbu-" + ProcessHandle.current().pid();
        for (String name : new String[] {prefix + "-a", prefix + "-b", other}) {
            Process p = new ProcessBuilder("ip", "netns", "add", name).inheritIO().start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        try {
            assertThat(Namespaces.remove(prefix)).isEqualTo(2);
            assertThat(Path.of("/run/netns", prefix + "-a")).doesNotExist();
            assertThat(Path.of("/run/netns", prefix + "-b")).doesNotExist();
            assertThat(Path.of("/run/netns", other)).exists();
        } finally {
            Namespaces.remove(other);
        }
        assertThat(Path.of("/run/netns", other)).doesNotExist();
    }
}
