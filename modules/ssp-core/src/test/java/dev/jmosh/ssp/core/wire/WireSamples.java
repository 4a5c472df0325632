package dev.jmosh.ssp.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of inputs for the randomized wire tests: random bytes, valid mosh messages,
 * and edits of them. Every method draws only from the {@link SplittableRandom} it is given, so a
 * seed determines its output. Edge values (empty and longest arrays, 0, -1, the extremes of int
 * and long) come up more often than uniform draws would give them.
 */
final class WireSamples {
    private static final int[] INT_EDGES = {0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONG_EDGES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE};

    private WireSamples() {
    }

    /** Random bytes, 0 to {@code maxLength} of them. */
    static byte[] bytes(SplittableRandom r, int maxLength) {
        byte[] b = new byte[length(r, maxLength)];
        r.nextBytes(b);
        return b;
    }

    /** Byte arrays that compress well or badly: random bytes, or runs of a few values. */
    static byte[] payloads(SplittableRandom r, int maxLength) {
        if (r.nextBoolean()) {
            return bytes(r, maxLength);
        }
        byte[] b = new byte[length(r, maxLength)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + r.nextInt(4));
        }
        return b;
    }

    /** Any int, with edge values favoured. */
    static int anyInt(SplittableRandom r) {
        return r.nextInt(8) == 0 ? INT_EDGES[r.nextInt(INT_EDGES.length)] : r.nextInt();
    }

    /** Any long, with edge values favoured. */
    static long anyLong(SplittableRandom r) {
        return r.nextInt(8) == 0 ? LONG_EDGES[r.nextInt(LONG_EDGES.length)] : r.nextLong();
    }

    /** An int in {@code min..max}, both included, with the bounds favoured. */
    static int intBetween(SplittableRandom r, int min, int max) {
        return switch (r.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            default -> r.nextInt(min, max + 1);
        };
    }

    /** A long in {@code min..max}, both included, with the bounds favoured. */
    static long longBetween(SplittableRandom r, long min, long max) {
        return switch (r.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            default -> max < Long.MAX_VALUE ? r.nextLong(min, max + 1)
                    : min > Long.MIN_VALUE ? r.nextLong(min - 1, max) + 1 : r.nextLong();
        };
    }

    /** A uint64 field as mosh sends it: small sequence numbers, any 64 bits, or -1 and 0. */
    static long unsigned64(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> longBetween(r, 0, 1000);
            case 1 -> anyLong(r);
            default -> r.nextBoolean() ? -1L : 0L;
        };
    }

    /** An instruction with any header, a diff of up to {@code maxDiff} bytes and up to 16 bytes of chaff. */
    static Instruction instruction(SplittableRandom r, int maxDiff) {
        int protocolVersion = r.nextBoolean() ? Instruction.PROTOCOL_VERSION : anyInt(r);
        return new Instruction(protocolVersion, unsigned64(r), unsigned64(r), unsigned64(r), unsigned64(r),
                payloads(r, maxDiff), bytes(r, 16));
    }

    /** A user message of up to 8 keystrokes and resizes. */
    static UserMessage userMessage(SplittableRandom r) {
        int n = length(r, 8);
        List<UserMessage.Element> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            elements.add(r.nextBoolean() ? new UserMessage.Keystroke(payloads(r, 50))
                    : new UserMessage.Resize(anyInt(r), anyInt(r)));
        }
        return new UserMessage(elements);
    }

    /** A host message of up to 5 host bytes, resizes and echo acks. */
    static HostMessage hostMessage(SplittableRandom r) {
        int n = length(r, 5);
        List<HostMessage.Element> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            elements.add(switch (r.nextInt(3)) {
                case 0 -> new HostMessage.HostBytes(payloads(r, 200));
                case 1 -> new HostMessage.Resize(anyInt(r), anyInt(r));
                default -> new HostMessage.EchoAck(unsigned64(r));
            });
        }
        return new HostMessage(elements);
    }

    /** A valid encoding of any of the three messages. */
    static byte[] validEncoding(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> instruction(r, 100).encode();
            case 1 -> userMessage(r).encode();
            default -> hostMessage(r).encode();
        };
    }

    /** A fragment of id 0 to 2 and number 0 to 5 with up to 20 bytes: many collide in one assembly. */
    static Fragment collidingFragment(SplittableRandom r) {
        return new Fragment(longBetween(r, 0, 2), intBetween(r, 0, 5), r.nextBoolean(), bytes(r, 20));
    }

    /** A copy of {@code data} with 1 to 4 edits: flipped, overwritten, inserted or deleted bytes, or a truncation. */
    static byte[] mutated(SplittableRandom r, byte[] data) {
        byte[] b = data.clone();
        int edits = r.nextInt(1, 5);
        for (int e = 0; e < edits; e++) {
            int kind = r.nextInt(5);
            int where = r.nextInt(Integer.MAX_VALUE);
            int value = r.nextInt(256);
            int at = b.length == 0 ? 0 : where % b.length;
            switch (kind) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << (value & 7));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[at] = (byte) value;
                    }
                }
                case 2 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) value;
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 3 -> {
                    if (b.length > 0) {
                        byte[] c = new byte[b.length - 1];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                        b = c;
                    }
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    /** Shuffles {@code list} in place (Fisher-Yates). */
    static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }

    /** A length in {@code 0..max}: 0 and {@code max} favoured, otherwise uniform. */
    private static int length(SplittableRandom r, int max) {
        return switch (r.nextInt(16)) {
            case 0 -> 0;
            case 1 -> max;
            default -> r.nextInt(max + 1);
        };
    }
}
