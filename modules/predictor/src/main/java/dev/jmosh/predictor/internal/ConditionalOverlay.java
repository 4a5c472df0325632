package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Framebuffer;

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

    /**
     * The checks every prediction starts with (mosh's {@code get_validity} of both kinds):
     * inactive, outside the frame, or still awaiting its echo; null once the echo came and the
     * frame's content at {@code row} decides.
     */
    final Validity precheck(Framebuffer fb, int row, long lateAck) {
        if (!active) {
            return Validity.INACTIVE;
        }
        if (row >= fb.rows() || col >= fb.columns()) {
            return Validity.INCORRECT_OR_EXPIRED;
        }
        return awaitingEcho(lateAck) ? Validity.PENDING : null;
    }
}
