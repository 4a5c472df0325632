package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The perl {@code mosh} wrapper starts jmosh-server with {@code --server=} (locally, no sshd:
 * {@code --local}) and the session works with the stock mosh-client; the wrapper can also run
 * jmosh-client with {@code --client=}.
 */
class MoshWrapperTest {

    private static void session(String options) throws Exception {
        try (Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 mosh --local " + options
                + " 127.0.0.1 -- /bin/bash --norc --noprofile; echo WRAPPER_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("wrapped-");
            tmux.type("exit");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("WRAPPER_RC="), 15_000)).contains("WRAPPER_RC=0");
        }
    }

    @Test
    @Timeout(120)
    void theWrapperStartsJmoshServer() throws Exception {
        Conformance.require("mosh", "mosh-client", "tmux");
        session("--server='" + MoshServer.jmoshServerCommand() + "'");
    }

    @Test
    @Timeout(120)
    void theWrapperRunsJmoshClientAgainstJmoshServer() throws Exception {
        Conformance.require("mosh", "tmux");
        session("--client=" + JmoshClientInTmuxTest.launcher() + " --server='" + MoshServer.jmoshServerCommand() + "'");
    }
}
