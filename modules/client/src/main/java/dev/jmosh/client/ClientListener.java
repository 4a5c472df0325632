package dev.jmosh.client;

import dev.jmosh.vt.Framebuffer;
import java.util.Optional;

/**
 * What a {@link ClientSession} tells its user interface. Every call comes from the session's
 * own thread, one at a time; the framebuffer passed is valid only during the call.
 *
 * <p>A call that throws ends the session as an error: the session stops calling the listener,
 * tells the server to shut down (as on a quit) and ends {@link ExitStatus#FAILED} with the
 * exception as its {@link ClientSession#fatalError}.
 */
public interface ClientListener {
    /**
     * The screen to show changed: the newest server frame with the local-echo predictions drawn
     * on it (the last frame, at the end of the session, has none), and the notification bar's
     * text (mosh's top-row bar) if one is shown.
     */
    void frame(Framebuffer frame, Optional<String> notificationBar);

    /**
     * The user pressed the escape key and Ctrl-Z: give the local terminal back, stop, and once
     * continued take it back again, then return. A full repaint follows.
     */
    default void suspend() {
    }

    /**
     * The process was continued after a stop from outside (SIGCONT, see
     * {@link ClientSession#continued}): take the local terminal back (mosh-client re-enters raw
     * mode and its terminal modes). A full repaint follows.
     */
    default void resume() {
    }

    /** The user asked for a full repaint (Ctrl-L). */
    default void repaint() {
    }
}
