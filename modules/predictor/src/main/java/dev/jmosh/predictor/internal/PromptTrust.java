package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Framebuffer;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Beyond mosh: local echo from the first keystroke at a prompt that has echoed before.
 *
 * <p>mosh hides the predictions of a new epoch until the server's echo proves one of them, and
 * every Enter starts a new epoch; so at a shell, the first keys of every command wait a round
 * trip, however often the same prompt has echoed. This remembers the prompts where echo was
 * proven: the text left of the cursor on its row, when the first key of an epoch was typed
 * there on a settled screen (every earlier keystroke echoed and acknowledged, no prediction
 * outstanding), the rest of the row blank, and that epoch was later confirmed. When the first key
 * of a later epoch is typed in the same situation at a remembered prompt, the epoch is confirmed
 * at once and its predictions are shown.
 *
 * <p>A password prompt is never remembered, since nothing typed there is ever echoed. Keys typed
 * ahead of a prompt, before the screen has settled, are left to {@link TypeAhead}, which places
 * them after a remembered prompt once it is back. A remembered prompt whose prediction proves
 * wrong is forgotten; what was shown is corrected as any shown prediction is, by mosh's reset.
 */
final class PromptTrust {
    /** How many prompts are remembered (the most recently proven). */
    static final int CAPACITY = 32;
    /**
     * The fewest columns a prompt takes ("$ ", "> "), so that a one-character command line such
     * as vim's or less's ':' (which echoes in vim, not in less) never counts as one.
     */
    static final int MIN_COLUMNS = 2;

    /** Oldest first. */
    private final LinkedHashSet<String> trusted = new LinkedHashSet<>();
    private String candidate;
    private long candidateEpoch;

    /**
     * The first printable key of the current epoch is being typed on a settled screen
     * {@code fb}: remembers the prompt it follows as the epoch's candidate, and confirms the
     * epoch at once if that prompt has echoed before.
     */
    void firstKey(Framebuffer fb, Predictions p) {
        if (!p.tentative()) {
            return; // shown anyway
        }
        String prompt = promptAt(fb);
        if (prompt == null) {
            return;
        }
        watch(prompt, p.predictionEpoch);
        if (trusted.contains(prompt)) {
            p.confirm(p.predictionEpoch);
        }
    }

    /** A prediction of {@code epoch} was correct: its prompt, if it had one, is trusted from now on. */
    void proven(long epoch) {
        if (candidate != null && epoch == candidateEpoch) {
            trusted.remove(candidate);
            trusted.add(candidate);
            if (trusted.size() > CAPACITY) {
                Iterator<String> oldest = trusted.iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** A prediction of {@code epoch} was wrong: its prompt, if it had one, is no longer trusted. */
    void disproven(long epoch) {
        if (candidate != null && epoch == candidateEpoch) {
            trusted.remove(candidate);
            candidate = null;
        }
    }

    /** Whether {@code prompt} is trusted (for tests). */
    boolean trusts(String prompt) {
        return trusted.contains(prompt);
    }

    /**
     * The predictions of {@code epoch} were made after {@code prompt} (its first key, or keys
     * placed there by {@link TypeAhead}): a correct one makes the prompt trusted, a wrong one
     * untrusted.
     */
    void watch(String prompt, long epoch) {
        candidate = prompt;
        candidateEpoch = epoch;
    }

    /**
     * The text left of the cursor on its row, blanks as spaces, if it is {@value #MIN_COLUMNS}
     * columns or more, holds something other than blanks, and nothing but blanks follows the
     * cursor; else null.
     */
    static String promptAt(Framebuffer fb) {
        int row = fb.cursorRow();
        int col = fb.cursorCol();
        if (col < MIN_COLUMNS || !blankFrom(fb, row, col)) {
            return null;
        }
        return textBefore(fb, row, col);
    }

    /** The text of columns 0 to {@code end} (excluded) of the row, blanks as spaces; null if all blank. */
    static String textBefore(Framebuffer fb, int row, int end) {
        StringBuilder text = new StringBuilder(end);
        boolean printed = false;
        for (int x = 0; x < end; x++) {
            Cell c = fb.cell(row, x);
            if (c.blank()) {
                text.append(' ');
            } else {
                text.append(c.text());
                printed = true;
            }
        }
        return printed ? text.toString() : null;
    }

    /** Whether the row is blank from column {@code col} to its end. */
    static boolean blankFrom(Framebuffer fb, int row, int col) {
        for (int x = col; x < fb.columns(); x++) {
            if (!fb.cell(row, x).blank()) {
                return false;
            }
        }
        return true;
    }
}
