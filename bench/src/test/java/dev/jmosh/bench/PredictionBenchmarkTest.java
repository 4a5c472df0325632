package dev.jmosh.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.Framebuffer;
import org.junit.jupiter.api.Test;

/** The benchmark measures real local echo: the typed keys are drawn after the prompt. */
class PredictionBenchmarkTest {
    @Test
    void everyKeystrokeIsPredictedOnTheShownFrame() {
        PredictionBenchmark b = new PredictionBenchmark();
        b.size = "80x24";
        b.setUp();
        Framebuffer shown = null;
        for (int i = 0; i < 5; i++) {
            shown = b.keystroke();
        }
        assertThat(shown.rowText(0)).startsWith("user@host:~$ xabcde ");
        for (int i = 5; i < 65; i++) {
            shown = b.keystroke();
        }
        // 60 letters, then 5 backspaces
        assertThat(shown.rowText(0).strip()).isEqualTo("user@host:~$ x" + "abcdefghijklmnopqrstuvwxyz".repeat(3)
                .substring(0, 55));
        for (int i = 65; i < 120; i++) {
            shown = b.keystroke();
        }
        assertThat(shown.rowText(0).strip()).isEqualTo("user@host:~$ x");
    }
}
