package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import org.junit.jupiter.api.Test;

/**
 * Beyond mosh ({@link TypeAhead}): characters typed after Enter, before the prompt came back,
 * are shown where the prompt puts them as soon as the server has acknowledged the Enter and shows
 * a trusted prompt, and from then on typing is shown at once; mosh keeps them hidden until each
 * one's own echo, and every key typed meanwhile too. Untrusted prompts, other keys typed ahead,
 * and the option off keep mosh's rule.
 */
class TypeAheadTest {
    /** A shell whose prompt "$ " has echoed a command; the screen has settled at row 2. */
    private static Harness shell(boolean trustPrompts) {
        Harness h = new Harness(PredictionDisplay.ADAPTIVE, false, trustPrompts, 30, 8, "$ ").sendInterval(100);
        h.type("l").echo("l").confirmed("s");
        h.type("\r").echo("\r\nnotes.txt\r\n$ ");
        assertThat(h.predictions().active()).isFalse();
        return h;
    }

    /** Enter, then keys typed before the command's output and the new prompt arrive. */
    private static Harness typedAhead(boolean trustPrompts, String keys) {
        Harness h = shell(trustPrompts);
        h.type("\r");
        for (String k : keys.split("")) {
            h.type(k);
        }
        assertThat(h.shown).as("typed ahead: hidden, as in mosh").isEqualTo(h.server.framebuffer());
        return h;
    }

    @Test
    void keysTypedAheadAreShownAfterTheTrustedPromptOnceTheEnterIsAcknowledged() {
        Harness h = typedAhead(true, "cat");
        long enter = h.sent - 3;
        h.echo("\r\nnotes.txt\r\n$ ", enter - 1); // the output and prompt, but the Enter is not yet acknowledged
        assertThat(h.row(4)).as("not yet").isEqualTo("$");
        h.ack(enter);
        assertThat(h.row(4)).isEqualTo("$ cat");
        assertThat(h.cursor()).containsExactly(4, 5);
        h.type(" ");
        h.type("n");
        assertThat(h.row(4)).as("and typing goes on at once").isEqualTo("$ cat n");
        h.echoWithoutMisprediction("cat n");
    }

    @Test
    void keysAlreadyEchoedAreCountedOnce() {
        Harness h = typedAhead(true, "cat");
        long enter = h.sent - 3;
        h.echo("\r\nnotes.txt\r\n$ ca", enter); // c and a echoed, not yet acknowledged
        assertThat(h.row(4)).isEqualTo("$ cat");
        assertThat(h.cursor()).containsExactly(4, 5);
        h.echoWithoutMisprediction("t");
    }

    @Test
    void aKeyAcknowledgedButNotOnTheScreenMeansTheGuessIsOff() {
        Harness h = typedAhead(true, "cat");
        long enter = h.sent - 3;
        h.echo("\r\nnotes.txt\r\n$ ", enter + 1); // c acknowledged, yet not shown after the prompt
        assertThat(h.shown).as("nothing placed").isEqualTo(h.server.framebuffer());
    }

    @Test
    void anUntrustedPromptGetsNothing() {
        Harness h = typedAhead(true, "secret");
        long enter = h.sent - 6;
        h.echo("\r\nPassword: ", enter);
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
        h.ack(h.sent);
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    @Test
    void anotherKeyTypedAheadEndsIt() {
        Harness h = typedAhead(true, "ca");
        h.type("\t").type("t");
        long enter = h.sent - 4;
        h.echo("\r\nnotes.txt\r\n$ ", enter);
        assertThat(h.shown).as("after a Tab the characters' places are unknown").isEqualTo(h.server.framebuffer());
    }

    @Test
    void withTheOptionOffKeysTypedAheadWaitForTheirEchoAsInMosh() {
        Harness h = typedAhead(false, "cat");
        long enter = h.sent - 3;
        h.echo("\r\nnotes.txt\r\n$ ", enter);
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    @Test
    void aPlacementThatProvesWrongIsCorrectedAndThePromptForgotten() {
        Harness h = typedAhead(true, "ab");
        long enter = h.sent - 2;
        h.echo("\r\n$ ", enter);
        assertThat(h.row(3)).isEqualTo("$ ab");
        h.ack(h.sent); // the application took them without echo
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
        assertThat(h.engine.prompts().trusts("$ ")).isFalse();
    }
}
