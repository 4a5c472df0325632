package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exit values, end of output and reaping (pty-ffm.md pitfalls 6, 7, 9). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyExitTest {
    @Test
    void exitCodeIsReported() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("exit 7"))) {
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }

    @Test
    void deathBySignalIs128PlusTheSignal() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("kill -KILL $$"))) {
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isEqualTo(128 + 9);
        }
    }

    @Test
    void signalReachesTheProcessGroup() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("echo ready; sleep 30 & sleep 30; wait"))) {
            Transcript.of(pty).awaitText("ready");
            pty.signal(15);
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isEqualTo(128 + 15);
        }
    }

    @Test
    void signalAfterReapingIsIgnored() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("exit 0"))) {
            pty.exit().get(10, TimeUnit.SECONDS);
            pty.signal(15);
        }
    }

    @Test
    void readReturnsEndOfFileAfterTheOutputOnceTheChildExits() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("echo one; echo two"))) {
            Transcript out = Transcript.of(pty);
            assertThat(out.awaitEof()).isEqualTo("one\r\ntwo\r\n");
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isZero();
            assertThat(pty.read(new byte[16], 0, 16)).isEqualTo(-1);
        }
    }

    @Test
    void largeOutputArrivesWholeBeforeEndOfFile() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("seq", "seq", "1", "200000"))) {
            String out = Transcript.of(pty).awaitEof();
            StringBuilder expected = new StringBuilder();
            for (int i = 1; i <= 200000; i++) {
                expected.append(i).append("\r\n");
            }
            assertThat(out.length()).isEqualTo(expected.length());
            assertThat(out).isEqualTo(expected.toString());
        }
    }

    @Test
    void noZombieIsLeft() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("exit 0"))) {
            pty.exit().get(10, TimeUnit.SECONDS);
            assertThat(Path.of("/proc/" + pty.pid())).doesNotExist();
        }
    }

    @Test
    void exitFailsWhenClosedBeforeStarting() throws Exception {
        Pty pty = Pty.open(80, 24);
        assertThat(pty.pid()).isEqualTo(-1);
        pty.close();
        assertThatThrownBy(() -> pty.exit().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("closed before a child");
    }

    @Test
    void missingWorkingDirectoryFailsLikePerror() {
        PtySpec spec = Specs.command("true", "true");
        Path missing = Path.of("/nonexistent-" + ProcessHandle.current().pid());
        assertThat(Files.exists(missing)).isFalse();
        PtySpec bad = new PtySpec(spec.executable(), spec.argv(), spec.environment(), missing, 80, 24);
        assertThatThrownBy(() -> Pty.spawn(bad))
                .hasMessageStartingWith("posix_spawn /usr/bin/true")
                .hasMessageEndingWith(": No such file or directory");
    }

    @Test
    void missingExecutableIsReportedWithThePathSearched() {
        PtySpec spec = Specs.command("no-such-program-jmosh", "x");
        assertThatThrownBy(() -> Pty.spawn(spec))
                .hasMessage("posix_spawn no-such-program-jmosh: no such executable (PATH=/usr/bin:/bin)");
    }

    @Test
    void warmUpSpawnsNothingAndLeavesTheNextSpawnWorking() throws Exception {
        Pty.warmUp();
        try (Pty pty = Pty.spawn(Specs.sh("exit 5"))) {
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isEqualTo(5);
        }
    }

    @Test
    void startTwiceIsRefused() throws Exception {
        try (Pty pty = Pty.spawn(Specs.sh("exit 0"))) {
            assertThatThrownBy(() -> pty.start(Specs.sh("exit 0"))).isInstanceOf(IllegalStateException.class);
        }
    }
}
