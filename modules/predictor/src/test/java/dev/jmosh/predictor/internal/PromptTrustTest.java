package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import org.junit.jupiter.api.Test;

/**
 * Beyond mosh ({@link PromptTrust}): at a shell prompt that has echoed before, the first keys of
 * the next command are shown at once instead of a round trip later; a password prompt, keys typed
 * ahead of the prompt, and a prompt that stops echoing still get mosh's caution, and with the
 * option off every epoch waits for its echo as in mosh.
 */
class PromptTrustTest {
    /** A shell at "$ " on a link slow enough for the SRTT trigger and for underlining. */
    private static Harness shell(boolean trustPrompts) {
        Harness h = new Harness(PredictionDisplay.ADAPTIVE, false, trustPrompts, 20, 6, "$ ").sendInterval(100);
        assertThat(h.engine.showing()).isTrue();
        return h;
    }

    /** The first command, typed and echoed key by key, run: its output, then the prompt again. */
    private static Harness afterFirstCommand(boolean trustPrompts) {
        Harness h = shell(trustPrompts);
        h.type("l");
        assertThat(h.row(0)).as("the first epoch of a session waits for its echo, as in mosh").isEqualTo("$");
        h.echo("l").confirmed("s");
        h.type("\r").echo("\r\nnotes.txt\r\n$ ");
        assertThat(h.cursor()).containsExactly(2, 2);
        assertThat(h.predictions().active()).isFalse();
        return h;
    }

    @Test
    void theFirstKeyAtAPromptThatEchoedBeforeIsShownAtOnce() {
        Harness h = afterFirstCommand(true);
        assertThat(h.engine.prompts().trusts("$ ")).isTrue();
        h.type("e");
        assertThat(h.row(2)).isEqualTo("$ e");
        assertThat(h.underlined(2, 2)).as("flagged as a prediction on a slow link").isTrue();
        assertThat(h.cursor()).containsExactly(2, 3);
        h.type("c").type("h");
        assertThat(h.row(2)).isEqualTo("$ ech");
        h.echoWithoutMisprediction("ech");
    }

    @Test
    void aFirstKeyOfSeveralBytesIsShownAtOnceToo() {
        Harness h = afterFirstCommand(true);
        h.type("\u0436"); // Cyrillic zhe: two bytes of UTF-8
        assertThat(h.row(2)).isEqualTo("$ \u0436");
        h.type("\u4e2d"); // three bytes, and wide
        assertThat(h.row(2)).isEqualTo("$ \u0436\u4e2d");
        h.echoWithoutMisprediction("\u0436\u4e2d");
    }

    @Test
    void withTheOptionOffTheFirstKeyWaitsForItsEchoAsInMosh() {
        Harness h = afterFirstCommand(false);
        h.type("e");
        assertThat(h.row(2)).isEqualTo("$");
        h.echo("e");
        assertThat(h.row(2)).isEqualTo("$ e");
    }

    @Test
    void keysTypedAheadOfThePromptWaitForTheirEcho() {
        Harness h = afterFirstCommand(true);
        h.type("\r").type("e");
        assertThat(h.row(3)).as("the prompt has not come back yet").isEmpty();
        h.echo("\r\n$ e");
        assertThat(h.row(3)).isEqualTo("$ e");
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    @Test
    void aKeyTypedBeforeTheLastOneWasAcknowledgedGetsMoshsRule() {
        Harness h = afterFirstCommand(true);
        h.type("\r");
        h.host("\r\n$ "); // the prompt is back, but the server has not yet acknowledged the Enter
        h.type("e");
        assertThat(h.row(3)).as("not settled: hidden").isEqualTo("$");
    }

    @Test
    void aKeyTypedBeforeAnUnpredictedKeyWasAcknowledgedGetsMoshsRule() {
        Harness h = afterFirstCommand(true);
        h.type("\u0003"); // Ctrl-C: nothing predicted, but the shell will answer "^C" and a new prompt
        assertThat(h.predictions().active()).isFalse();
        h.type("x");
        assertThat(h.row(2)).as("the screen has not caught up: hidden").isEqualTo("$");
        h.echo("^C\r\n$ x");
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    @Test
    void aPasswordPromptIsNeverTrusted() {
        Harness h = afterFirstCommand(true);
        h.type("s").echo("s").confirmed("u");
        h.type("\r").echo("\r\nPassword: ");
        for (char c : "secret".toCharArray()) {
            h.type(String.valueOf(c));
            assertThat(h.shown).as("nothing typed at the password prompt is shown").isEqualTo(h.server.framebuffer());
            h.ack(h.sent);
            assertThat(h.shown).isEqualTo(h.server.framebuffer());
        }
        assertThat(h.engine.prompts().trusts("Password: ")).isFalse();
    }

    @Test
    void aTrustedPromptThatStopsEchoingIsCorrectedAndForgotten() {
        Harness h = afterFirstCommand(true);
        h.type("x");
        assertThat(h.row(2)).as("trusted: shown").isEqualTo("$ x");
        h.ack(h.sent); // no echo: e.g. read -s with the shell's own prompt
        assertThat(h.shown).as("corrected at the echo ack").isEqualTo(h.server.framebuffer());
        assertThat(h.engine.prompts().trusts("$ ")).isFalse();
        h.type("y");
        assertThat(h.row(2)).as("no longer trusted").isEqualTo("$");
    }

    @Test
    void aPromptWithTextAfterTheCursorIsNotTrusted() {
        Harness h = afterFirstCommand(true);
        h.host("\0337\033[3;15H[main]\0338"); // a right-hand prompt on the prompt's row
        assertThat(h.cursor()).containsExactly(2, 2);
        h.type("e");
        assertThat(h.shown).as("hidden until echoed").isEqualTo(h.server.framebuffer());
    }

    @Test
    void aBlankRowIsNoPrompt() {
        assertThat(PromptTrust.promptAt(Harness.always("").shown)).isNull();
        assertThat(PromptTrust.promptAt(Harness.always("   ").shown)).isNull();
        assertThat(PromptTrust.promptAt(Harness.always("> ").shown)).isEqualTo("> ");
        assertThat(PromptTrust.promptAt(Harness.always(":").shown)).as("one column: less's prompt").isNull();
        assertThat(PromptTrust.promptAt(Harness.always("> \033[1;1H").shown)).as("nothing left of it").isNull();
        assertThat(PromptTrust.promptAt(Harness.always("$ [main]\033[1;3H").shown)).as("text after it").isNull();
    }
}
