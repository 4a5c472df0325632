package dev.jmosh.vt.internal.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The authoritative list of what the emulator performs, read from the function tables the
 * {@link Dispatcher} runs, so that documentation checked against it cannot drift. Each entry
 * is a canonical name and its {@link Origin}:
 * <ul>
 *   <li>{@code C0 0x07}, {@code C1 0x84}: controls (C1 also as {@code ESC} plus 0x40..0x5F);</li>
 *   <li>{@code ESC 7}, {@code ESC # 8}, {@code ESC ( 0}: escape sequences;</li>
 *   <li>{@code CSI A}, {@code CSI ? h}, {@code CSI SP q}: control sequences by private marker or
 *       intermediate and final character;</li>
 *   <li>{@code SM 4}, {@code DECSET 1049}: modes;</li>
 *   <li>{@code SGR 1}, {@code SGR 38}: rendition numbers, {@code SGR 38:} and {@code SGR 4:}
 *       the colon forms;</li>
 *   <li>{@code OSC 0}, {@code OSC 8}: operating system commands.</li>
 * </ul>
 */
public final class Catalog {
    /** One supported function. */
    public record Entry(String name, Origin origin) {
    }

    private Catalog() {
    }

    /** Returns every function the emulator performs, grouped by kind, in key order. */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        ControlHandler.TABLE.origins().forEach((k, o) ->
                out.add(new Entry(String.format("%s 0x%02X", k < 0x80 ? "C0" : "C1", k), o)));
        add(out, "ESC", EscFunctions.TABLE.origins(), true);
        add(out, "CSI", CsiFunctions.TABLE.origins(), true);
        add(out, "SM", ModeHandler.ANSI.origins(), false);
        add(out, "DECSET", ModeHandler.PRIVATE.origins(), false);
        add(out, "SGR", SgrTable.TABLE.origins(), false);
        out.add(new Entry("SGR 38", Origin.MOSH));
        out.add(new Entry("SGR 48", Origin.MOSH));
        out.add(new Entry("SGR 38:", Origin.BEYOND_MOSH));
        out.add(new Entry("SGR 48:", Origin.BEYOND_MOSH));
        out.add(new Entry("SGR 4:", Origin.BEYOND_MOSH));
        add(out, "OSC", OscHandler.TABLE.origins(), false);
        return out;
    }

    private static void add(List<Entry> out, String kind, Map<Integer, Origin> table, boolean characters) {
        table.forEach((key, origin) -> out.add(new Entry(kind + " " + (characters ? spell(key) : key), origin)));
    }

    /** Spells a marker/intermediate plus final key: {@code "? h"}, {@code "SP q"}, {@code "A"}. */
    private static String spell(int key) {
        int marker = key >>> 8;
        int fc = key & 0xFF;
        String f = fc == '`' ? "0x60" : String.valueOf((char) fc); // a backtick cannot sit in Markdown code
        if (marker == 0) {
            return f;
        }
        return (marker == ' ' ? "SP" : String.valueOf((char) marker)) + " " + f;
    }
}
