package dev.jmosh.predictor.internal;

/**
 * What every prediction carries (mosh {@code ConditionalOverlay}): the client state whose echo
 * decides it, the column, whether it is a prediction at all, the epoch until whose confirmation
 * it stays hidden, and when it was made.
 *
 * <p>Frame and epoch numbers are unsigned 64-bit values, as in mosh; "never" is 2^64-1 (-1).
 */
abstract class ConditionalOverlay {
    /** mosh's {@code uint64_t(-1)}: a frame or epoch that never comes. */
    static final long NEVER = -1L;

    /** The client state that carries the keystroke; its echo ack decides the prediction. */
    long expirationFrame;
    int col;
    /** Whether this represents a prediction at all. */
    boolean active;
    /** The prediction is shown once this epoch is confirmed. */
    long tentativeUntilEpoch;
    /** When the prediction was made, in ms; finds long-pending predictions (glitches). */
    long predictionTime;

    ConditionalOverlay(long expirationFrame, int col, long tentativeUntilEpoch) {
        this.expirationFrame = expirationFrame;
        this.col = col;
        this.tentativeUntilEpoch = tentativeUntilEpoch;
        this.predictionTime = NEVER;
    }

    /** Whether the prediction is still hidden because its epoch is not yet confirmed. */
    final boolean tentative(long confirmedEpoch) {
        return Long.compareUnsigned(tentativeUntilEpoch, confirmedEpoch) > 0;
    }

    /** Stops being a prediction (mosh {@code ConditionalOverlay::reset}). */
    final void resetOverlay() {
        expirationFrame = NEVER;
        tentativeUntilEpoch = NEVER;
        active = false;
    }

    /** Re-stamps the prediction: decided by state {@code frame}, made at {@code nowMillis}. */
    final void expire(long frame, long nowMillis) {
        expirationFrame = frame;
        predictionTime = nowMillis;
    }

    /** Whether the server's echo ack has not yet reached the state that carries the keystroke. */
    final boolean awaitingEcho(long lateAck) {
        return Long.compareUnsigned(lateAck, expirationFrame) < 0;
    }
}
