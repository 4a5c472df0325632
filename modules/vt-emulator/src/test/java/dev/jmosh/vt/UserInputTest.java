package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** mosh's translation of application-mode arrow keys. */
class UserInputTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void arrowsBecomeAnsiUnlessTheApplicationAskedForApplicationMode() {
        assertThat(new UserInput().input(b("\033OA\033OD"), 0, 6, false)).isEqualTo(b("\033[A\033[D"));
        assertThat(new UserInput().input(b("\033OA\033OD"), 0, 6, true)).isEqualTo(b("\033OA\033OD"));
    }

    @Test
    void otherSs3KeysAndPlainBytesPassUnchanged() {
        byte[] keys = b("\033OP x\033[A");
        assertThat(new UserInput().input(keys, 0, keys.length, false)).isEqualTo(keys);
    }

    @Test
    void aSequenceSplitAcrossCallsIsStillTranslated() {
        UserInput in = new UserInput();
        assertThat(in.input(b("\033O"), 0, 2, false)).isEqualTo(b("\033"));
        assertThat(in.input(b("B"), 0, 1, false)).isEqualTo(b("[B"));
    }

    @Test
    void anEscapeRightAfterAnEscapeDoesNotStartASequenceAsInMosh() {
        assertThat(new UserInput().input(b("\033\033OA"), 0, 4, false)).isEqualTo(b("\033\033OA"));
    }
}
