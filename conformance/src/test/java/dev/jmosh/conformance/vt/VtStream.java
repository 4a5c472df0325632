package dev.jmosh.conformance.vt;

import java.nio.charset.StandardCharsets;

/**
 * One byte stream of a corpus, replayed into a terminal of {@code columns} x {@code rows}.
 * {@code name} is unique within its corpus and is the key of the divergence allow-lists.
 */
record VtStream(String name, int columns, int rows, byte[] bytes) {

    static VtStream of(String name, int columns, int rows, String text) {
        return new VtStream(name, columns, rows, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes with ESC, controls and non-ASCII escaped, for reports (at most {@code max} bytes). */
    String escaped(int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int c = bytes[i] & 0xFF;
            if (c == 0x1B) {
                b.append("\\e");
            } else if (c == '\\') {
                b.append("\\\\");
            } else if (c < 0x20 || c >= 0x7F) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append((char) c);
            }
        }
        return b.append(bytes.length > max ? "..." : "").toString();
    }

    @Override
    public String toString() {
        return name + " (" + columns + "x" + rows + ", " + bytes.length + " bytes)";
    }
}
