package dev.jmosh.ssp.core.wire;

import java.util.HexFormat;

/** Hex dumps in tests: spaces and brackets are ignored, as in mosh-protocol.md. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String dump) {
        return HexFormat.of().parseHex(dump.replaceAll("[\\s\\[\\]|]", ""));
    }

    static String dump(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }
}
