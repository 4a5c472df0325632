package dev.jmosh.server.internal;

import java.util.Map;

/**
 * {@code MOSH_SERVER_NETWORK_TMOUT} (shut down after that many seconds without a new client
 * state) and {@code MOSH_SERVER_SIGNAL_TMOUT} (SIGUSR1 shuts down only after that much silence),
 * parsed with mosh-server's messages and quirks: trailing junk is reported but the number kept,
 * a negative value is reported and ignored.
 *
 * @param networkMs 0 or the network idle timeout in ms
 * @param signalMs 0 or the SIGUSR1 idle requirement in ms
 * @param warnings what mosh prints while parsing
 */
public record IdleTimeouts(long networkMs, long signalMs, String warnings) {

    /** Reads both variables from {@code env}. */
    public static IdleTimeouts from(Map<String, String> env) {
        StringBuilder w = new StringBuilder();
        long network = seconds(env, "MOSH_SERVER_NETWORK_TMOUT", w);
        long signal = seconds(env, "MOSH_SERVER_SIGNAL_TMOUT", w);
        return new IdleTimeouts(network * 1000, signal * 1000, w.toString());
    }

    private static long seconds(Map<String, String> env, String name, StringBuilder warnings) {
        String v = env.get(name);
        if (v == null || v.isEmpty()) {
            return 0;
        }
        // strtol: leading blanks, a sign, digits; the rest must be empty
        String t = v.stripLeading();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        long value = 0;
        if (i > digitsStart) {
            try {
                value = Long.parseLong(t.substring(t.charAt(0) == '+' ? 1 : 0, i));
            } catch (NumberFormatException e) {
                value = t.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE; // strtol saturates
            }
        }
        if (i < t.length() || (i == digitsStart)) {
            warnings.append(name).append(" not a valid integer, ignoring\n");
            return Math.max(0, value); // mosh keeps the parsed prefix
        }
        if (value < 0) {
            warnings.append(name).append(" is negative, ignoring\n");
            return 0;
        }
        return value;
    }
}
