package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.pty.Posix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
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
    void theAnswerGoesToTheLaunchersPipeWhichIsThenRemoved() throws IOException {
        Path pipe = dir.resolve("reply.1");
        Posix.mkfifo(pipe, 0600);
        try (FileChannel launcher = FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThat(Reply.send(pipe, Rendezvous.uidOf(dir), "MOSH CONNECT 1 k\n", "", "0")).isTrue();
            ByteBuffer got = ByteBuffer.allocate(100);
            launcher.read(got);
            assertThat(new String(got.array(), 0, got.position(), StandardCharsets.UTF_8))
                    .isEqualTo("1 MOSH CONNECT 1 k\nx 0\n");
        }
        assertThat(pipe).doesNotExist();
    }

    @Test
    void aRegularFileOrALinkIsNotAReplyPipeAndGetsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("reply.2"), "");
        assertThat(Reply.send(file, Rendezvous.uidOf(dir), "MOSH CONNECT 1 k\n", "", "0")).isFalse();
        Path fifo = dir.resolve("elsewhere");
        Posix.mkfifo(fifo, 0600);
        Path link = Files.createSymbolicLink(dir.resolve("reply.3"), fifo);
        assertThat(Reply.send(link, Rendezvous.uidOf(dir), "MOSH CONNECT 1 k\n", "", "0")).isFalse();
        assertThat(Reply.send(dir.resolve("reply.4"), Rendezvous.uidOf(dir), "x", "", "0")).as("missing").isFalse();
    }
}
