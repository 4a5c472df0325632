package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two idle-timeout variables with mosh-server's parsing quirks. */
class IdleTimeoutsTest {
    @Test
    void secondsBecomeMilliseconds() {
        IdleTimeouts t = IdleTimeouts.from(Map.of("MOSH_SERVER_NETWORK_TMOUT", "30", "MOSH_SERVER_SIGNAL_TMOUT", "5"));
        assertThat(t.networkMs()).isEqualTo(30_000);
        assertThat(t.signalMs()).isEqualTo(5_000);
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void junkIsReportedButThePrefixKeptAsMoshDoes() {
        IdleTimeouts t = IdleTimeouts.from(Map.of("MOSH_SERVER_NETWORK_TMOUT", "5x", "MOSH_SERVER_SIGNAL_TMOUT", "abc"));
        assertThat(t.networkMs()).isEqualTo(5_000);
        assertThat(t.signalMs()).isZero();
        assertThat(t.warnings()).isEqualTo("MOSH_SERVER_NETWORK_TMOUT not a valid integer, ignoring\n"
                + "MOSH_SERVER_SIGNAL_TMOUT not a valid integer, ignoring\n");
    }

    @Test
    void negativeValuesAreIgnoredAndUnsetMeansOff() {
        IdleTimeouts t = IdleTimeouts.from(Map.of("MOSH_SERVER_NETWORK_TMOUT", "-3"));
        assertThat(t.networkMs()).isZero();
        assertThat(t.warnings()).isEqualTo("MOSH_SERVER_NETWORK_TMOUT is negative, ignoring\n");
        assertThat(IdleTimeouts.from(Map.of()).signalMs()).isZero();
    }
}
