package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the renderer draws for a frame: a wide cell written by local echo
 * ({@link Framebuffer#setCell} of {@link Cell#ofWide}) is drawn exactly as the server's own.
 */
class ScreenRendererTest {
    private static Framebuffer screen(String bytes) {
        Emulator e = new Emulator(8, 2);
        e.write(bytes.getBytes(StandardCharsets.UTF_8));
        return e.framebuffer();
    }

    @Test
    void aPredictedWideCellIsDrawnAsTheServersWideCell() {
        Framebuffer echoed = screen("$ \u4e2dx");
        Framebuffer predicted = screen("$ ab").copy();
        predicted.setCell(0, 2, Cell.ofWide("\u4e2d", Rendition.DEFAULT));
        predicted.setCell(0, 4, Cell.of("x", Rendition.DEFAULT));
        predicted.moveCursor(0, 5);
        DisplayCell[][] drawn = ScreenRenderer.compose(predicted, Optional.empty(), 8, 2);
        assertThat(drawn).isDeepEqualTo(ScreenRenderer.compose(echoed, Optional.empty(), 8, 2));
        assertThat(drawn[0][2].text()).isEqualTo("\u4e2d");
        assertThat(drawn[0][2].width()).isEqualTo(2);
        assertThat(drawn[0][3].isContinuation()).as("the b it covers is not drawn").isTrue();
    }

    @Test
    void aPredictedWideCellWithMarksKeepsThem() {
        Framebuffer predicted = screen("").copy();
        predicted.setCell(0, 0, Cell.ofWide("\uD83D\uDC4D\uFE0F", Rendition.DEFAULT.withUnderlined(true)));
        DisplayCell[][] drawn = ScreenRenderer.compose(predicted, Optional.empty(), 8, 2);
        assertThat(drawn[0][0].text()).isEqualTo("\uD83D\uDC4D\uFE0F");
        assertThat(drawn[0][0].width()).isEqualTo(2);
        assertThat(drawn[0][1].isContinuation()).isTrue();
        assertThat(drawn[0][1].style()).as("underlined across both columns").isEqualTo(drawn[0][0].style());
    }
}
