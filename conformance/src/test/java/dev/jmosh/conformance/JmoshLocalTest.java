package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's run command: {@code bin/jmosh --local} (jmosh-client with jmosh-server) works end to end. */
class JmoshLocalTest {

    @Test
    @Timeout(90)
    void jmoshLocalTypesResizesAndQuits() throws Exception {
        Conformance.require("tmux");
        String jmosh = Conformance.root().resolve("bin/jmosh").toString();
        try (Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 " + jmosh
                + " --local -- /bin/bash --norc --noprofile; echo JMOSH_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("local-");
            tmux.resize(90, 20);
            tmux.type("stty size");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("20 90"), 10_000)).contains("20 90");
            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("JMOSH_RC="), 15_000);
            assertThat(end).contains("[mosh is exiting.]").contains("JMOSH_RC=0");
        }
    }
}
