package dev.jmosh.pty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wait status decoding and error wording. */
class ChildWatcherTest {
    @Test
    void exitValueOfAWaitStatus() {
        assertThat(ChildWatcher.exitValue(0)).isZero();
        assertThat(ChildWatcher.exitValue(7 << 8)).isEqualTo(7);
        assertThat(ChildWatcher.exitValue(255 << 8)).isEqualTo(255);
        assertThat(ChildWatcher.exitValue(9)).isEqualTo(137);
        assertThat(ChildWatcher.exitValue(0x80 | 11)).as("core dumped").isEqualTo(139);
    }

    @Test
    void posixExceptionReadsLikePerror() {
        assertThat(new PosixException("posix_openpt", 2)).hasMessage("posix_openpt: No such file or directory");
        assertThat(new PosixException("x", 2).errno()).isEqualTo(2);
    }
}
