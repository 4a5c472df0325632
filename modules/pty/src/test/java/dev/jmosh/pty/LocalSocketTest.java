package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real Unix-domain socket in a temporary directory, reached by the JDK's own client channel. */
class LocalSocketTest {
    @TempDir
    Path dir;

    private static SocketChannel connect(Path path) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(path));
    }

    @Test
    @Timeout(20)
    void aConnectionCarriesThePeersCredentialsAndItsBytesBothWays() throws Exception {
        Path path = dir.resolve("socket");
        try (LocalSocket server = LocalSocket.listen(path)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-------");
            try (SocketChannel client = connect(path)) {
                client.write(ByteBuffer.wrap("new\0-s\0".getBytes(StandardCharsets.UTF_8)));
                client.shutdownOutput();
                try (LocalSocket.Connection c = server.accept(5_000)) {
                    assertThat(c.pid()).isEqualTo(ProcessHandle.current().pid());
                    assertThat(c.uid()).isEqualTo((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
                    assertThat(c.gid()).isEqualTo((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid"));
                    assertThat(new String(c.readToEnd(1024), StandardCharsets.UTF_8)).isEqualTo("new\0-s\0");
                    c.write("x 0\n".getBytes(StandardCharsets.UTF_8));
                }
                ByteBuffer reply = ByteBuffer.allocate(64);
                while (client.read(reply) >= 0) {
                    // until the server closed
                }
                assertThat(new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8)).isEqualTo("x 0\n");
            }
        }
    }

    @Test
    @Timeout(20)
    void aSilentPeerTimesOutAndAnOversizedRequestIsRefused() throws Exception {
        Path path = dir.resolve("socket");
        try (LocalSocket server = LocalSocket.listen(path); SocketChannel silent = connect(path)) {
            try (LocalSocket.Connection c = server.accept(200)) {
                assertThatThrownBy(() -> c.readToEnd(1024)).hasMessage("read: timed out");
            }
            try (SocketChannel big = connect(path)) {
                big.write(ByteBuffer.allocate(3000));
                big.shutdownOutput();
                try (LocalSocket.Connection c = server.accept(5_000)) {
                    assertThatThrownBy(() -> c.readToEnd(2048)).hasMessage("more than 2048 bytes");
                }
            }
        }
    }

    @Test
    @Timeout(20)
    void closeWakesAnAcceptAndTheNameIsCheckedForLength() throws Exception {
        LocalSocket server = LocalSocket.listen(dir.resolve("socket"));
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                server.accept(1_000).close();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (java.util.Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().endsWith(".Sockets")
                && f.getMethodName().equals("accept"))) {
            assertThat(System.nanoTime()).as("the thread reaches accept within 5 s").isLessThan(end);
            Thread.sleep(5);
        }
        server.close();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
        t.join(5_000);
        assertThatThrownBy(() -> LocalSocket.listen(dir.resolve("x".repeat(120))))
                .hasMessageContaining("File name too long");
    }
}
