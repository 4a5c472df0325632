package dev.jmosh.client;

import dev.jmosh.vt.Framebuffer;
import java.util.Optional;

/**
 * What a {@link ClientSession} tells its user interface. Every call comes from the session's
 * own thread, one at a time; the framebuffer passed is valid only during the call.
 */
public interface ClientListener {
    /**
     * The screen to show changed: the newest server frame with the local-echo predictions drawn
     * on it (the last frame, at the end of the session, has none), and the notification bar's
     * text (mosh's top-row bar) if one is shown.
     */
    void frame(Framebuffer frame, Optional<String> notificationBar);

    /** The user pressed the escape key and Ctrl-Z: suspend the local terminal, then return. */
    default void suspend() {
    }

    /** The user asked for a full repaint (Ctrl-L). */
    default void repaint() {
    }
}
