package dev.jmosh.examples.predictor;

import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.vt.Framebuffer;
import java.util.Map;

/** Provides the {@value #NAME} predictor: a key counter in the corner instead of local echo. */
public final class KeyCountProvider implements PredictorProvider {
    /** The name it is selected by. */
    public static final String NAME = "keycount";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public KeyCountProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <F> Predictor<F> create(Class<F> frameType, Map<String, String> options) {
        if (frameType != Framebuffer.class) {
            throw new IllegalArgumentException(NAME + " draws on " + Framebuffer.class.getName() + " only");
        }
        @SuppressWarnings("unchecked") // F is Framebuffer, just checked
        Predictor<F> p = (Predictor<F>) new KeyCount();
        return p;
    }
}
