package dev.jmosh.statesync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.StateTypeProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StateTypesTest {
    @Test
    void moshsPairIsSelectedByDefaultAndTyped() {
        StateTypeProvider<UserStream, CompleteTerminal> mosh =
                Providers.stateTypes(null).as(UserStream.class, CompleteTerminal.class);
        assertThat(mosh.name()).isEqualTo("mosh");
        assertThat(mosh.newUserState().size()).isZero();
        CompleteTerminal screen = mosh.newHostState(100, 30);
        assertThat(screen.framebuffer().columns()).isEqualTo(100);
        assertThat(screen.framebuffer().rows()).isEqualTo(30);
        StateTypeProvider<?, ?> named = Providers.stateTypes("mosh");
        assertThat(named.as(UserStream.class, CompleteTerminal.class)).as("a checked view, not a copy").isSameAs(named);
    }

    private static String keys(CompleteTerminal t, String typed) {
        ByteArrayOutputStream toHost = new ByteArrayOutputStream();
        for (byte b : typed.getBytes(StandardCharsets.US_ASCII)) {
            t.userInput(UserEvent.UserByte.of(b), toHost);
        }
        return toHost.toString(StandardCharsets.US_ASCII);
    }

    /** mosh's Complete::act: the terminal, not the server, knows how arrow keys reach the application. */
    @Test
    void arrowKeysReachTheHostAsTheApplicationAskedForThem() {
        CompleteTerminal t = new CompleteTerminal(80, 24);
        assertThat(keys(t, "a\u001bOA\u001bOB")).isEqualTo("a\u001b[A\u001b[B");
        byte[] deckm = "\u001b[?1h".getBytes(StandardCharsets.US_ASCII);
        t.act(deckm, 0, deckm.length);
        assertThat(keys(t, "\u001bOA\u001bOH")).isEqualTo("\u001bOA\u001bOH");
    }
}
