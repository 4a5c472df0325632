package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's libc calls through {@link Native}'s canonical shape: failing calls report their
 * own {@code errno} ({@code int} results truncated: glibc returns -1 from {@code tcgetattr} and
 * {@code ioctl} as {@code 0x00000000ffffffff}), arguments arrive in their C order, pointer
 * results are read back, on {@code /dev/null} and on a real pty.
 */
class NativeCallsTest {
    private static final long DEADLINE_SECONDS = 10;

    @Test
    void aNonTerminalFailsWithItsErrno() throws Exception {
        try (RandomAccessFile devNull = new RandomAccessFile("/dev/null", "rw")) {
            int fd = fdOf(Path.of("/dev/null"));
            assertThat(Tty.isatty(fd)).isFalse();
            Tty tty = new Tty(fd);
            assertThatThrownBy(tty::save).isInstanceOf(TtyException.class)
                    .hasMessage("tcgetattr: Inappropriate ioctl for device");
            assertThatThrownBy(tty::windowSize).isInstanceOf(TtyException.class)
                    .hasMessage("ioctl TIOCGWINSZ: Inappropriate ioctl for device");
        }
    }

    @Test
    void strerrorReadsTheReturnedString() {
        assertThat(Tty.strerror(2)).isEqualTo("No such file or directory");
        assertThat(Tty.strerror(12345)).isEqualTo("Unknown error 12345");
    }

    @Test
    void aPtyIsMadeRawAndRestoredAndItsSizeRead() throws Exception {
        try (RandomAccessFile ptmx = new RandomAccessFile("/dev/ptmx", "rw")) {
            int master = fdOf(Path.of("/dev/ptmx"));
            String slave = unlock(master);
            stty(slave, "rows", "33", "cols", "77");
            assertThat(Tty.isatty(master)).isTrue();
            Tty tty = new Tty(master);
            assertThat(tty.windowSize()).containsExactly(77, 33);
            tty.save();
            assertThat(stty(slave, "-a")).contains(" icanon ", " echo ");
            tty.makeRaw();
            assertThat(stty(slave, "-a")).contains("-icanon", "-echo ", "-isig", " iutf8");
            tty.restore();
            assertThat(stty(slave, "-a")).contains(" icanon ", " echo ");
        }
    }

    @Test
    void stdinReaderReadsToTheEnd(@TempDir Path dir) throws Exception {
        byte[] content = "x".repeat(40_000).concat("end").getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("input"), content);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            Collector sink = new Collector();
            try (StdinReader reader = new StdinReader(fdOf(file), sink)) {
                reader.start();
                assertThat(sink.ended.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("EOF reported").isTrue();
            }
            assertThat(sink.bytes()).isEqualTo(content);
        }
    }

    @Test
    void stdinReaderStopsWithoutInput() throws Exception {
        try (RandomAccessFile ptmx = new RandomAccessFile("/dev/ptmx", "rw")) {
            int master = fdOf(Path.of("/dev/ptmx"));
            unlock(master);
            Collector sink = new Collector();
            StdinReader reader = new StdinReader(master, sink);
            reader.start();
            long start = System.nanoTime();
            reader.close(); // the eventfd wakes its poll
            assertThat(System.nanoTime() - start).as("woken, not timed out").isLessThan(900_000_000L);
            assertThat(sink.ended.getCount()).as("nothing reported after close").isEqualTo(1);
        }
    }

    @Test
    void signalsRunTheirHandler() throws Exception {
        CountDownLatch winch = new CountDownLatch(1);
        try (Signals signals = new Signals()) {
            assertThat(signals.on("WINCH", winch::countDown)).isTrue();
            Process kill = new ProcessBuilder("kill", "-WINCH", Long.toString(ProcessHandle.current().pid()))
                    .inheritIO().start();
            assertThat(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(winch.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("SIGWINCH handled").isTrue();
        }
    }

    @Test
    void aSignalIgnoredBeforeIsHandled() throws Exception {
        int sigint = 2;
        long sigIgn = 1;
        try (Arena arena = Arena.ofConfined()) {
            Native.call(Native.function("signal"), Native.errnoState(arena), sigint, sigIgn);
        }
        CountDownLatch interrupted = new CountDownLatch(1);
        try (Signals signals = new Signals()) {
            assertThat(signals.on("INT", interrupted::countDown)).isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(ProcessHandle.current().pid()))
                    .inheritIO().start();
            assertThat(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(interrupted.await(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .as("SIGINT set back to its default by sigaction/signal, then handled").isTrue();
        }
    }

    /** The highest descriptor of this process open on {@code path}. */
    private static int fdOf(Path path) throws IOException {
        Path real = path.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false; // the descriptor of the listing itself, gone
                }
            }).mapToInt(fd -> Integer.parseInt(fd.getFileName().toString())).max().orElseThrow();
        }
    }

    /** {@code grantpt}, {@code unlockpt} and {@code ptsname_r} on a master: the slave's path. */
    private static String unlock(int master) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            assertThat((int) Native.call(Native.function("grantpt"), state, master)).isZero();
            assertThat((int) Native.call(Native.function("unlockpt"), state, master)).isZero();
            MemorySegment name = arena.allocate(128);
            assertThat((int) Native.call(Native.function("ptsname_r"), state, master, Native.address(name), 128))
                    .isZero();
            return name.getString(0);
        }
    }

    /** Runs {@code stty -F slave args...}; its output. */
    private static String stty(String slave, String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("stty", "-F", slave), Stream.of(args)).toArray(String[]::new);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.replace('\n', ' ');
    }

    private static final class Collector implements StdinReader.Sink {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public synchronized void input(byte[] bytes, int off, int len) {
            received.write(bytes, off, len);
        }

        @Override
        public void ended() {
            ended.countDown();
        }

        synchronized byte[] bytes() {
            return received.toByteArray();
        }
    }
}
