package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.pty.LocalSocket;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReplyTest {
    @TempDir
    Path dir;

    @Test
    void eachLineIsMarkedWithItsStreamAndALastLineWithoutItsEndSaysSo() {
        assertThat(Reply.format("\r\n\nMOSH CONNECT 60001 abc\n", "one\ntwo", "0"))
                .isEqualTo("1 \r\n1 \n1 MOSH CONNECT 60001 abc\n2 one\n2-two\nx 0\n");
        assertThat(Reply.format("", "", Reply.OWN_PROCESS)).isEqualTo("x -\n");
    }

    @Test
    @Timeout(20)
    void theAnswerGoesToTheLaunchersConnection() throws IOException {
        Path path = dir.resolve("socket");
        try (LocalSocket server = LocalSocket.listen(path);
             SocketChannel launcher = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            try (LocalSocket.Connection c = server.accept(5_000)) {
                assertThat(Reply.send(c, "MOSH CONNECT 1 k\n", "", "0")).isTrue();
            }
            ByteBuffer got = ByteBuffer.allocate(100);
            while (launcher.read(got) >= 0) {
                // to the end: the server closed its side
            }
            assertThat(new String(got.array(), 0, got.position(), StandardCharsets.UTF_8))
                    .isEqualTo("1 MOSH CONNECT 1 k\nx 0\n");
        }
    }
}
