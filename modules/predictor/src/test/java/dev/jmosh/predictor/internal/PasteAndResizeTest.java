package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import dev.jmosh.vt.Framebuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bulk input and size changes drop every prediction (mosh {@code process_user_input}, {@code cull}). */
class PasteAndResizeTest {
    private static Harness prompt() {
        return new Harness(PredictionDisplay.ALWAYS, false, 120, 5, "$ ").confirmed("l");
    }

    private static byte[] letters(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void aReadOfMoreThan100BytesIsAPasteAndPredictsNothing() {
        Harness h = prompt().type("s");
        long epoch = h.predictions().predictionEpoch;
        h.type(letters(101));
        assertThat(h.row(0)).as("even s is dropped").isEqualTo("$ l");
        assertThat(h.predictions().active()).isFalse();
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
    }

    @Test
    void aReadOf100BytesIsStillTyping() {
        Harness h = prompt().type(letters(100));
        assertThat(h.row(0)).isEqualTo("$ l" + new String(letters(100)));
    }

    @Test
    void aResizeResetsThePredictions() {
        Harness h = prompt().type("s");
        h.engine.reset();
        h.show();
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.predictions().active()).isFalse();
    }

    @Test
    void aFrameOfAnotherSizeResetsThePredictions() {
        Harness h = prompt().type("s");
        h.server.resize(100, 5);
        h.ack(h.echoAck);
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.predictions().active()).isFalse();
        h.type("t");
        assertThat(h.row(0)).as("a new, unproven epoch").isEqualTo("$ l");
    }

    @Test
    void predictionsOnRowsThatNoLongerExistAreDropped() {
        Harness h = prompt();
        h.predictions().row(7, 120).cells[0].activate(h.predictions().predictionEpoch, 99, h.now);
        Framebuffer f = h.show();
        assertThat(f).isEqualTo(h.server.framebuffer());
        assertThat(h.predictions().rows).noneMatch(r -> r.rowNum == 7);
    }
}
