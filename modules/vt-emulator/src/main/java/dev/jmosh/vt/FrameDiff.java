package dev.jmosh.vt;

import dev.jmosh.vt.internal.display.FrameDiffer;

/**
 * The bytes that bring a peer's screen from one frame to the next. Mirrors mosh's
 * {@code Display::new_frame(true, from, to)} as {@code mosh-server} runs it (no terminfo: ECH,
 * BCE and window titles assumed), so a C++ {@code mosh-client} applies the result exactly as it
 * would mosh's own diffs.
 *
 * <p>Contract: feed the result to an {@link Emulator} whose framebuffer equals {@code from} and
 * that has only ever been fed such diffs (the client side), after resizing it to {@code to}'s
 * size if the size changed (mosh sends the resize as a separate instruction before the host
 * bytes); its framebuffer then equals {@code to}, and it produces no reply. The bytes are UTF-8
 * and contain no query.
 *
 * <p>Order of output, as in mosh: BEL (one per bell here, up to 32, where mosh sends one), title
 * and icon name, clipboard ({@code ESC]52;c;...BEL}), reverse video; on a size change
 * {@code ESC[r ESC[0m ESC[H ESC[2J} and a full repaint; the scroll shortcut; changed cells row by
 * row; cursor position and visibility; rendition; bracketed paste; mouse reporting; focus; mouse
 * encoding; and, beyond mosh, alternate scroll (?1007).
 */
public final class FrameDiff {
    private FrameDiff() {
    }

    /**
     * Returns the bytes that turn {@code from} into {@code to}. Empty when {@code to} is an
     * unchanged copy of {@code from}; frames that are equal but stored differently (an erased
     * cell against a printed space, say) may still cost a few bytes.
     *
     * @param from the frame the peer shows
     * @param to the frame it should show
     */
    public static byte[] diff(Framebuffer from, Framebuffer to) {
        return FrameDiffer.diff(from.screen(), to.screen());
    }
}
