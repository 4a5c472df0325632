package dev.jmosh.vt.internal.handler;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable table from an integer key to a control function, with mosh's
 * {@code clears_wrap_state} flag and the function's {@link Origin}. Mirrors mosh's
 * {@code DispatchRegistry}: the dispatcher performs exactly what is registered, so the table is
 * also the authoritative list of what the emulator understands ({@link Catalog}).
 *
 * <p>Built once, at class initialisation; lookups allocate nothing: an array index for keys
 * below {@value #DIRECT} (controls, SGR numbers, CSI finals without marker), else a binary
 * search.
 *
 * @param <F> the function type
 */
final class FunctionTable<F> {
    private static final int DIRECT = 256;
    private final int[] direct = new int[DIRECT]; // key -> index, -1 if absent

    {
        Arrays.fill(direct, -1);
    }
    private int[] keys = new int[0];
    private Object[] functions = new Object[0];
    private boolean[] clearsWrap = new boolean[0];
    private Origin[] origins = new Origin[0];

    /**
     * Registers a function (build time only).
     *
     * @throws IllegalStateException if the key is taken
     */
    FunctionTable<F> add(int key, Origin origin, boolean clears, F function) {
        int at = Arrays.binarySearch(keys, key);
        if (at >= 0) {
            throw new IllegalStateException("key registered twice: " + key);
        }
        int i = -at - 1;
        keys = insert(keys, i, key);
        functions = insert(functions, i, function);
        origins = insert(origins, i, origin);
        boolean[] c = new boolean[clearsWrap.length + 1];
        System.arraycopy(clearsWrap, 0, c, 0, i);
        System.arraycopy(clearsWrap, i, c, i + 1, clearsWrap.length - i);
        c[i] = clears;
        clearsWrap = c;
        Arrays.fill(direct, -1);
        for (int k = 0; k < keys.length && keys[k] < DIRECT; k++) {
            if (keys[k] >= 0) {
                direct[keys[k]] = k;
            }
        }
        return this;
    }

    private static int[] insert(int[] a, int i, int v) {
        int[] b = new int[a.length + 1];
        System.arraycopy(a, 0, b, 0, i);
        System.arraycopy(a, i, b, i + 1, a.length - i);
        b[i] = v;
        return b;
    }

    private static <T> T[] insert(T[] a, int i, T v) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, i, b, i + 1, a.length - i);
        b[i] = v;
        return b;
    }

    /** Returns the index of {@code key}, or -1 if nothing is registered under it. */
    int find(int key) {
        if (key >= 0 && key < DIRECT) {
            return direct[key];
        }
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? -1 : i;
    }

    /** Returns the function at an index from {@link #find}. */
    @SuppressWarnings("unchecked")
    F function(int index) {
        return (F) functions[index];
    }

    /** Returns whether the function at an index cancels deferred wrap first. */
    boolean clearsWrap(int index) {
        return clearsWrap[index];
    }

    /** Returns every key with its origin, in key order. */
    Map<Integer, Origin> origins() {
        Map<Integer, Origin> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], origins[i]);
        }
        return m;
    }
}
