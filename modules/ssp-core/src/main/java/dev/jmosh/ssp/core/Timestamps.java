package dev.jmosh.ssp.core;

/**
 * mosh's 16-bit millisecond timestamps carried in every datagram: the sender's clock modulo
 * 65536, with 0xFFFF reserved for "none" (mosh {@code timestamp16}, {@code timestamp_diff}).
 */
final class Timestamps {
    /** The wire value meaning "no timestamp". */
    public static final int NONE = 0xFFFF;

    private Timestamps() {
    }

    /** The 16-bit wire form of a millisecond clock reading; 0xFFFF becomes 0. */
    public static int ts16(long millis) {
        int ts = (int) (millis & 0xFFFF);
        return ts == NONE ? 0 : ts;
    }

    /** {@code newer - older} modulo 65536, in milliseconds. */
    public static int diff(int newer, int older) {
        return (newer - older) & 0xFFFF;
    }
}
