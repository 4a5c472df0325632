package dev.jmosh.predictor;

import dev.jmosh.ssp.Clock;
import java.util.Optional;

/**
 * What mosh's notification bar on the top row says, and when (mosh {@code NotificationEngine}).
 *
 * <p>The server is "late" after 6.5 s without a new state from it; the reply is "late" after
 * 10 s without the server acknowledging one of ours. Either makes the bar count up
 * ("Last contact 12 seconds ago"); an explicit message is shown with or without that count.
 * Messages expire after 1 s unless permanent; network errors after 3.1 s.
 */
public final class NotificationEngine {
    /** Silence from the server after which the bar appears, in ms. */
    public static final long SERVER_LATE_MS = 6500;
    /** Time without an acknowledgement after which the bar appears, in ms. */
    public static final long REPLY_LATE_MS = 10_000;
    /** Lifetime of a transient message, in ms. */
    public static final long MESSAGE_LIFETIME_MS = 1000;
    /** Lifetime of a network error message: the heartbeat interval plus 100, in ms. */
    public static final long NETWORK_ERROR_LIFETIME_MS = 3100;
    /** mosh formats the bar into a 128-wide-character buffer. */
    private static final int MAX_CHARS = 127;
    private static final long PERMANENT = Long.MAX_VALUE;

    private final Clock clock;
    private long lastWordFromServer;
    private long lastAckedState;
    private String escapeKeyString = "";
    private String message = "";
    private boolean messageIsNetworkError;
    private long messageExpiration = PERMANENT;
    private boolean showQuitKeystroke = true;

    /** An engine that treats "now" as the last contact. */
    public NotificationEngine(Clock clock) {
        this.clock = clock;
        long now = clock.millis();
        this.lastWordFromServer = now;
        this.lastAckedState = now;
    }

    /** The newest server state arrived at {@code millis}. */
    public void serverHeard(long millis) {
        lastWordFromServer = millis;
    }

    /** The newest state the server acknowledged was sent at {@code millis}. */
    public void serverAcked(long millis) {
        lastAckedState = millis;
    }

    /** Sets the name of the escape key shown as " [To quit: NAME .]". */
    public void setEscapeKeyName(String name) {
        escapeKeyString = " [To quit: " + name + " .]";
    }

    /** Shows {@code text} for 1 s, with the quit hint. */
    public void setMessage(String text) {
        setMessage(text, false, true);
    }

    /** Shows {@code text}, permanently (until replaced) or for 1 s, with or without the quit hint. */
    public void setMessage(String text, boolean permanent, boolean showQuitKeystroke) {
        message = text;
        messageExpiration = permanent ? PERMANENT : clock.millis() + MESSAGE_LIFETIME_MS;
        messageIsNetworkError = false;
        this.showQuitKeystroke = showQuitKeystroke;
    }

    /** Shows a socket error for 3.1 s. */
    public void setNetworkError(String text) {
        message = text;
        messageIsNetworkError = true;
        messageExpiration = clock.millis() + NETWORK_ERROR_LIFETIME_MS;
    }

    /** Lets a shown network error expire within 1 s. */
    public void clearNetworkError() {
        if (messageIsNetworkError) {
            messageExpiration = Math.min(messageExpiration, clock.millis() + MESSAGE_LIFETIME_MS);
        }
    }

    /** The current message (possibly expired but not yet cleared). */
    public String message() {
        return message;
    }

    private boolean serverLate(long now) {
        return now - lastWordFromServer > SERVER_LATE_MS;
    }

    private boolean replyLate(long now) {
        return now - lastAckedState > REPLY_LATE_MS;
    }

    private boolean needCountup(long now) {
        return serverLate(now) || replyLate(now);
    }

    /** The bar's text now, or empty when no bar is shown; clears an expired message first. */
    public Optional<String> bar() {
        long now = clock.millis();
        if (now >= messageExpiration) {
            message = "";
        }
        boolean late = needCountup(now);
        if (message.isEmpty() && !late) {
            return Optional.empty();
        }
        long elapsedMs = now - lastWordFromServer;
        String explanation = "contact";
        if (replyLate(now) && !serverLate(now)) {
            elapsedMs = now - lastAckedState;
            explanation = "reply";
        }
        int seconds = (int) (elapsedMs / 1000);
        String quit = showQuitKeystroke ? escapeKeyString : "";
        String text;
        if (message.isEmpty()) {
            text = "mosh: Last " + explanation + " " + duration(seconds, "seconds") + " ago." + quit;
        } else if (!late) {
            text = "mosh: " + message + quit;
        } else {
            text = "mosh: " + message + " (" + duration(seconds, "s") + " without " + explanation + ".)" + quit;
        }
        return Optional.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    }

    /** Milliseconds until the bar may change by itself: an expiry or the next count-up tick. */
    public long waitTime() {
        long now = clock.millis();
        long next = messageExpiration == PERMANENT ? Integer.MAX_VALUE : Math.max(0, messageExpiration - now);
        if (needCountup(now)) {
            long interval = now - lastWordFromServer > 60_000 ? 3000 : 1000;
            next = Math.min(next, interval);
        }
        return next;
    }

    /** mosh's human-readable duration: "N unit" below a minute, "M:SS" below an hour, else "H:MM:SS". */
    static String duration(int seconds, String unit) {
        if (seconds < 60) {
            return seconds + " " + unit;
        } else if (seconds < 3600) {
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
