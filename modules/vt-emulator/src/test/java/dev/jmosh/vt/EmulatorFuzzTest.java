package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: no input makes the emulator throw or leave an inconsistent screen. */
class EmulatorFuzzTest {
    private static final int SEEDS = 3000;

    @Test
    void structuredRandomInputKeepsScreenConsistent() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random rnd = new Random(seed);
            int w = 1 + rnd.nextInt(30);
            int h = 1 + rnd.nextInt(12);
            Emulator e = new Emulator(w, h);
            RandomInput in = new RandomInput(rnd, true, true);
            for (int step = 0; step < 6; step++) {
                byte[] bytes = in.next(40, w, h);
                int split = rnd.nextInt(bytes.length + 1);
                e.write(bytes, 0, split);
                e.write(bytes, split, bytes.length - split);
                if (rnd.nextInt(6) == 0) {
                    w = 1 + rnd.nextInt(30);
                    h = 1 + rnd.nextInt(12);
                    e.resize(w, h);
                }
                check(e, w, h, seed);
            }
        }
    }

    @Test
    void arbitraryBytesNeverThrow() {
        Random rnd = new Random(42);
        for (int run = 0; run < 2000; run++) {
            int w = 1 + rnd.nextInt(20);
            int h = 1 + rnd.nextInt(8);
            Emulator e = new Emulator(w, h);
            byte[] bytes = new byte[1 + rnd.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                int k = rnd.nextInt(10);
                bytes[i] = (byte) (k < 3 ? rnd.nextInt(256) : k < 5 ? "\033[;?0123456789:m\u0007"
                        .charAt(rnd.nextInt(17)) : k < 7 ? 0x80 + rnd.nextInt(64) : 0x20 + rnd.nextInt(95));
            }
            e.write(bytes);
            check(e, w, h, run);
        }
    }

    /**
     * Eight million hostile bytes (random bytes, unterminated OSC/DCS strings, endless CSI
     * parameters, link and title floods, broken UTF-8) into one session: nothing throws and every
     * bound holds (title 256 code points, clipboard 16 KiB, cell text 32 bytes, 1024 links).
     */
    @Test
    void millionsOfHostileBytesStayWithinBounds() {
        Random rnd = new Random(7);
        Emulator e = new Emulator(80, 24);
        String[] openers = {"\033]0;", "\033]52;c;", "\033]8;;http://x/", "\033P", "\033[", "\033[?",
            "\033]8;id=", "\033_", "\033X", "\033^"};
        long total = 0;
        int chunks = 0;
        while (total < 8_000_000) {
            byte[] chunk = new byte[1 + rnd.nextInt(64 * 1024)];
            int i = 0;
            while (i < chunk.length) {
                int k = rnd.nextInt(100);
                if (k < 3) {
                    byte[] o = openers[rnd.nextInt(openers.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    int n = Math.min(o.length, chunk.length - i);
                    System.arraycopy(o, 0, chunk, i, n);
                    i += n;
                } else if (k < 40) {
                    chunk[i++] = (byte) rnd.nextInt(256);
                } else if (k < 55) {
                    chunk[i++] = (byte) "0123456789;:".charAt(rnd.nextInt(12));
                } else {
                    chunk[i++] = (byte) (0x20 + rnd.nextInt(95));
                }
            }
            e.write(chunk);
            total += chunk.length;
            if (++chunks % 16 == 0) {
                Framebuffer fb = e.framebuffer();
                assertThat(fb.windowTitle().codePointCount(0, fb.windowTitle().length())).isLessThanOrEqualTo(256);
                assertThat(fb.clipboard().length()).isLessThanOrEqualTo(16 * 1024);
                java.util.Set<String> links = new java.util.HashSet<>();
                for (int r = 0; r < 24; r++) {
                    for (int c = 0; c < 80; c++) {
                        if (fb.cell(r, c).link() != null) {
                            links.add(fb.cell(r, c).link());
                        }
                    }
                }
                assertThat(links.size()).isLessThanOrEqualTo(1024);
                check(e, 80, 24, chunks);
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(8_000_000);
    }

    @Test
    void hugeParametersAreCheap() {
        Emulator e = new Emulator(200, 100);
        String heavy = "\033[65535@\033[65535P\033[65535L\033[65535M\033[65535X\033[65535I\033[65535Z"
                + "\033[65535S\033[65535T\033[65535;65535H\033[99999999999999999999999999C";
        byte[] bytes = heavy.repeat(2000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        e.write(bytes);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        check(e, 200, 100, -1);
    }

    static void check(Emulator e, int w, int h, int seed) {
        Framebuffer fb = e.framebuffer();
        assertThat(fb.columns()).as("seed %d", seed).isEqualTo(w);
        assertThat(fb.rows()).as("seed %d", seed).isEqualTo(h);
        assertThat(fb.cursorRow()).as("seed %d", seed).isBetween(0, h - 1);
        assertThat(fb.cursorCol()).as("seed %d", seed).isBetween(0, w - 1);
        for (int r = 0; r < h; r++) {
            assertThat(fb.rowText(r).codePoints().count()).as("seed %d", seed).isGreaterThanOrEqualTo(0);
            for (int c = 0; c < w; c++) {
                Cell cell = fb.cell(r, c);
                assertThat(cell.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .as("seed %d", seed).isLessThanOrEqualTo(32 + 3);
                if (cell.fallback()) {
                    assertThat(cell.text()).isNotEmpty();
                }
            }
        }
        Framebuffer copy = fb.copy();
        assertThat(copy).isEqualTo(fb);
        assertThat(copy.hashCode()).isEqualTo(fb.hashCode());
        Emulator ec = e.copy();
        assertThat(ec).isEqualTo(e);
    }
}
