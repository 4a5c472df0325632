package dev.jmosh.client;

import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.SendTiming;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.ssp.spi.TransportProvider;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link ClientSession} needs to start; made with {@link #builder}, which has a
 * default for everything but the server's address and the key:
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder(new InetSocketAddress(ip, port), SessionKey.parse(key))
 *         .size(120, 40)
 *         .build();
 * }</pre>
 */
public final class ClientConfig {
    private final InetSocketAddress server;
    private final SessionKey key;
    private final int columns;
    private final int rows;
    private final EscapeKey escapeKey;
    private final Clock clock;
    private final String cipher;
    private final String transport;
    private final TransportProvider transportProvider;
    private final String stateTypes;
    private final SendTiming timing;
    private final String predictor;
    private final Map<String, String> predictionOptions;
    private final String portName;

    private ClientConfig(Builder b) {
        server = b.server;
        key = b.key;
        columns = b.columns;
        rows = b.rows;
        escapeKey = b.escapeKey;
        clock = b.clock;
        cipher = b.cipher;
        transport = b.transport;
        transportProvider = b.transportProvider;
        stateTypes = b.stateTypes;
        timing = b.timing;
        predictor = b.predictor;
        predictionOptions = b.predictionOptions;
        portName = b.portName;
    }

    /** A builder for a session with the server at {@code server} (numeric address and UDP port) under {@code key}. */
    public static Builder builder(InetSocketAddress server, SessionKey key) {
        return new Builder(server, key);
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(server, key);
        b.columns = columns;
        b.rows = rows;
        b.escapeKey = escapeKey;
        b.clock = clock;
        b.cipher = cipher;
        b.transport = transport;
        b.transportProvider = transportProvider;
        b.stateTypes = stateTypes;
        b.timing = timing;
        b.predictor = predictor;
        b.predictionOptions = predictionOptions;
        b.portName = portName;
        return b;
    }

    /** A configuration with every default (the same as {@code builder(server, key).size(columns, rows).build()}). */
    public static ClientConfig of(InetSocketAddress server, SessionKey key, int columns, int rows) {
        return builder(server, key).size(columns, rows).build();
    }

    /** The server's numeric address and UDP port. */
    public InetSocketAddress server() {
        return server;
    }

    /** The session key the server printed. */
    public SessionKey key() {
        return key;
    }

    /** The local window's width. */
    public int columns() {
        return columns;
    }

    /** The local window's height. */
    public int rows() {
        return rows;
    }

    /** The escape key (see {@link EscapeKey#fromEnvironment}). */
    public EscapeKey escapeKey() {
        return escapeKey;
    }

    /** The clock every timer reads. */
    public Clock clock() {
        return clock;
    }

    /**
     * The cipher the session must use, or null for the one {@link #key} is for (see
     * {@link dev.jmosh.ssp.Providers#cipher}: a key for another cipher fails before anything is sent).
     */
    public String cipher() {
        return cipher;
    }

    /** A transport provider name, or null for {@code jmosh.transport}, else UDP ({@code udp}). */
    public String transport() {
        return transport;
    }

    /** The transport provider itself, set by the program, or null to select one by {@link #transport}'s name. */
    public TransportProvider transportProvider() {
        return transportProvider;
    }

    /** A state-type provider name, or null for {@code jmosh.state}, else mosh's. */
    public String stateTypes() {
        return stateTypes;
    }

    /** mosh's send timing, or jmosh's refinements of it (see {@link SendTiming}). */
    public SendTiming timing() {
        return timing;
    }

    /** A prediction provider name, or null for the default (see {@link #predictorName}). */
    public String predictor() {
        return predictor;
    }

    /** The prediction provider's options, e.g. {@code MOSH_PREDICTION_DISPLAY} (see {@link PredictionOptions#fromEnvironment}). */
    public Map<String, String> predictionOptions() {
        return predictionOptions;
    }

    /** The port as the user wrote it, for messages, or null for the server's port number. */
    public String portName() {
        return portName;
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

    /** The port as messages name it ("Nothing received from server on UDP port 99999."). */
    public String portText() {
        return portName != null ? portName : Integer.toString(server.getPort());
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ClientConfig[" + server + ", " + columns + "x" + rows + ", cipher " + key.cipher() + "]";
    }

    /** Collects a {@link ClientConfig}; every setter returns the builder. */
    public static final class Builder {
        private final InetSocketAddress server;
        private final SessionKey key;
        private int columns = 80;
        private int rows = 24;
        private EscapeKey escapeKey = EscapeKey.defaultKey();
        private Clock clock = Clock.system();
        private String cipher;
        private String transport;
        private TransportProvider transportProvider;
        private String stateTypes;
        private SendTiming timing = SendTiming.JMOSH;
        private String predictor;
        private Map<String, String> predictionOptions = Map.of();
        private String portName;

        private Builder(InetSocketAddress server, SessionKey key) {
            this.server = Objects.requireNonNull(server, "server");
            this.key = Objects.requireNonNull(key, "key");
        }

        /** The local window's size (default 80x24). */
        public Builder size(int newColumns, int newRows) {
            if (newColumns <= 0 || newRows <= 0) {
                throw new IllegalArgumentException("window size must be positive, not " + newColumns + "x" + newRows);
            }
            columns = newColumns;
            rows = newRows;
            return this;
        }

        /** The escape key (default {@code Ctrl-^}). */
        public Builder escapeKey(EscapeKey newEscapeKey) {
            escapeKey = Objects.requireNonNull(newEscapeKey, "escapeKey");
            return this;
        }

        /** The clock every timer reads (default the system's). */
        public Builder clock(Clock newClock) {
            clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** The cipher the session must use (default: the one the key is for). */
        public Builder cipher(String name) {
            cipher = name;
            return this;
        }

        /** The transport provider's name (default: {@code jmosh.transport}, else {@code udp}). */
        public Builder transport(String name) {
            transport = name;
            transportProvider = null;
            return this;
        }

        /**
         * The transport provider itself, e.g. a {@code MemoryTransportProvider} on a network of
         * the program's own: the session opens its {@code DatagramTransport} there.
         */
        public Builder transport(TransportProvider provider) {
            transportProvider = Objects.requireNonNull(provider, "provider");
            transport = null;
            return this;
        }

        /** The state-type provider's name (default: {@code jmosh.state}, else mosh's). */
        public Builder stateTypes(String name) {
            stateTypes = name;
            return this;
        }

        /** The send timing (default jmosh's). */
        public Builder timing(SendTiming newTiming) {
            timing = Objects.requireNonNull(newTiming, "timing");
            return this;
        }

        /** The prediction provider's name (null: see {@link ClientConfig#predictorName}) and its options. */
        public Builder prediction(String name, Map<String, String> options) {
            predictor = name;
            predictionOptions = Map.copyOf(Objects.requireNonNull(options, "options"));
            return this;
        }

        /** The port as the user wrote it, for messages (mosh-client takes e.g. 99999 and names it so). */
        public Builder portName(String name) {
            portName = name;
            return this;
        }

        /** The configuration. */
        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
