package dev.jmosh.predictor.internal;

/**
 * The timing triggers of mosh's prediction engine (the members and constants of
 * {@code PredictionEngine} that {@code cull} updates), each with its hysteresis.
 *
 * <p>Note that the round-trip triggers compare the client's <em>send interval</em>
 * ({@code clamp(ceil(SRTT / 2), 20, 250)} ms), not SRTT itself.
 * <ul>
 *   <li>SRTT trigger (show predictions): on above {@value #SRTT_TRIGGER_HIGH} ms; off again
 *       only at {@value #SRTT_TRIGGER_LOW} ms or less and while no prediction is active.</li>
 *   <li>Flagging (underline predictions): on above {@value #FLAG_TRIGGER_HIGH} ms; off at
 *       {@value #FLAG_TRIGGER_LOW} ms or less; forced on while the glitch trigger is above
 *       {@value #GLITCH_REPAIR_COUNT}.</li>
 *   <li>Glitch trigger (show predictions although the link is fast): a prediction pending
 *       {@value #GLITCH_THRESHOLD} ms raises it to {@value #GLITCH_REPAIR_COUNT} (display), one
 *       pending {@value #GLITCH_FLAG_THRESHOLD} ms to twice that (display and underline); each
 *       prediction confirmed within {@value #GLITCH_THRESHOLD} ms lowers it by one, at most once
 *       per {@value #GLITCH_REPAIR_MININTERVAL} ms.</li>
 * </ul>
 */
final class DisplayTriggers {
    /** At or below this send interval (ms) the SRTT trigger may turn off. */
    static final long SRTT_TRIGGER_LOW = 20;
    /** Above this send interval (ms) the SRTT trigger turns on. */
    static final long SRTT_TRIGGER_HIGH = 30;
    /** At or below this send interval (ms) flagging turns off. */
    static final long FLAG_TRIGGER_LOW = 50;
    /** Above this send interval (ms) flagging turns on. */
    static final long FLAG_TRIGGER_HIGH = 80;
    /** A prediction pending this long (ms) is a glitch. */
    static final long GLITCH_THRESHOLD = 250;
    /** Quick confirmations needed to cure the glitch trigger. */
    static final int GLITCH_REPAIR_COUNT = 10;
    /** Minimum time (ms) between two quick confirmations that count. */
    static final long GLITCH_REPAIR_MININTERVAL = 150;
    /** A prediction pending this long (ms) turns on underlining too. */
    static final long GLITCH_FLAG_THRESHOLD = 5000;

    private boolean srttTrigger;
    private boolean flagging;
    private int glitchTrigger;
    private boolean quickConfirmed;
    private long lastQuickConfirmation;

    /**
     * Updates the SRTT trigger and flagging from the send interval (start of mosh's {@code cull}).
     *
     * @param predictionsActive whether any prediction exists (the SRTT trigger stays on while one does)
     */
    void update(long sendInterval, boolean predictionsActive) {
        if (sendInterval > SRTT_TRIGGER_HIGH) {
            srttTrigger = true;
        } else if (srttTrigger && sendInterval <= SRTT_TRIGGER_LOW && !predictionsActive) {
            srttTrigger = false;
        }
        if (sendInterval > FLAG_TRIGGER_HIGH) {
            flagging = true;
        } else if (sendInterval <= FLAG_TRIGGER_LOW) {
            flagging = false;
        }
        if (glitchTrigger > GLITCH_REPAIR_COUNT) {
            flagging = true;
        }
    }

    /** A prediction made {@code ageMillis} ago is still pending. */
    void pending(long ageMillis) {
        if (ageMillis >= GLITCH_FLAG_THRESHOLD) {
            glitchTrigger = GLITCH_REPAIR_COUNT * 2;
        } else if (ageMillis >= GLITCH_THRESHOLD && glitchTrigger < GLITCH_REPAIR_COUNT) {
            glitchTrigger = GLITCH_REPAIR_COUNT;
        }
    }

    /** A prediction made {@code ageMillis} ago was confirmed at {@code nowMillis}. */
    void confirmed(long ageMillis, long nowMillis) {
        // mosh starts last_quick_confirmation at 0, long before any real timestamp
        if (ageMillis < GLITCH_THRESHOLD && glitchTrigger > 0
                && (!quickConfirmed || nowMillis - GLITCH_REPAIR_MININTERVAL >= lastQuickConfirmation)) {
            glitchTrigger--;
            lastQuickConfirmation = nowMillis;
            quickConfirmed = true;
        }
    }

    /** Whether a slow link asks for predictions to be shown. */
    boolean srttTrigger() {
        return srttTrigger;
    }

    /** Whether shown predictions are underlined. */
    boolean flagging() {
        return flagging;
    }

    /** 0, or how many quick confirmations it takes to stop showing predictions for a glitch. */
    int glitchTrigger() {
        return glitchTrigger;
    }

    /** Whether some timing trigger could still fire (mosh {@code timing_tests_necessary}). */
    boolean timingTestsNecessary() {
        return !(glitchTrigger > 0 && flagging);
    }
}
