package dev.jmosh.predictor.internal;

import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.vt.Framebuffer;
import java.util.Map;

/**
 * The {@code mosh} prediction provider: mosh 1.4.0's local echo on jmosh's
 * {@link Framebuffer}, in the mode {@code MOSH_PREDICTION_DISPLAY} asks for (adaptive by default)
 * and inserting or, with {@code MOSH_PREDICTION_OVERWRITE=yes}, overwriting. Beyond mosh, it
 * also predicts wide characters and combining marks, and shows the first keys typed at a prompt
 * that has echoed before unless {@code JMOSH_PREDICTION_PROMPTS=no} ({@link PredictionEngine}).
 */
public final class MoshPredictorProvider implements PredictorProvider {
    @Override
    public String name() {
        return PredictionOptions.MOSH_PROVIDER;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException unless {@code frameType} is {@link Framebuffer}, or for an
     *     unknown display mode (message: mosh-client's "Unknown prediction mode VALUE.")
     */
    @Override
    @SuppressWarnings("unchecked")
    public <F> Predictor<F> create(Class<F> frameType, Map<String, String> options) {
        if (frameType != Framebuffer.class) {
            throw new IllegalArgumentException("the mosh prediction engine predicts on "
                    + Framebuffer.class.getName() + ", not " + frameType.getName());
        }
        return (Predictor<F>) new PredictionEngine(PredictionOptions.display(options),
                PredictionOptions.overwrite(options), PredictionOptions.trustPrompts(options));
    }
}
