package dev.jmosh.ssp;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * How the SSP sender (ssp-core's {@code TransportSender}) times what it sends. Either way the datagrams are ones a mosh
 * 1.4.0 peer accepts; only when they go out differs.
 */
public enum SendTiming {
    /** mosh 1.4.0's timing, exactly. */
    MOSH,
    /**
     * mosh's timing with two refinements (the default): <b>loss duplication</b>, which sends small
     * states again a few ms later while loss is being observed, and <b>ack-free pacing</b>, where
     * the frame interval that holds back a new state counts from the last state sent, not from an
     * empty ack. See ssp-core's {@code TransportSender}.
     */
    JMOSH;

    /** The environment variable that selects the timing: {@code mosh} or {@code jmosh}. */
    public static final String VARIABLE = "JMOSH_SEND_TIMING";

    /**
     * The timing named by {@value #VARIABLE}'s value: {@link #JMOSH} when unset or empty, {@link
     * #MOSH} for "mosh". Any other value is reported to {@code warning} in one line, and the
     * default is used.
     */
    public static SendTiming fromEnvironment(String value, Consumer<String> warning) {
        if (value == null || value.isBlank()) {
            return JMOSH;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("mosh")) {
            return MOSH;
        }
        if (!v.equals("jmosh")) {
            warning.accept(VARIABLE + "=" + value + " is neither mosh nor jmosh; using jmosh");
        }
        return JMOSH;
    }
}
