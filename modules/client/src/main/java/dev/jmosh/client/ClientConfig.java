package dev.jmosh.client;

import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.SendTiming;
import dev.jmosh.ssp.spi.PredictorProvider;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link ClientSession} needs to start.
 *
 * @param server the server's numeric address and UDP port
 * @param key the session key printed by the server
 * @param columns the local window's width
 * @param rows the local window's height
 * @param escapeKey the escape key (see {@link EscapeKey#fromEnvironment})
 * @param clock the clock every timer reads
 * @param cipher the cipher the session must use, or null for the one {@code key} is for (see
 *     {@link dev.jmosh.ssp.Providers#cipher}: a key for another cipher fails before anything is sent)
 * @param transport a transport provider name, or null for the only one present
 * @param timing mosh's send timing, or jmosh's refinements of it (see {@link SendTiming})
 * @param predictor a prediction provider name, or null for the default (see {@link #predictorName})
 * @param predictionOptions the prediction provider's options, e.g. {@code MOSH_PREDICTION_DISPLAY}
 *     (see {@link PredictionOptions#fromEnvironment})
 * @param portName the port as the user wrote it, for messages ("Nothing received from server on
 *     UDP port 99999."), or null for {@code server}'s port number
 */
public record ClientConfig(InetSocketAddress server, SessionKey key, int columns, int rows,
        EscapeKey escapeKey, Clock clock, String cipher, String transport, SendTiming timing,
        String predictor, Map<String, String> predictionOptions, String portName) {

    /** Checks the arguments. */
    public ClientConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(escapeKey, "escapeKey");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timing, "timing");
        predictionOptions = Map.copyOf(Objects.requireNonNull(predictionOptions, "predictionOptions"));
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("window size must be positive, not " + columns + "x" + rows);
        }
    }

    /** A configuration whose messages name the server's port number. */
    public ClientConfig(InetSocketAddress server, SessionKey key, int columns, int rows,
            EscapeKey escapeKey, Clock clock, String cipher, String transport, SendTiming timing,
            String predictor, Map<String, String> predictionOptions) {
        this(server, key, columns, rows, escapeKey, clock, cipher, transport, timing, predictor, predictionOptions,
                null);
    }

    /** A configuration with the default prediction (mosh's adaptive local echo). */
    public ClientConfig(InetSocketAddress server, SessionKey key, int columns, int rows,
            EscapeKey escapeKey, Clock clock, String cipher, String transport, SendTiming timing) {
        this(server, key, columns, rows, escapeKey, clock, cipher, transport, timing, null, Map.of());
    }

    /**
     * The prediction provider to ask {@link dev.jmosh.ssp.Providers#select} for: {@link #predictor}
     * if given; else null (the system property {@code jmosh.predictor} decides) if that property
     * is set; else {@code never} when the options say {@code MOSH_PREDICTION_DISPLAY=never} and
     * {@code mosh} otherwise.
     *
     * @throws IllegalArgumentException for an unknown display mode, with mosh-client's message
     */
    public String predictorName() {
        if (predictor != null) {
            return predictor;
        }
        if (System.getProperty(PredictorProvider.PROPERTY) != null) {
            return null;
        }
        return PredictionOptions.providerName(predictionOptions);
    }

    /** This configuration with another prediction provider and options. */
    public ClientConfig withPrediction(String newPredictor, Map<String, String> newOptions) {
        return new ClientConfig(server, key, columns, rows, escapeKey, clock, cipher, transport, timing,
                newPredictor, newOptions, portName);
    }

    /**
     * This configuration with the port named as the user wrote it: mosh-client takes any port
     * the C library's {@code getaddrinfo} takes, e.g. 99999 (which reaches port 34463), and
     * names it as written.
     */
    public ClientConfig withPortName(String name) {
        return new ClientConfig(server, key, columns, rows, escapeKey, clock, cipher, transport, timing,
                predictor, predictionOptions, name);
    }

    /** The port as messages name it: {@link #portName} if given, else the server's port number. */
    public String portText() {
        return portName != null ? portName : Integer.toString(server.getPort());
    }

    /**
     * A configuration with the default escape key, the system clock, default providers and
     * mosh's default (adaptive) local echo.
     */
    public static ClientConfig of(InetSocketAddress server, SessionKey key, int columns, int rows) {
        return new ClientConfig(server, key, columns, rows, EscapeKey.defaultKey(), Clock.system(), null, null, SendTiming.JMOSH);
    }
}
