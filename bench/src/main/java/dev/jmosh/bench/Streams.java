package dev.jmosh.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The byte streams the emulator benchmarks feed, about 1 MiB each, seeded so every run parses
 * the same bytes: (a) plain ASCII lines, (b) SGR and 256-colour heavy output (like
 * {@code ls --color}), (c) CJK wide text, (d) full-screen cursor-addressed redraws (like
 * {@code top}).
 */
final class Streams {
    static final int SIZE = 1 << 20;

    private Streams() {
    }

    static byte[] ascii() {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder(SIZE + 200);
        while (sb.length() < SIZE) {
            int len = 20 + r.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append((char) (r.nextInt(6) == 0 ? ' ' : 'a' + r.nextInt(26)));
            }
            sb.append("\r\n");
        }
        return trim(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sgr() {
        SplittableRandom r = new SplittableRandom(2);
        StringBuilder sb = new StringBuilder(SIZE + 200);
        while (sb.length() < SIZE) {
            for (int word = 0; word < 6; word++) {
                switch (r.nextInt(4)) {
                    case 0 -> sb.append("\033[1;3").append(r.nextInt(8)).append('m');
                    case 1 -> sb.append("\033[38;5;").append(r.nextInt(256)).append('m');
                    case 2 -> sb.append("\033[48;5;").append(r.nextInt(256)).append(";38;5;").append(r.nextInt(256)).append('m');
                    default -> sb.append("\033[0;4;3").append(r.nextInt(8)).append('m');
                }
                int len = 3 + r.nextInt(10);
                for (int i = 0; i < len; i++) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
                sb.append("\033[0m ");
            }
            sb.append("\r\n");
        }
        return trim(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] cjk() {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder(SIZE / 2);
        int bytes = 0;
        while (bytes < SIZE) {
            int len = 10 + r.nextInt(28);
            for (int i = 0; i < len; i++) {
                sb.append((char) (0x4E00 + r.nextInt(0x5000)));
            }
            sb.append("\r\n");
            bytes += len * 3 + 2;
        }
        return trim(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** top-like: home, then 24 rows each addressed, coloured header, clear to end of line. */
    static byte[] redraw() {
        SplittableRandom r = new SplittableRandom(4);
        StringBuilder sb = new StringBuilder(SIZE + 4000);
        while (sb.length() < SIZE) {
            sb.append("\033[H");
            for (int row = 1; row <= 24; row++) {
                sb.append("\033[").append(row).append(";1H");
                if (row == 7) {
                    sb.append("\033[7m  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND \033[m");
                } else {
                    sb.append(String.format("%5d root      20   0 %7d %6d %6d S %5.1f %5.1f   0:%02d.%02d java",
                            1 + r.nextInt(30000), r.nextInt(9_999_999), r.nextInt(999_999), r.nextInt(99_999),
                            r.nextDouble() * 100, r.nextDouble() * 10, r.nextInt(60), r.nextInt(100)));
                    sb.append("\033[K");
                }
            }
        }
        return trim(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] trim(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE);
        out.write(b, 0, Math.min(b.length, SIZE));
        return out.toByteArray();
    }
}
