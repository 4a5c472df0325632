package dev.jmosh.ssp.core.wire;

import java.util.HexFormat;

/** Readable renderings of byte arrays for the {@code toString} of wire records. */
final class ByteArrays {
    /** Bytes shown before a rendering is cut short. */
    private static final int SHOWN_BYTES = 64;
    static final byte[] EMPTY = new byte[0];

    private ByteArrays() {
    }

    /** Lower-case hex, cut after {@value #SHOWN_BYTES} bytes. */
    static String hex(byte[] b) {
        int n = Math.min(b.length, SHOWN_BYTES);
        return HexFormat.of().formatHex(b, 0, n) + more(b.length - n);
    }

    /** A quoted string with C escapes for control and non-ASCII bytes, cut after {@value #SHOWN_BYTES} bytes. */
    static String quote(byte[] b) {
        int n = Math.min(b.length, SHOWN_BYTES);
        StringBuilder s = new StringBuilder(n + 2).append('"');
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            switch (c) {
                case '\r' -> s.append("\\r");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        s.append((char) c);
                    } else {
                        s.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return s.append('"').append(more(b.length - n)).toString();
    }

    private static String more(int hidden) {
        return hidden == 0 ? "" : "...(+" + hidden + " bytes)";
    }
}
