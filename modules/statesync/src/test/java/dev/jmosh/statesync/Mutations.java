package dev.jmosh.statesync;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded edits of valid encodings: bit flips, truncation, extension, insertion, deletion, duplication. */
final class Mutations {
    private Mutations() {
    }

    /** One to three random edits of a copy of {@code valid}. */
    static byte[] mutate(SplittableRandom r, byte[] valid) {
        byte[] b = valid.clone();
        for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
            b = edit(r, b);
        }
        return b;
    }

    private static byte[] edit(SplittableRandom r, byte[] b) {
        switch (b.length == 0 ? 2 : r.nextInt(6)) {
            case 0 -> { // flip a bit
                byte[] c = b.clone();
                c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> { // truncate
                return Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 2 -> { // extend with random bytes
                byte[] c = Arrays.copyOf(b, b.length + 1 + r.nextInt(16));
                for (int i = b.length; i < c.length; i++) {
                    c[i] = (byte) r.nextInt(256);
                }
                return c;
            }
            case 3 -> { // insert one random byte
                int at = r.nextInt(b.length + 1);
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                return c;
            }
            case 4 -> { // delete a range
                int from = r.nextInt(b.length);
                int to = from + 1 + r.nextInt(Math.min(8, b.length - from));
                byte[] c = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, c, 0, from);
                System.arraycopy(b, to, c, from, b.length - to);
                return c;
            }
            default -> { // set a byte to an edge value
                byte[] c = b.clone();
                byte[] edges = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF};
                c[r.nextInt(c.length)] = edges[r.nextInt(edges.length)];
                return c;
            }
        }
    }
}
