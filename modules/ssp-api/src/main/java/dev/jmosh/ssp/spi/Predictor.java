package dev.jmosh.ssp.spi;

/**
 * A local-echo engine on the client (mosh {@code PredictionEngine}): it guesses the effect of
 * keystrokes on the screen before the server confirms them.
 *
 * @param <F> the frame type it predicts on (for jmosh's emulator, {@code dev.jmosh.vt.Framebuffer})
 */
public interface Predictor<F> {
    /** User input about to be sent in client state {@code stateNum}; {@code frame} is the newest server frame. */
    void userInput(byte[] bytes, int off, int len, F frame, long stateNum, long nowMillis);

    /** A new server frame arrived whose echo ack is {@code echoAck}; predictions are checked against it. */
    void serverFrame(F frame, long echoAck, long nowMillis);

    /** The client's current send interval in milliseconds (drives the adaptive triggers). */
    void sendInterval(long millis);

    /** Draws the displayable predictions onto {@code frame}, a copy about to be shown. */
    void overlay(F frame, long nowMillis);

    /** Forgets every prediction (resize, paste). */
    void reset();

    /** Milliseconds until the predictor wants to be asked to redraw, or -1 for never. */
    long wakeupMillis(long nowMillis);
}
