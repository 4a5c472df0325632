package dev.jmosh.predictor;

import java.util.Locale;

/**
 * When local echo is shown: mosh's {@code MOSH_PREDICTION_DISPLAY} values.
 */
public enum PredictionDisplay {
    /** Shown while the link is slow or a prediction has been pending long (mosh's default). */
    ADAPTIVE,
    /** Always shown. */
    ALWAYS,
    /** Nothing is predicted. */
    NEVER,
    /**
     * Always shown, never held back as tentative; a wrong prediction removes only itself, not
     * the whole set.
     */
    EXPERIMENTAL;

    /** The value as written in the environment, e.g. {@code "adaptive"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an environment value: null means the default, {@link #ADAPTIVE}.
     *
     * @throws IllegalArgumentException for anything else, with mosh-client's message
     *     ("Unknown prediction mode VALUE.")
     */
    public static PredictionDisplay parse(String value) {
        if (value == null) {
            return ADAPTIVE;
        }
        for (PredictionDisplay d : values()) {
            if (d.value().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown prediction mode " + value + ".");
    }
}
