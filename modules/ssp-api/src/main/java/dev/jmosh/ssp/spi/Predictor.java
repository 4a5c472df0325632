package dev.jmosh.ssp.spi;

/**
 * A local-echo engine on the client (mosh {@code PredictionEngine}): it guesses the effect of
 * keystrokes on the screen before the server confirms them.
 *
 * <p>The client drives it as mosh-client drives its engine: {@link #serverFrame} and
 * {@link #sendInterval} whenever it hears from the server, {@link #userInput} for every read
 * from the user's terminal, {@link #reset} on a resize, and {@link #overlay} on a copy of the
 * newest server frame every time it is about to show the screen. All times are passed in, so
 * an engine reads no clock of its own.
 *
 * @param <F> the frame type it predicts on (for jmosh's emulator, {@code dev.jmosh.vt.Framebuffer})
 */
public interface Predictor<F> {
    /**
     * One read of user input (before escape-key handling), about to be sent.
     *
     * @param frame the frame the user sees now: the last one {@link #overlay} drew on
     * @param stateNum the client state that will carry these bytes: the newest state number
     *     sent so far, plus one; the server's echo ack reaching it confirms them
     */
    void userInput(byte[] bytes, int off, int len, F frame, long stateNum, long nowMillis);

    /**
     * The client heard from the server: {@code frame} is the newest server frame and
     * {@code echoAck} its echo ack, the newest client state whose effects have been on the
     * server's screen for a while. Predictions are checked against frames in {@link #overlay}.
     */
    void serverFrame(F frame, long echoAck, long nowMillis);

    /** The client's current send interval in milliseconds (drives the adaptive triggers). */
    void sendInterval(long millis);

    /**
     * Checks the predictions against {@code frame}, a copy of the newest server frame about to
     * be shown, then draws the displayable ones onto it.
     */
    void overlay(F frame, long nowMillis);

    /** Forgets every prediction (resize, paste). */
    void reset();

    /** Milliseconds until the predictor wants to be asked to redraw, or -1 for never. */
    long wakeupMillis(long nowMillis);
}
