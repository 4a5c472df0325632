package dev.jmosh.vt;

import java.nio.charset.StandardCharsets;

/** Test helpers: feed strings to emulators and read screens back. */
final class Term {
    static final String ESC = "\033";
    static final String CSI = "\033[";

    private Term() {
    }

    /** Returns an emulator of the given size fed with {@code input} (UTF-8). */
    static Emulator emu(int columns, int rows, String input) {
        Emulator e = new Emulator(columns, rows);
        feed(e, input);
        return e;
    }

    static void feed(Emulator e, String input) {
        e.write(input.getBytes(StandardCharsets.UTF_8));
    }

    static String row(Emulator e, int row) {
        return e.framebuffer().rowText(row);
    }

    /** Returns all rows as drawn, joined by newlines, trailing blanks trimmed per row. */
    static String screen(Emulator e) {
        Framebuffer fb = e.framebuffer();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fb.rows(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(fb.rowText(i).replaceAll("\\s+$", ""));
        }
        return b.toString();
    }

    static int[] cursor(Emulator e) {
        return new int[] {e.framebuffer().cursorRow(), e.framebuffer().cursorCol()};
    }

    /** Returns {@code s} with controls spelled out: ESC as \\e, CR \\r, LF \\n, BS \\b, BEL \\a. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case 033: b.append("\\e"); break;
                case '\r': b.append("\\r"); break;
                case '\n': b.append("\\n"); break;
                case '\b': b.append("\\b"); break;
                case 7: b.append("\\a"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Applies a diff as a mosh client does: resize first if the size changed, then the bytes. */
    static void apply(Emulator receiver, Framebuffer to, byte[] diff) {
        Framebuffer fb = receiver.framebuffer();
        if (fb.columns() != to.columns() || fb.rows() != to.rows()) {
            receiver.resize(to.columns(), to.rows());
        }
        receiver.write(diff);
    }

    /** Returns a client-side emulator showing {@code target}: a blank one fed the initial diff. */
    static Emulator receiverOf(Framebuffer target) {
        Emulator r = new Emulator(target.columns(), target.rows());
        apply(r, target, FrameDiff.diff(r.framebuffer().copy(), target));
        return r;
    }
}
