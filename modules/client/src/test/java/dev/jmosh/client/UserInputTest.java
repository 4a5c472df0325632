package dev.jmosh.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.NotificationEngine;
import dev.jmosh.statesync.UserEvent;
import dev.jmosh.statesync.UserStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The escape key as mosh-client interprets it; every other byte passes unchanged. */
class UserInputTest {
    private final NotificationEngine notifications = new NotificationEngine(() -> 0);

    private static byte[] sent(UserStream s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i) instanceof UserEvent.UserByte b) {
                out.write(b.value());
            }
        }
        return out.toByteArray();
    }

    @Test
    void everyOrdinaryByteIsForwardedUnchanged() {
        UserInput in = new UserInput(EscapeKey.defaultKey(), notifications);
        UserStream s = new UserStream();
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) (i == 0x1E ? 0x1D : i);
        }
        assertThat(in.process(all, 0, all.length, s)).isEqualTo(UserInput.Outcome.REPAINT); // Ctrl-L is in there
        assertThat(sent(s)).containsExactly(all);
    }

    @Test
    void ctrlCaretDotQuits() {
        UserInput in = new UserInput(EscapeKey.defaultKey(), notifications);
        UserStream s = new UserStream();
        assertThat(in.process(new byte[] {'l', 's', 0x1E, '.'}, 0, 4, s)).isEqualTo(UserInput.Outcome.QUIT);
        assertThat(sent(s)).containsExactly('l', 's');
    }

    @Test
    void ctrlCaretCaretSendsOneCtrlCaretAndOtherKeysSendBoth() {
        UserInput in = new UserInput(EscapeKey.defaultKey(), notifications);
        UserStream s = new UserStream();
        in.process(new byte[] {0x1E, '^', 0x1E, 'x'}, 0, 4, s);
        assertThat(sent(s)).containsExactly(0x1E, 0x1E, 'x');
    }

    @Test
    void theEscapeKeyShowsHelpUntilTheNextKey() {
        UserInput in = new UserInput(EscapeKey.defaultKey(), notifications);
        UserStream s = new UserStream();
        in.process(new byte[] {0x1E}, 0, 1, s);
        assertThat(notifications.message()).isEqualTo("Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^");
        in.process(new byte[] {'a'}, 0, 1, s);
        assertThat(notifications.message()).isEmpty();
    }

    @Test
    void ctrlZAfterTheEscapeKeySuspendsAndReportsHowFarItGot() {
        UserInput in = new UserInput(EscapeKey.defaultKey(), notifications);
        UserStream s = new UserStream();
        byte[] b = {'a', 0x1E, 0x1A, 'b'};
        assertThat(in.process(b, 0, 4, s)).isEqualTo(UserInput.Outcome.SUSPEND);
        assertThat(in.consumed()).isEqualTo(3);
        assertThat(in.process(b, 3, 1, s)).isEqualTo(UserInput.Outcome.CONTINUE);
        assertThat(sent(s)).containsExactly('a', 'b');
    }

    @Test
    void aPrintableEscapeKeyWorksOnlyAtTheStartOfALine() {
        EscapeKey tilde = EscapeKey.fromEnvironment("~");
        assertThat(tilde.name()).isEqualTo("\"~\"");
        UserInput in = new UserInput(tilde, notifications);
        UserStream s = new UserStream();
        assertThat(in.process("a~.".getBytes(), 0, 3, s)).isEqualTo(UserInput.Outcome.CONTINUE);
        assertThat(in.process("\r~.".getBytes(), 0, 3, s)).isEqualTo(UserInput.Outcome.QUIT);
        assertThat(sent(s)).containsExactly('a', '~', '.', '\r');
    }

    @Test
    void escapeKeyEnvironmentRules() {
        assertThat(EscapeKey.fromEnvironment(null).key()).isEqualTo(0x1E);
        assertThat(EscapeKey.fromEnvironment("").enabled()).isFalse();
        assertThat(EscapeKey.fromEnvironment("\u0003").key()).isEqualTo(0x1E); // Ctrl-C refused
        assertThat(EscapeKey.fromEnvironment("\r").key()).isEqualTo(0x1E);
        assertThat(EscapeKey.fromEnvironment("ab").key()).isEqualTo(0x1E);
        EscapeKey ctrlB = EscapeKey.fromEnvironment("\u0002");
        assertThat(ctrlB.name()).isEqualTo("Ctrl-B");
        assertThat(ctrlB.help()).isEqualTo("Commands: Ctrl-Z suspends, \".\" quits, \"B\" gives literal Ctrl-B");
        UserStream s = new UserStream();
        new UserInput(ctrlB, notifications).process(new byte[] {2, 'b'}, 0, 2, s);
        assertThat(sent(s)).containsExactly(2); // lower-case pass key works too
    }
}
