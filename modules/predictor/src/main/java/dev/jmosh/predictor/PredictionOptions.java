package dev.jmosh.predictor;

import java.util.HashMap;
import java.util.Map;

/**
 * The options a prediction provider reads, by their environment names (mosh's, and one of
 * jmosh's own), and the rule that picks the provider from them.
 */
public final class PredictionOptions {
    /** When predictions are shown: {@code adaptive} (default), {@code always}, {@code never}, {@code experimental}. */
    public static final String DISPLAY = "MOSH_PREDICTION_DISPLAY";
    /** {@code yes} (exactly) predicts typing as overwriting instead of inserting. */
    public static final String OVERWRITE = "MOSH_PREDICTION_OVERWRITE";
    /**
     * Beyond mosh: {@code no} (exactly) keeps mosh's rule that the first keys after Enter wait for
     * their echo; otherwise they are shown at once at a prompt that has echoed before.
     */
    public static final String PROMPTS = "JMOSH_PREDICTION_PROMPTS";
    /** The provider of mosh's engine. */
    public static final String MOSH_PROVIDER = "mosh";
    /** The provider that predicts nothing. */
    public static final String NEVER_PROVIDER = "never";

    private PredictionOptions() {
    }

    /** Returns the prediction options found in an environment (the three variables, when set). */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        for (String name : new String[] {DISPLAY, OVERWRITE, PROMPTS}) {
            String value = env.get(name);
            if (value != null) {
                options.put(name, value);
            }
        }
        return Map.copyOf(options);
    }

    /**
     * Returns the display mode the options ask for.
     *
     * @throws IllegalArgumentException for an unknown mode, with mosh-client's message
     */
    public static PredictionDisplay display(Map<String, String> options) {
        return PredictionDisplay.parse(options.get(DISPLAY));
    }

    /** Returns whether typing is predicted as overwriting (mosh: only the exact value {@code yes}). */
    public static boolean overwrite(Map<String, String> options) {
        return "yes".equals(options.get(OVERWRITE));
    }

    /** Returns whether prompts that have echoed before are trusted (unless the option is exactly {@code no}). */
    public static boolean trustPrompts(Map<String, String> options) {
        return !"no".equals(options.get(PROMPTS));
    }

    /**
     * Returns the provider that serves the options by default: {@value #NEVER_PROVIDER} when
     * they ask for no prediction, else {@value #MOSH_PROVIDER}. (mosh's engine in never mode
     * behaves identically; the separate provider just does no work.)
     *
     * @throws IllegalArgumentException for an unknown mode, with mosh-client's message
     */
    public static String providerName(Map<String, String> options) {
        return display(options) == PredictionDisplay.NEVER ? NEVER_PROVIDER : MOSH_PROVIDER;
    }
}
