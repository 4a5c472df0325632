package dev.jmosh.vt.internal.screen;

import java.util.Arrays;

/**
 * Tab stops of a screen (mosh {@code DrawState::tabs}): every {@value #DEFAULT_INTERVAL}th column
 * at power-on; HTS sets one, TBC clears one or all. Once all were cleared, widening the screen
 * no longer adds default stops.
 */
final class TabStops {
    /** Tab stops fall on every {@value}th column by default. */
    static final int DEFAULT_INTERVAL = 8;

    private boolean defaults = true;
    private boolean[] stops;

    TabStops(int width) {
        stops = new boolean[width];
        fillDefaults(0);
    }

    TabStops copy() {
        TabStops c = new TabStops(0);
        c.defaults = defaults;
        c.stops = stops.clone();
        return c;
    }

    private void fillDefaults(int start) {
        for (int i = start; i < stops.length; i++) {
            stops[i] = i % DEFAULT_INTERVAL == 0;
        }
    }

    void set(int col) {
        stops[col] = true;
    }

    void clear(int col) {
        stops[col] = false;
    }

    void clearAll() {
        defaults = false;
        Arrays.fill(stops, false);
    }

    /** Back to the power-on stops. */
    void reset() {
        defaults = true;
        fillDefaults(0);
    }

    /** Adapts to a new width: default stops extend to new columns unless all were cleared. */
    void resize(int newWidth) {
        int oldWidth = stops.length;
        stops = Arrays.copyOf(stops, newWidth);
        if (defaults) {
            fillDefaults(oldWidth);
        }
    }

    /**
     * Returns the column of the {@code count}th stop right of {@code col} (count &gt; 0), or -1 if
     * there is none; for count &lt; 0, the {@code -count}th stop to the left, or 0.
     */
    int next(int col, int count) {
        if (count >= 0) {
            for (int i = col + 1; i < stops.length; i++) {
                if (stops[i] && --count == 0) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = col - 1; i > 0; i--) {
            if (stops[i] && ++count == 0) {
                return i;
            }
        }
        return 0;
    }
}
