package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Framebuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Beyond mosh: the characters typed after Enter, before the prompt came back, and where they went.
 *
 * <p>mosh predicts them at the start of the row below, tentatively; once the command's output
 * has moved the prompt elsewhere that guess is wrong, the epoch is killed, and every key typed
 * while earlier ones are still on the way is placed where the server's cursor is, which is
 * behind the keys in flight, so it is wrong and killed too, until the user pauses. This keeps
 * the printable characters typed since the last Enter (any other key ends the record) with the
 * client state that carries each. Once the server has acknowledged the Enter, and its screen
 * shows the cursor after a trusted prompt ({@link PromptTrust}) followed by exactly the first
 * {@code m} of those characters (those already echoed, including every acknowledged one) and
 * nothing after it, the rest are where the prompt says they go: {@link #anchor} finds
 * {@code m}, and the engine predicts the rest there, shown at once.
 */
final class TypeAhead {
    /** A character typed after Enter: the state that carries it, its code point and width, when. */
    record Key(long frame, int codePoint, int width, long millis) {
        String text() {
            return new String(Character.toChars(codePoint));
        }
    }

    /** Where the keys not yet on the server's screen go: after the first {@code echoed} keys, at the cursor. */
    record Anchor(String prompt, int echoed) {
    }

    private final List<Key> keys = new ArrayList<>();
    /** The state that carries the Enter, or -1 when nothing is being recorded. */
    private long enterFrame = -1;

    /** Enter was typed; it travels in state {@code frame}. */
    void enter(long frame) {
        keys.clear();
        enterFrame = frame;
    }

    /** A character of width 1 or 2 was typed, to travel in state {@code frame}. */
    void key(long frame, int codePoint, int width, long millis) {
        if (enterFrame >= 0) {
            keys.add(new Key(frame, codePoint, width, millis));
        }
    }

    /** Any other key: where the next characters go can no longer be told. */
    void stop() {
        keys.clear();
        enterFrame = -1;
    }

    /**
     * Whether there is something to place: the server has acknowledged the Enter, and some
     * character typed after it is still on its way. Stops recording once nothing is.
     */
    boolean due(long lateAck) {
        if (enterFrame < 0 || Long.compareUnsigned(enterFrame, lateAck) > 0) {
            return false;
        }
        if (keys.isEmpty() || Long.compareUnsigned(keys.get(keys.size() - 1).frame(), lateAck) <= 0) {
            stop(); // everything typed has been echoed (or not): nothing is left to place
            return false;
        }
        return true;
    }

    /**
     * Finds where the server's screen {@code fb} has put the keys: the cursor after a trusted
     * prompt and exactly the first {@code m} keys, nothing after it, {@code m} at least the
     * number of acknowledged keys. Null unless exactly one {@code m} fits.
     */
    Anchor anchor(Framebuffer fb, long lateAck, PromptTrust prompts) {
        int row = fb.cursorRow();
        int col = fb.cursorCol();
        if (!PromptTrust.blankFrom(fb, row, col)) {
            return null;
        }
        int acked = 0;
        while (acked < keys.size() && Long.compareUnsigned(keys.get(acked).frame(), lateAck) <= 0) {
            acked++;
        }
        Anchor found = null;
        for (int m = acked; m < keys.size(); m++) {
            int start = col - width(m);
            if (start < PromptTrust.MIN_COLUMNS || !echoed(fb, row, start, m)) {
                continue;
            }
            String prompt = PromptTrust.textBefore(fb, row, start);
            if (prompt != null && prompts.trusts(prompt)) {
                if (found != null) {
                    return null; // ambiguous
                }
                found = new Anchor(prompt, m);
            }
        }
        return found;
    }

    /** The keys after the first {@code echoed}, the ones to predict, and stops recording. */
    List<Key> take(int echoed) {
        List<Key> rest = List.copyOf(keys.subList(echoed, keys.size()));
        stop();
        return rest;
    }

    /** The columns the first {@code m} keys take. */
    private int width(int m) {
        int w = 0;
        for (int i = 0; i < m; i++) {
            w += keys.get(i).width();
        }
        return w;
    }

    /** Whether the row shows the first {@code m} keys from column {@code start} on. */
    private boolean echoed(Framebuffer fb, int row, int start, int m) {
        int x = start;
        for (int i = 0; i < m; i++) {
            Key k = keys.get(i);
            Cell c = fb.cell(row, x);
            if (!c.text().equals(k.text()) || c.wide() != (k.width() == 2)) {
                return false;
            }
            x += k.width();
        }
        return true;
    }
}
