package dev.jmosh.vt.internal.screen;

/**
 * Equality of screens as a peer sees them: exactly the state that mosh's
 * {@code Display::new_frame} can transmit, so that applying {@code diff(a, b)} to a copy of
 * {@code a} gives a screen equal to {@code b}.
 *
 * <p>Compared: size; every visible cell's text, wide flag, rendition and hyperlink (by value);
 * soft-wrap flags of all rows but the bottom one; cursor position, visibility and style; current
 * rendition; reverse video, bracketed paste, mouse reporting, focus, encoding and
 * alternate-scroll modes; window title, icon name, clipboard and bell count. Only the screen
 * that is shown counts, whether primary or alternate.
 *
 * <p>Normalised as a drawn screen would be: an empty cell equals a space; a fallback cell
 * (marks only) equals a cell holding U+00A0 followed by the same marks; the cell after a wide
 * character is covered by it and never compared.
 *
 * <p>Not compared (hidden state, as in mosh): origin, autowrap, insert and cursor-key modes,
 * margins, tab stops, the saved cursor, deferred wrap, row generations, and the bottom row's
 * soft-wrap flag, which no diff can set without scrolling. Beyond mosh, also hidden: whether the
 * alternate screen is shown, the primary screen kept behind it and the cursor ?1049 saved,
 * character sets, and the hyperlink that printing would attach (a diff attaches links to the
 * cells it draws and always ends with none).
 */
public final class ScreenEquality {
    private static final int SPACE = 0x20;
    private static final int NBSP = 0xA0;

    private ScreenEquality() {
    }

    /** Returns whether two screens look the same to a peer. */
    public static boolean equal(Screen a, Screen b) {
        if (a == b) {
            return true;
        }
        DrawState x = a.ds();
        DrawState y = b.ds();
        if (x.width() != y.width() || x.height() != y.height()
                || x.cursorRow() != y.cursorRow() || x.cursorCol() != y.cursorCol()
                || x.cursorVisible != y.cursorVisible || x.rendition() != y.rendition()
                || x.cursorStyle != y.cursorStyle
                || x.reverseVideo != y.reverseVideo || x.bracketedPaste != y.bracketedPaste
                || x.mouseReportingMode != y.mouseReportingMode
                || x.mouseFocusEvent != y.mouseFocusEvent
                || x.mouseAlternateScroll != y.mouseAlternateScroll
                || x.mouseEncodingMode != y.mouseEncodingMode
                || a.bellCount() != b.bellCount()
                || !a.windowTitle().equals(b.windowTitle())
                || !a.iconName().equals(b.iconName())
                || !a.clipboard().equals(b.clipboard())) {
            return false;
        }
        int last = x.height() - 1;
        for (int i = 0; i <= last; i++) {
            if (!rowsEqual(a.row(i), b.row(i), i != last)) {
                return false;
            }
        }
        return true;
    }

    /** Returns a hash code consistent with {@link #equal}. */
    public static int hash(Screen s) {
        DrawState d = s.ds();
        int h = d.width() * 31 + d.height();
        h = h * 31 + d.cursorRow() * 1009 + d.cursorCol();
        h = h * 31 + Long.hashCode(d.rendition());
        h = h * 31 + s.bellCount();
        h = h * 31 + s.windowTitle().hashCode();
        int last = d.height() - 1;
        for (int i = 0; i <= last; i++) {
            Row r = s.row(i);
            h = h * 31 + (i != last && r.wrap() ? 1 : 0);
            for (int col = 0; col < r.width(); col += r.cellWidth(col)) {
                h = h * 31 + Long.hashCode(r.rendition(col)) + (r.isWide(col) ? 7 : 0);
                String link = r.link(col);
                if (link != null) {
                    h = h * 31 + link.hashCode();
                }
                int n = normalizedLength(r, col);
                for (int k = 0; k < n; k++) {
                    h = h * 31 + normalizedAt(r, col, k);
                }
            }
        }
        return h;
    }

    /** Returns whether two rows look the same, optionally ignoring their soft-wrap flags. */
    public static boolean rowsEqual(Row a, Row b, boolean compareWrap) {
        if (a == b) {
            return true;
        }
        if (a.width() != b.width() || (compareWrap && a.wrap() != b.wrap())) {
            return false;
        }
        for (int col = 0; col < a.width(); col += a.cellWidth(col)) {
            if (!cellsEqual(a, b, col)) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether cell {@code col} looks the same in both rows (text normalised). */
    public static boolean cellsEqual(Row a, Row b, int col) {
        if (a.rendition(col) != b.rendition(col) || a.isWide(col) != b.isWide(col)
                || !a.sameLink(col, b)) {
            return false;
        }
        int n = normalizedLength(a, col);
        if (n != normalizedLength(b, col)) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (normalizedAt(a, col, k) != normalizedAt(b, col, k)) {
                return false;
            }
        }
        return true;
    }

    private static int normalizedLength(Row r, int col) {
        if (r.isEmpty(col)) {
            return 1;
        }
        int[] m = r.marks(col);
        return (r.isFallback(col) ? 2 : 1) + (m == null ? 0 : m.length);
    }

    private static int normalizedAt(Row r, int col, int k) {
        if (r.isEmpty(col)) {
            return SPACE;
        }
        if (r.isFallback(col)) {
            if (k == 0) {
                return NBSP;
            }
            k--;
        }
        return k == 0 ? r.base(col) : r.marks(col)[k - 1];
    }
}
