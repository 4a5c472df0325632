package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.pty.LocalSocket;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LauncherRequestTest {
    @TempDir
    Path tmp;

    @Test
    void wordsAreNulEndedAndALastWordWithoutItsNulCounts() {
        assertThat(LauncherRequest.nulSeparated("jmosh-server\0new\0-p\0\0x y\0".getBytes()))
                .containsExactly("jmosh-server", "new", "-p", "", "x y");
        assertThat(LauncherRequest.nulSeparated("a\0b".getBytes())).containsExactly("a", "b");
        assertThat(LauncherRequest.nulSeparated(new byte[0])).isEmpty();
    }

    /** Connects to {@code path}, then sends {@code request} and ends its side (on a thread of its own: it may exceed the socket's buffer). */
    private static SocketChannel launch(Path path, byte[] request) throws IOException {
        SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(path));
        Thread.ofVirtual().start(() -> {
            try {
                ByteBuffer b = ByteBuffer.wrap(request);
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.shutdownOutput();
            } catch (IOException e) {
                // the server stopped reading: the oversized case
            }
        });
        return c;
    }

    @Test
    @Timeout(20)
    void aRequestIsReadFromTheConnectionAndTheConnectingProcess() throws IOException {
        Rendezvous r = Rendezvous.claim(tmp.resolve("jmosh")).orElseThrow();
        try (LocalSocket socket = r.publish();
             SocketChannel launcher = launch(r.dir().resolve(Rendezvous.SOCKET),
                     "jmosh-server\0new\0-p\0000\0--\0sleep\0009\0".getBytes(StandardCharsets.UTF_8));
             LocalSocket.Connection c = socket.accept(5_000)) {
            SessionRequest req = LauncherRequest.read(r, c);
            assertThat(req.program()).isEqualTo("jmosh-server");
            assertThat(req.argv()).isEqualTo(List.of("new", "-p", "0", "--", "sleep", "9"));
            assertThat(req.environment()).as("this process's own environment").containsEntry("PATH", System.getenv("PATH"));
        } finally {
            r.release();
        }
    }

    @Test
    @Timeout(20)
    void anEmptyOrOversizedRequestIsRefused() throws IOException {
        Rendezvous r = Rendezvous.claim(tmp.resolve("jmosh")).orElseThrow();
        Path path = r.dir().resolve(Rendezvous.SOCKET);
        try (LocalSocket socket = r.publish()) {
            try (SocketChannel launcher = launch(path, new byte[0]); LocalSocket.Connection c = socket.accept(5_000)) {
                assertThatThrownBy(() -> LauncherRequest.read(r, c)).hasMessageEndingWith("named no program");
            }
            try (SocketChannel launcher = launch(path, new byte[LauncherRequest.MAX_REQUEST_BYTES + 1]);
                 LocalSocket.Connection c = socket.accept(5_000)) {
                assertThatThrownBy(() -> LauncherRequest.read(r, c)).hasMessageContaining("more than");
            }
        } finally {
            r.release();
        }
    }

    @Test
    @Timeout(30)
    void aConnectionFromAnotherUsersProcessIsRefused() throws Exception {
        Assumptions.assumeTrue(Rendezvous.uidOf(Path.of("/proc/self")) == 0
                && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to run a process as nobody");
        Rendezvous r = Rendezvous.claim(tmp.resolve("jmosh")).orElseThrow();
        // the rendezvous directory keeps other users out; this socket lets one in, to check the credentials
        Path open = Files.createTempDirectory(Path.of("/tmp"), "jmosh-open");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path path = open.resolve("socket");
        LocalSocket socket = LocalSocket.listen(path);
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
            Process other = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "perl", "-e", "socket(my $s, 1, 1, 0) or die; connect($s, pack('S a108', 1, $ARGV[0])) or die $!;"
                            + " syswrite($s, \"jmosh-server\\0new\\0\"); shutdown($s, 1); sleep 20", path.toString())
                    .redirectErrorStream(true).start();
            java.util.concurrent.CompletableFuture<LocalSocket.Connection> accepted =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return socket.accept(5_000);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            try (LocalSocket.Connection c = accepted.get(10, java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(c.uid()).isEqualTo(65534);
                assertThatThrownBy(() -> LauncherRequest.read(r, c))
                        .hasMessage("process " + c.pid() + " of user 65534 is not this server's user");
            } finally {
                other.destroyForcibly();
            }
        } finally {
            socket.close(); // also ends an accept that nobody connected to
            Files.deleteIfExists(path);
            Files.deleteIfExists(open);
            r.release();
        }
    }
}
