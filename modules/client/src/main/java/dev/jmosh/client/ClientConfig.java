package dev.jmosh.client;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.SessionKey;
import java.net.InetSocketAddress;
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
 * @param cipher a cipher provider name, or null for the only one present
 * @param transport a transport provider name, or null for the only one present
 * @param lossDuplication whether states are sent twice after a loss (beyond mosh; see
 *        {@code TransportSender}, whose {@code lossDuplicationFromEnvironment} reads the switch)
 */
public record ClientConfig(InetSocketAddress server, SessionKey key, int columns, int rows,
        EscapeKey escapeKey, Clock clock, String cipher, String transport, boolean lossDuplication) {


    /** Checks the arguments. */
    public ClientConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(escapeKey, "escapeKey");
        Objects.requireNonNull(clock, "clock");
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("window size must be positive, not " + columns + "x" + rows);
        }
    }

    /**
     * Returns whether loss duplication is on in {@code env}: unless {@code JMOSH_LOSS_DUPLICATION}
     * is "off", "no", "0" or "false".
     */
    public static boolean lossDuplication(java.util.Map<String, String> env) {
        return dev.jmosh.ssp.core.TransportSender.lossDuplicationFromEnvironment(
                env.get(dev.jmosh.ssp.core.TransportSender.LOSS_DUPLICATION_VARIABLE));
    }

    /** A configuration with the default escape key, the system clock and default providers. */
    public static ClientConfig of(InetSocketAddress server, SessionKey key, int columns, int rows) {
        return new ClientConfig(server, key, columns, rows, EscapeKey.defaultKey(), Clock.system(), null, null, true);
    }

}
