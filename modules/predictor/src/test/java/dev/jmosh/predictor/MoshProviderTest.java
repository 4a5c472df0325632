package dev.jmosh.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The providers through the SPI, and the options as mosh-client reads them. */
class MoshProviderTest {
    private static Predictor<Framebuffer> mosh(Map<String, String> options) {
        return Providers.select(PredictorProvider.class, "mosh").create(Framebuffer.class, options);
    }

    @Test
    void bothProvidersAreFoundByName() {
        assertThat(Providers.select(PredictorProvider.class, "mosh").name()).isEqualTo("mosh");
        assertThat(Providers.select(PredictorProvider.class, "never").name()).isEqualTo("never");
    }

    @Test
    void anUnknownModeIsRefusedWithMoshClientsMessage() {
        assertThatThrownBy(() -> mosh(Map.of(PredictionOptions.DISPLAY, "sometimes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown prediction mode sometimes.");
        assertThatThrownBy(() -> mosh(Map.of(PredictionOptions.DISPLAY, "")))
                .hasMessage("Unknown prediction mode .");
        assertThatThrownBy(() -> mosh(Map.of(PredictionOptions.DISPLAY, "Always")))
                .hasMessage("Unknown prediction mode Always.");
    }

    @Test
    void theModesParse() {
        assertThat(PredictionDisplay.parse(null)).isEqualTo(PredictionDisplay.ADAPTIVE);
        for (PredictionDisplay d : PredictionDisplay.values()) {
            assertThat(PredictionDisplay.parse(d.value())).isEqualTo(d);
        }
    }

    @Test
    void onlyAFramebufferCanBePredictedOn() {
        PredictorProvider p = Providers.select(PredictorProvider.class, "mosh");
        assertThatThrownBy(() -> p.create(String.class, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overwriteIsOnlyTheExactValueYes() {
        assertThat(PredictionOptions.overwrite(Map.of(PredictionOptions.OVERWRITE, "yes"))).isTrue();
        assertThat(PredictionOptions.overwrite(Map.of(PredictionOptions.OVERWRITE, "YES"))).isFalse();
        assertThat(PredictionOptions.overwrite(Map.of(PredictionOptions.OVERWRITE, "1"))).isFalse();
        assertThat(PredictionOptions.overwrite(Map.of())).isFalse();
    }

    @Test
    void promptsAreTrustedUnlessTheOptionIsExactlyNo() {
        assertThat(PredictionOptions.trustPrompts(Map.of())).isTrue();
        assertThat(PredictionOptions.trustPrompts(Map.of(PredictionOptions.PROMPTS, "yes"))).isTrue();
        assertThat(PredictionOptions.trustPrompts(Map.of(PredictionOptions.PROMPTS, "NO"))).isTrue();
        assertThat(PredictionOptions.trustPrompts(Map.of(PredictionOptions.PROMPTS, "no"))).isFalse();
    }

    @Test
    void neverSelectsTheNeverProviderAndEverythingElseMosh() {
        assertThat(PredictionOptions.providerName(Map.of())).isEqualTo("mosh");
        assertThat(PredictionOptions.providerName(Map.of(PredictionOptions.DISPLAY, "experimental"))).isEqualTo("mosh");
        assertThat(PredictionOptions.providerName(Map.of(PredictionOptions.DISPLAY, "never"))).isEqualTo("never");
    }

    @Test
    void theEnvironmentGivesOnlyThePredictionVariables() {
        assertThat(PredictionOptions.fromEnvironment(Map.of("MOSH_PREDICTION_DISPLAY", "always",
                "MOSH_PREDICTION_OVERWRITE", "yes", "JMOSH_PREDICTION_PROMPTS", "no", "MOSH_KEY", "k")))
                .containsOnlyKeys("MOSH_PREDICTION_DISPLAY", "MOSH_PREDICTION_OVERWRITE", "JMOSH_PREDICTION_PROMPTS");
    }

    @Test
    void overwriteModeThroughTheSpi() {
        Emulator server = new Emulator(20, 3);
        Predictor<Framebuffer> p = mosh(Map.of(PredictionOptions.DISPLAY, "experimental",
                PredictionOptions.OVERWRITE, "yes"));
        server.write("abc\r".getBytes(StandardCharsets.UTF_8));
        Framebuffer shown = overlay(p, server, 0);
        p.userInput(new byte[] {'X'}, 0, 1, shown, 1, 0);
        assertThat(overlay(p, server, 1).rowText(0)).startsWith("Xbc ");
    }

    @Test
    void theNeverProviderLeavesTheFrameAlone() {
        Emulator server = new Emulator(20, 3);
        Predictor<Framebuffer> p = Providers.select(PredictorProvider.class, "never").create(Framebuffer.class, Map.of());
        Framebuffer shown = overlay(p, server, 0);
        p.userInput(new byte[] {'X'}, 0, 1, shown, 1, 0);
        assertThat(overlay(p, server, 1)).isEqualTo(server.framebuffer());
        assertThat(p.wakeupMillis(1)).isEqualTo(-1);
    }

    private static Framebuffer overlay(Predictor<Framebuffer> p, Emulator server, long now) {
        Framebuffer f = server.framebuffer().copy();
        p.overlay(f, now);
        return f;
    }
}
