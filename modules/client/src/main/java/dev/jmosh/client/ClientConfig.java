package dev.jmosh.client;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.SendTiming;
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
 * @param timing mosh's send timing, or jmosh's refinements of it (see {@link SendTiming})
 */
public record ClientConfig(InetSocketAddress server, SessionKey key, int columns, int rows,
        EscapeKey escapeKey, Clock clock, String cipher, String transport, SendTiming timing) {


    /** Checks the arguments. */
    public ClientConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(escapeKey, "escapeKey");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timing, "timing");
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("window size must be positive, not " + columns + "x" + rows);
        }
    }

    /** A configuration with the default escape key, the system clock and default providers. */
    public static ClientConfig of(InetSocketAddress server, SessionKey key, int columns, int rows) {
        return new ClientConfig(server, key, columns, rows, EscapeKey.defaultKey(), Clock.system(), null, null, SendTiming.JMOSH);
    }

}
