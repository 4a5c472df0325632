package dev.jmosh.client;

import dev.jmosh.predictor.NotificationEngine;
import dev.jmosh.statesync.UserStream;

/**
 * Turns the bytes the user types into user-stream events, interpreting the escape key as
 * mosh-client's {@code process_user_input} does. Every other byte is forwarded unchanged.
 */
final class UserInput {
    /** What the session must do after a chunk of input. */
    enum Outcome { CONTINUE, QUIT, SUSPEND, REPAINT }

    private final EscapeKey escape;
    private final NotificationEngine notifications;
    private boolean quitSequenceStarted;
    private boolean lfEntered;

    UserInput(EscapeKey escape, NotificationEngine notifications) {
        this.escape = escape;
        this.notifications = notifications;
    }

    /**
     * Appends {@code bytes} to {@code stream}, stopping early at a quit or suspend command.
     *
     * @return what the caller must do; for SUSPEND, call again with the rest after resuming
     *     (the returned {@link #consumed} tells how far this call got)
     */
    Outcome process(byte[] bytes, int off, int len, UserStream stream) {
        Outcome outcome = Outcome.CONTINUE;
        consumed = 0;
        for (int i = off; i < off + len; i++) {
            int b = bytes[i] & 0xFF;
            consumed++;
            if (quitSequenceStarted) {
                quitSequenceStarted = false;
                if (escape.help().equals(notifications.message())) {
                    notifications.setMessage("");
                }
                if (b == '.') {
                    return Outcome.QUIT;
                } else if (b == 0x1A) {
                    return Outcome.SUSPEND;
                } else if (escape.isPass(b)) {
                    stream.pushBytes(new byte[] {(byte) escape.key()}, 0, 1);
                } else {
                    stream.pushBytes(new byte[] {(byte) escape.key(), (byte) b}, 0, 2);
                }
                continue;
            }
            quitSequenceStarted = escape.enabled() && b == escape.key()
                    && (lfEntered || !escape.requiresLineStart());
            if (quitSequenceStarted) {
                lfEntered = false;
                notifications.setMessage(escape.help(), true, false);
                continue;
            }
            lfEntered = b == 0x0A || b == 0x0D;
            if (b == 0x0C) {
                outcome = Outcome.REPAINT;
            }
            stream.pushBytes(bytes, i, 1);
        }
        return outcome;
    }

    private int consumed;

    /** Bytes used by the last {@link #process} call. */
    int consumed() {
        return consumed;
    }
}
