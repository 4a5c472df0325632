package dev.jmosh.conformance.trace;

import dev.jmosh.conformance.trace.ScreenLog.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a replayed trace's display log against the reference screens and says, per keystroke,
 * when its effect was first shown and whether something wrong was shown (a misprediction).
 *
 * <p>The reference holds the screen settled after each keystroke ({@code truth[k]} after the
 * first k, typed one at a time with the display left to settle) and every screen seen while
 * each one settled. A keystroke's <em>effect</em> is the cells it changed, or its cursor move
 * when it changed no cell; one that changed neither (at a password prompt) has no visible
 * effect and no response time.
 *
 * <p><b>Response.</b> Keystroke k is shown at the first moment t, no earlier than its sending
 * and than the showing of the keystroke before it, at which every cell of its effect differs
 * from {@code truth[k-1]} and equals that cell in some {@code truth[j]}, k ≤ j ≤ the keystrokes
 * sent by t (a later keystroke may have replaced it already: a typist runs ahead of a slow
 * link, an editor batches typed-ahead keys). A keystroke never shown that way is counted apart.
 *
 * <p><b>Misprediction.</b> Whenever a cell changes on the display, its new text must be one that
 * cell had in a screen of the reference, settled or seen while settling, between the keystrokes
 * sent {@code window} before and those sent by then. Anything else was shown wrongly and is
 * charged to the last keystroke sent: a guess that the echo then corrects.
 */
public final class ResponseAnalysis {
    /** Keystroke {@code index} (1-based): visible effect, response in ns (-1: never shown), mispredicted. */
    public record KeyResult(int index, boolean visible, long responseNanos, boolean mispredicted) {
        public boolean shown() {
            return responseNanos >= 0;
        }
    }

    /** A cell shown with text no reference screen of the moment had, charged to keystroke {@code key}. */
    public record WrongCell(long nanos, int key, int row, int col, String shown) {
    }

    /** The outcome: one result per keystroke, in order, and every wrong cell shown. */
    public record Result(List<KeyResult> keys, List<WrongCell> wrong) {
    }

    private final List<Screen> truth;
    private final List<List<Screen>> seen;
    private final long[] sent;
    private final List<Snapshot> display;
    private final long window;

    /**
     * @param truth the reference screen before any keystroke, then after each
     * @param seen for each keystroke, the screens seen while it settled in the reference
     * @param sentNanos when each keystroke was sent in the replay
     * @param display the replay's display log
     * @param windowNanos how long the display may lag behind the keystrokes
     */
    private ResponseAnalysis(List<Screen> truth, List<List<Screen>> seen, long[] sentNanos, List<Snapshot> display,
                             long windowNanos) {
        if (truth.size() != sentNanos.length + 1 || seen.size() != sentNanos.length) {
            throw new IllegalArgumentException(truth.size() + " reference screens, " + seen.size()
                    + " settling logs for " + sentNanos.length + " keystrokes");
        }
        this.truth = truth;
        this.seen = seen;
        this.sent = sentNanos;
        this.display = display;
        this.window = windowNanos;
    }

    /** Analyses a replay; see the class comment. */
    public static Result analyse(List<Screen> truth, List<List<Screen>> seen, long[] sentNanos,
                                 List<Snapshot> display, long windowNanos) {
        ResponseAnalysis a = new ResponseAnalysis(truth, seen, sentNanos, display, windowNanos);
        List<WrongCell> wrong = a.wrongCells();
        boolean[] charged = new boolean[sentNanos.length + 1];
        wrong.forEach(w -> charged[w.key] = true);
        List<KeyResult> keys = new ArrayList<>();
        long chain = Long.MIN_VALUE;
        for (int k = 1; k <= sentNanos.length; k++) {
            int[] effect = a.effect(k);
            boolean cursorOnly = effect.length == 0;
            if (cursorOnly && truth.get(k).sameCursor(truth.get(k - 1))) {
                keys.add(new KeyResult(k, false, -1, charged[k]));
                continue;
            }
            long shownAt = a.shownAt(k, effect, Math.max(sentNanos[k - 1], chain));
            if (shownAt >= 0) {
                chain = shownAt;
            }
            keys.add(new KeyResult(k, true, shownAt < 0 ? -1 : shownAt - sentNanos[k - 1], charged[k]));
        }
        return new Result(List.copyOf(keys), List.copyOf(wrong));
    }

    /** The cells keystroke k changed in the reference. */
    private int[] effect(int k) {
        Screen before = truth.get(k - 1);
        Screen after = truth.get(k);
        List<Integer> cells = new ArrayList<>();
        for (int c = 0; c < after.size(); c++) {
            if (!after.cell(c).equals(before.cell(c))) {
                cells.add(c);
            }
        }
        return cells.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The keystrokes sent by {@code nanos}. */
    private int sentBy(long nanos) {
        int lo = 0; // sent is ascending: binary search for the first keystroke sent after nanos
        int hi = sent.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sent[mid] <= nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the snapshot shown at {@code nanos}: the last one taken by then (0 if none). */
    private int snapshotAt(long nanos) {
        int lo = 0;
        int hi = display.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (display.get(mid).nanos() <= nanos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** When keystroke k's effect was first shown, from {@code from} on; -1 if never. */
    private long shownAt(int k, int[] effect, long from) {
        for (int m = snapshotAt(from); m < display.size(); m++) {
            long t = Math.max(display.get(m).nanos(), from);
            if (shows(display.get(m).screen(), k, effect, sentBy(t))) {
                return t;
            }
        }
        return -1;
    }

    private boolean shows(Screen d, int k, int[] effect, int sentCount) {
        Screen before = truth.get(k - 1);
        if (effect.length == 0) {
            if (d.sameCursor(before)) {
                return false;
            }
            for (int j = k; j <= sentCount; j++) {
                if (d.sameCursor(truth.get(j))) {
                    return true;
                }
            }
            return false;
        }
        for (int c : effect) {
            String v = d.cell(c);
            if (v.equals(before.cell(c)) || !inTruth(c, v, k, sentCount)) {
                return false;
            }
        }
        return true;
    }

    private boolean inTruth(int c, String v, int from, int to) {
        for (int j = from; j <= to; j++) {
            if (truth.get(j).cell(c).equals(v)) {
                return true;
            }
        }
        return false;
    }

    private List<WrongCell> wrongCells() {
        List<WrongCell> wrong = new ArrayList<>();
        Screen prev = null;
        for (Snapshot s : display) {
            Screen d = s.screen();
            int hi = sentBy(s.nanos());
            int lo = sentBy(s.nanos() - window);
            for (int c = 0; c < d.size(); c++) {
                String v = d.cell(c);
                if ((prev == null || !v.equals(prev.cell(c))) && !legitimate(c, v, lo, hi)) {
                    wrong.add(new WrongCell(s.nanos(), hi, c / d.columns, c % d.columns, v));
                }
            }
            prev = d;
        }
        return wrong;
    }

    private boolean legitimate(int c, String v, int lo, int hi) {
        if (inTruth(c, v, lo, hi)) {
            return true;
        }
        for (int j = Math.max(lo, 1); j <= hi; j++) {
            for (Screen x : seen.get(j - 1)) {
                if (x.cell(c).equals(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
