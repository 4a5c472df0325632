package dev.jmosh.examples.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.vt.Framebuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyCountTest {
    @Test
    void selectedByNameItCountsKeysAndTheUnconfirmedOnes() {
        PredictorProvider provider = Providers.select(PredictorProvider.class, "keycount");
        Predictor<Framebuffer> p = provider.create(Framebuffer.class, Map.of());
        Framebuffer server = Framebuffer.blank(20, 3);
        p.userInput("ab".getBytes(), 0, 2, server, 5, 0);
        p.userInput("c".getBytes(), 0, 1, server, 6, 10);
        Framebuffer shown = server.copy();
        p.overlay(shown, 10);
        assertThat(shown.rowText(0)).endsWith("keys:3+3");
        p.serverFrame(server, 5, 20); // the server confirms state 5: "ab"
        shown = server.copy();
        p.overlay(shown, 20);
        assertThat(shown.rowText(0)).endsWith("keys:3+1");
        p.serverFrame(server, 6, 30);
        shown = server.copy();
        p.overlay(shown, 30);
        assertThat(shown.rowText(0).strip()).isEqualTo("keys:3");
        assertThat(server.rowText(0).strip()).as("the server's frame itself is untouched").isEmpty();
    }

    @Test
    void itRefusesFramesItCannotDrawOn() {
        assertThatThrownBy(() -> new KeyCountProvider().create(String.class, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.jmosh.vt.Framebuffer only");
    }
}
