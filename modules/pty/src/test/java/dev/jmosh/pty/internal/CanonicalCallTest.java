package dev.jmosh.pty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bindings through {@link Native}'s canonical shape: {@code int} results truncated (glibc
 * returns -1 from many calls as {@code 0x00000000ffffffff}), arguments in their C order,
 * {@code errno} of the failing call itself, pointer results read back.
 */
class CanonicalCallTest {
    private static final int ENOENT = 2;
    private static final int EBADF = 9;
    private static final int ENOTTY = 25;

    @Test
    void anIntResultIsTheLowHalfOfTheRegister() {
        try (Arena arena = Arena.ofConfined()) {
            long raw = Native.call(Native.function("abs"), Native.errnoState(arena), Integer.MIN_VALUE);
            assertThat((int) raw).isEqualTo(Integer.MIN_VALUE);
            assertThat(raw).as("upper half not sign-extended: comparing the long would be wrong").isPositive();
        }
    }

    @Test
    void aMissingFunctionIsNamed() {
        assertThatThrownBy(() -> Native.function("no_such_function_jmosh"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the C library has no no_such_function_jmosh");
    }

    @Test
    void failedOpenReportsItsErrno() {
        // glibc's open returns -1 as 0x00000000ffffffff: only the truncated int is negative
        assertThatThrownBy(() -> Libc.open("/nonexistent-jmosh/x", Libc.O_RDWR))
                .isInstanceOf(PosixException.class)
                .hasMessage("open /nonexistent-jmosh/x: No such file or directory")
                .extracting(e -> ((PosixException) e).errno()).isEqualTo(ENOENT);
    }

    @Test
    void failedVariadicCallsReportTheirErrno() throws Exception {
        assertThatThrownBy(() -> Libc.setNonBlocking(-1))
                .hasMessage("fcntl O_NONBLOCK: Bad file descriptor")
                .extracting(e -> ((PosixException) e).errno()).isEqualTo(EBADF);
        int fd = Libc.open("/dev/null", Libc.O_RDWR);
        try {
            assertThatThrownBy(() -> Termios.windowSize(fd))
                    .hasMessage("ioctl TIOCGWINSZ: Inappropriate ioctl for device")
                    .extracting(e -> ((PosixException) e).errno()).isEqualTo(ENOTTY);
            assertThatThrownBy(() -> Termios.iutf8(fd))
                    .hasMessage("tcgetattr: Inappropriate ioctl for device");
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void eachCallCapturesItsOwnErrno() {
        assertThatThrownBy(() -> Libc.kill(Integer.MAX_VALUE, 0))
                .extracting(e -> ((PosixException) e).errno()).isEqualTo(Libc.ESRCH);
        assertThatThrownBy(() -> Libc.dup2(-1, 100))
                .hasMessage("dup2(-1, 100): Bad file descriptor");
        assertThatThrownBy(() -> Libc.kill(Integer.MAX_VALUE, 0))
                .hasMessage("kill(2147483647, 0): No such process");
    }

    @Test
    void pointerResultsAreReadBack() {
        // GNU strerror_r: a static string for a known number, its buffer for an unknown one
        assertThat(Native.strerror(ENOENT)).isEqualTo("No such file or directory");
        assertThat(Native.strerror(12345)).isEqualTo("Unknown error 12345");
    }

    @Test
    void readAndWriteTakeDescriptorBufferAndCount(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "abcdef");
        int fd = Libc.open(file.toString(), Libc.O_RDWR);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment buf = arena.allocate(16);
            assertThat(Libc.read(state, fd, buf, 4)).isEqualTo(4);
            assertThat(new String(buf.asSlice(0, 4).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII))
                    .isEqualTo("abcd");
            buf.setString(0, "XY");
            assertThat(Libc.write(state, fd, buf, 2)).isEqualTo(2);
            assertThat(Libc.read(state, -1, buf, 4)).isEqualTo(-1);
            assertThat(Native.errno(state)).isEqualTo(EBADF);
        } finally {
            Libc.close(fd);
        }
        assertThat(Files.readString(file)).isEqualTo("abcdXY");
    }

    @Test
    void dup2MakesTheSecondDescriptorACopyOfTheFirst(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "");
        int devNull = Libc.open("/dev/null", Libc.O_RDWR);
        int fd = Libc.open(file.toString(), Libc.O_RDWR);
        try {
            Libc.dup2(devNull, fd);
            assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd))).isEqualTo(Path.of("/dev/null"));
            assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + devNull))).isEqualTo(Path.of("/dev/null"));
        } finally {
            Libc.close(fd);
            Libc.close(devNull);
        }
    }

    @Test
    void pollTakesTheCountThenTheTimeout() throws Exception {
        int efd = Libc.eventfd();
        int devNull = Libc.open("/dev/null", Libc.O_RDWR);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment fds = arena.allocate(2L * Libc.POLLFD_BYTES, 8);
            // /dev/null is always readable; the eventfd only once written
            fds.set(ValueLayout.JAVA_INT, 0, efd);
            fds.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
            fds.set(ValueLayout.JAVA_INT, 8, devNull);
            fds.set(ValueLayout.JAVA_SHORT, 12, Libc.POLLIN);
            assertThat(Libc.poll(state, fds, 1, 0)).as("1 descriptor, no wait").isZero();
            assertThat(Libc.poll(state, fds, 2, 0)).isEqualTo(1);
            assertThat(fds.get(ValueLayout.JAVA_SHORT, 14)).isEqualTo(Libc.POLLIN);
            MemorySegment one = arena.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1L);
            assertThat(Libc.write(state, efd, one, 8)).isEqualTo(8);
            assertThat(Libc.poll(state, fds, 1, 0)).isEqualTo(1);
            assertThat(fds.get(ValueLayout.JAVA_SHORT, 6)).isEqualTo(Libc.POLLIN);
        } finally {
            Libc.close(devNull);
            Libc.close(efd);
        }
    }

    @Test
    void ptsnameFillsTheBuffer() throws Exception {
        PtyMaster master = PtyMaster.open(80, 24);
        try {
            assertThat(master.slavePath()).matches("/dev/pts/[0-9]+");
            assertThat(Path.of(master.slavePath())).exists();
            assertThat(Termios.windowSize(master.fd())).containsExactly(80, 24);
            assertThat(Termios.iutf8(master.fd())).isTrue();
        } finally {
            Libc.close(master.fd());
        }
    }

    @Test
    void onlyNativeSegmentsHaveAnAddress() {
        assertThat(Native.address(MemorySegment.NULL)).isZero();
        assertThatThrownBy(() -> Native.address(MemorySegment.ofArray(new byte[4])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
