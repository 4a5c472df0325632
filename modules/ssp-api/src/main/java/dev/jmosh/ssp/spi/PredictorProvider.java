package dev.jmosh.ssp.spi;

import java.util.Map;

/** Makes local-echo engines; selected by name ({@code "mosh"}, {@code "never"}, ...). */
public interface PredictorProvider extends NamedProvider {
    /** System property naming the provider to use. */
    String PROPERTY = "jmosh.predictor";

    /**
     * A predictor for frames of type {@code frameType}.
     *
     * @param options settings by name, e.g. {@code MOSH_PREDICTION_DISPLAY}, {@code MOSH_PREDICTION_OVERWRITE}
     * @throws IllegalArgumentException if this provider cannot predict on {@code frameType}, or an
     *     option has a value it does not know (the message says which)
     */
    <F> Predictor<F> create(Class<F> frameType, Map<String, String> options);
}
