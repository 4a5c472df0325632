package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import org.junit.jupiter.api.Test;

/**
 * A prompt that does not echo (a password), in the default adaptive mode on a slow link: the keys
 * after Enter belong to a new epoch, stay hidden, and are dropped when their echo ack comes with
 * no echo, so nothing wrong is ever shown (as in mosh), wide characters included. Where the
 * application does echo, a wide character is shown at once and its echo proves it.
 */
class PasswordPromptTest {
    private static final String SECRET = "secret";
    private static final String WIDE_SECRET = "\u5bc6\u7801"; // "mima"

    /** A proven shell prompt "$ su" on a link slow enough for the SRTT trigger. */
    private static Harness shell() {
        return shell(true);
    }

    /** The same, trusting prompts that have echoed before or, as mosh, not ({@link PromptTrust}). */
    private static Harness shell(boolean trustPrompts) {
        Harness h = new Harness(PredictionDisplay.ADAPTIVE, false, trustPrompts, 20, 5, "$ ").sendInterval(100)
                .confirmed("su");
        assertThat(h.engine.showing()).as("predictions are shown").isTrue();
        return h;
    }

    /** The user sees exactly the server's frame. */
    private static void untouched(Harness h) {
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    /** Enter at the shell, whose echo brings the prompt; then each key, then its echo ack. */
    private static void typeAtPrompt(String password) {
        Harness h = shell();
        h.type("\r");
        untouched(h);
        h.echo("\r\nPassword: ");
        untouched(h);
        for (int i = 0; i < password.length(); i++) {
            h.type(password.substring(i, i + 1));
            untouched(h);
            assertThat(h.predictions().active()).as("predicted, but hidden").isTrue();
            h.ack(h.sent);
            untouched(h);
        }
        assertThat(h.predictions().active()).as("every prediction dropped").isFalse();
    }

    @Test
    void aPasswordIsNeverShown() {
        typeAtPrompt(SECRET);
    }

    @Test
    void aPasswordOfWideCharactersIsNeverShown() {
        typeAtPrompt(WIDE_SECRET);
    }

    /** The keys typed before the prompt arrives; one frame brings the prompt and acks them all. */
    private static void typeAhead(String password) {
        Harness h = shell();
        h.type("\r");
        for (int i = 0; i < password.length(); i++) {
            h.type(password.substring(i, i + 1));
            untouched(h);
        }
        h.echo("\r\nPassword: ");
        untouched(h);
        assertThat(h.predictions().active()).as("every prediction dropped").isFalse();
    }

    @Test
    void aPasswordTypedAheadIsNeverShown() {
        typeAhead(SECRET);
    }

    @Test
    void aPasswordOfWideCharactersTypedAheadIsNeverShown() {
        typeAhead(WIDE_SECRET);
    }

    @Test
    void aWideCharacterInAProvenEpochIsShownAtOnceAndCreditedByItsEcho() {
        Harness h = shell().type("\u4e2d");
        assertThat(h.row(0)).isEqualTo("$ su\u4e2d");
        assertThat(h.shown.cell(0, 4).wide()).isTrue();
        assertThat(h.underlined(0, 4)).as("flagged: the link is slow").isTrue();
        assertThat(h.cursor()).containsExactly(0, 6);
        h.host("\u4e2d"); // echoed, but not yet acknowledged
        ConditionalOverlayCell wide = h.predictions().row(0, 20).cells[4];
        assertThat(wide.validity(h.server.framebuffer(), 0, h.sent)).isEqualTo(Validity.CORRECT);
        long epoch = h.predictions().predictionEpoch;
        h.ack(h.sent);
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch);
        assertThat(h.predictions().active()).isFalse();
        untouched(h);
    }

    @Test
    void afterThePasswordAWideCharacterAtTheNextPromptProvesItsEpoch() {
        Harness h = shell(false).type("\r").echo("\r\nPassword: ").type("p");
        h.ack(h.sent).type("\r").echo("\r\n$ ");
        untouched(h);
        h.type("\u4e2d");
        untouched(h);
        h.echo("\u4e2d");
        assertThat(h.predictions().confirmedEpoch).as("credited").isEqualTo(h.predictions().predictionEpoch);
        h.type("\u6587");
        assertThat(h.row(2)).as("shown at once").isEqualTo("$ \u4e2d\u6587");
    }

    @Test
    void afterThePasswordTheShellPromptIsStillTrusted() {
        Harness h = shell(true).type("\r").echo("\r\nPassword: ").type("p");
        h.ack(h.sent).type("\r").echo("\r\n$ ");
        untouched(h);
        h.type("\u4e2d");
        assertThat(h.row(2)).as("beyond mosh: shown at once at the proven prompt").isEqualTo("$ \u4e2d");
        h.echoWithoutMisprediction("\u4e2d");
    }
}
