package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The window size as programs on the pty see it, and SIGWINCH on resize. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyWindowTest {
    @Test
    void sttySizeReportsRowsAndColumns() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("stty", "stty", "size"))) {
            Transcript out = Transcript.of(pty);
            assertThat(out.awaitEof()).isEqualTo("24 80\r\n");
            assertThat(pty.exit().get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void specSizeIsUsed() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("stty", "stty", "size").withSize(132, 43))) {
            assertThat(Transcript.of(pty).awaitEof()).isEqualTo("43 132\r\n");
        }
    }

    @Test
    void resizeDeliversSigwinchAndTheNewSize() throws Exception {
        String script = "trap 'stty size' WINCH; echo ready; while :; do sleep 0.05; done";
        try (Pty pty = Pty.spawn(Specs.sh(script))) {
            Transcript out = Transcript.of(pty);
            out.awaitText("ready\r\n");
            pty.resize(100, 30);
            out.awaitText("30 100\r\n");
            pty.resize(81, 25);
            out.awaitText("25 81\r\n");
        }
    }

    @Test
    void tputColsUsesTheWindowWidth() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("tput", "tput", "cols").withSize(123, 40))) {
            // ncurses 6.4's tput ends the number with a newline when its output is a terminal
            assertThat(Transcript.of(pty).awaitEof()).matches("123(\r\n)?");
        }
    }

    @Test
    void posixWindowSizeReadsTheSlave() throws Exception {
        try (Pty pty = Pty.open(90, 33)) {
            int fd = dev.jmosh.pty.internal.Libc.open(pty.slavePath(),
                    dev.jmosh.pty.internal.Libc.O_RDWR | dev.jmosh.pty.internal.Libc.O_NOCTTY);
            try {
                assertThat(Posix.isatty(fd)).isTrue();
                assertThat(Posix.windowSize(fd)).containsExactly(90, 33);
                pty.resize(91, 34);
                assertThat(Posix.windowSize(fd)).containsExactly(91, 34);
            } finally {
                dev.jmosh.pty.internal.Libc.close(fd);
            }
        }
    }

    @Test
    void iutf8IsSet() throws Exception {
        try (Pty pty = Pty.spawn(Specs.command("stty", "stty", "-a"))) {
            String settings = Transcript.of(pty).awaitEof();
            assertThat(settings).containsPattern("(^|[^-])iutf8").doesNotContain("-iutf8");
        }
    }
}
