package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerSessionEchoTest {
    private static boolean printable(String s) {
        return ServerSession.printable(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void typedTextAndBackspaceAreEchoedInOnePieceButEnterTabAndEscapesAreNot() {
        assertThat(printable("a")).isTrue();
        assertThat(printable("ls -l")).isTrue();
        assertThat(printable("日本")).isTrue();
        assertThat(printable("\u007f")).as("backspace").isTrue();
        assertThat(printable("\r")).as("Enter runs a command: its output comes in a burst").isFalse();
        assertThat(printable("ab\r")).isFalse();
        assertThat(printable("\t")).as("completion").isFalse();
        assertThat(printable("\u001b[A")).as("an arrow key").isFalse();
        assertThat(printable("\u0003")).isFalse();
        assertThat(printable("")).isFalse();
    }
}
