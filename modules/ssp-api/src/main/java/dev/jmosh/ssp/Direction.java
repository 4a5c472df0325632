package dev.jmosh.ssp;

/**
 * Which way a datagram travels. The direction is the top bit of the 64-bit clear nonce, which
 * keeps the two endpoints' nonces disjoint although they share one key (mosh {@code Direction}).
 */
public enum Direction {
    /** Client to server: bit 63 clear. */
    TO_SERVER(0),
    /** Server to client: bit 63 set. */
    TO_CLIENT(1);

    private final int bit;

    Direction(int bit) {
        this.bit = bit;
    }

    /** The value of nonce bit 63 for this direction. */
    public int bit() {
        return bit;
    }

    /** The direction whose bit is {@code bit} (0 or 1). */
    public static Direction ofBit(long bit) {
        return bit == 0 ? TO_SERVER : TO_CLIENT;
    }

    /** The other direction. */
    public Direction reverse() {
        return this == TO_SERVER ? TO_CLIENT : TO_SERVER;
    }
}
