package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.screen.ScreenEquality;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: {@link Emulator#write} (which prints runs of ASCII text a row segment at a time,
 * decodes whole UTF-8 sequences itself and recycles rows that scroll away) leaves exactly the state that feeding the same bytes one at a
 * time through the decoder and parser ({@link Emulator#writeBytewise}) leaves, hidden state
 * included; and framebuffer copies taken along the way never change afterwards.
 */
class FastPathPropertyTest {
    private static final int SEEDS = Integer.getInteger("soak", 1) * 1000;
    private static final String[] EXTRA = {
        "\033[4h", "\033[4l", "\033[?7l", "\033[?7h", "\033[?6h", "\033[?6l", "\033(0", "\033(B",
        "\033N", "\016", "\017", "\033]8;;http://x/\007", "\033]8;;\007", "\u0301", "\u4e2d",
        "\033[2;3r", "\033[r", "\033[44m", "\033[0m", "\r\n", "\n", "\033M", "\033[3L", "\033[2M",
        "\033[?1;?2h", "\033[1 ;2m", "\033[1\n2m", "\033[1\0332m", "\033[38:5:1m", "\033[>c", "\033[ q",
        "\033[!p", "\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30m",
        "\033[\u00e9m", "\033[1\u007f;4m", "\033[1\u007fm", "\033[ \u007fq", "\033[6n", "\033[?25l",
        "\033[" + "1;".repeat(60) + "4m",
    };

    /** Well-formed and broken UTF-8: overlong, surrogate, truncated, stray continuation bytes. */
    private static final byte[][] UTF8 = {
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xE4, 'A'}, {(byte) 0xC2}, {(byte) 0xC2, (byte) 0x85},
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xE4, (byte) 0xB8, (byte) 0xAD}, {(byte) 0xCC, (byte) 0x81},
    };

    @Test
    void runAtATimeEqualsByteAtATime() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random rnd = new Random(seed);
            int w = 1 + rnd.nextInt(rnd.nextInt(3) == 0 ? 90 : 12);
            int h = 1 + rnd.nextInt(rnd.nextInt(3) == 0 ? 30 : 6);
            Emulator fast = new Emulator(w, h);
            Emulator slow = new Emulator(w, h);
            RandomInput input = new RandomInput(rnd, true, rnd.nextInt(3) == 0);
            List<Framebuffer> copies = new ArrayList<>();
            List<String> dumps = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                byte[] bytes = stream(rnd, input, w, h);
                int at = 0;
                while (at < bytes.length) {
                    int n = Math.min(bytes.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 200));
                    fast.write(bytes, at, n);
                    at += n;
                    if (rnd.nextInt(4) == 0) {
                        Framebuffer c = fast.framebuffer().copy();
                        copies.add(c);
                        dumps.add(dump(c.screen()));
                    }
                }
                slow.writeBytewise(bytes, 0, bytes.length);
                String where = "seed " + seed + " step " + step;
                assertSame(fast.framebuffer().screen(), slow.framebuffer().screen(), where);
                assertThat(fast.takeReplies()).as(where).isEqualTo(slow.takeReplies());
                if (rnd.nextInt(6) == 0) {
                    w = 1 + rnd.nextInt(30);
                    h = 1 + rnd.nextInt(10);
                    fast.resize(w, h);
                    slow.resize(w, h);
                }
            }
            byte[] leave = "\033[?1049l".getBytes(StandardCharsets.US_ASCII); // the primary screen too
            fast.write(leave);
            slow.writeBytewise(leave, 0, leave.length);
            assertSame(fast.framebuffer().screen(), slow.framebuffer().screen(), "seed " + seed + " primary");
            for (int i = 0; i < copies.size(); i++) {
                assertThat(dump(copies.get(i).screen())).as("seed %d copy %d", seed, i).isEqualTo(dumps.get(i));
            }
        }
    }

    /** Random output with long text runs (which wrap and scroll) and the modes the fast path checks. */
    private static byte[] stream(Random rnd, RandomInput input, int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++) {
            int k = rnd.nextInt(11);
            byte[] piece;
            if (k < 4) {
                StringBuilder b = new StringBuilder();
                int len = rnd.nextInt(3 * w + 2);
                for (int j = 0; j < len; j++) {
                    b.append((char) (0x20 + rnd.nextInt(0x5F)));
                }
                piece = b.toString().getBytes(StandardCharsets.US_ASCII);
            } else if (k < 5) {
                piece = UTF8[rnd.nextInt(UTF8.length)];
            } else if (k < 6) {
                piece = EXTRA[rnd.nextInt(EXTRA.length)].getBytes(StandardCharsets.UTF_8);
            } else if (k < 7) {
                piece = EXTRA[rnd.nextInt(EXTRA.length)].getBytes(StandardCharsets.UTF_8);
            } else {
                piece = input.next(1 + rnd.nextInt(4), w, h);
            }
            out.write(piece, 0, piece.length);
        }
        return out.toByteArray();
    }

    private static void assertSame(Screen a, Screen b, String where) {
        assertThat(ScreenEquality.equal(a, b)).as(where).isTrue();
        assertThat(dump(a)).as(where).isEqualTo(dump(b));
    }

    /**
     * Everything reachable about a screen as text: hidden draw state, every row's cells (text,
     * flags, rendition, link), soft-wrap flags and which rows share a generation.
     */
    private static String dump(Screen s) {
        DrawState d = s.ds();
        StringBuilder b = new StringBuilder();
        b.append(d.width()).append('x').append(d.height())
                .append(" cursor ").append(d.cursorRow()).append(',').append(d.cursorCol())
                .append(" comb ").append(d.combiningRow()).append(',').append(d.combiningCol())
                .append(" wrapNext ").append(d.nextPrintWillWrap)
                .append(" aw ").append(d.autoWrapMode).append(" ins ").append(d.insertMode)
                .append(" om ").append(d.originMode)
                .append(" region ").append(d.scrollTop()).append(',').append(d.scrollBottom())
                .append(" rend ").append(d.rendition()).append(" link ").append(d.link())
                .append(" charsets ").append(d.charsets().active())
                .append(" alt ").append(s.alternateActive()).append('\n');
        for (int i = 0; i < d.height(); i++) {
            Row r = s.row(i);
            b.append(r.wrap() ? 'W' : '-');
            for (int j = 0; j < i; j++) {
                if (s.row(j).gen() == r.gen()) {
                    b.append("=gen").append(j);
                    break;
                }
            }
            for (int col = 0; col < r.width(); col++) {
                StringBuilder text = new StringBuilder();
                r.appendText(col, text);
                b.append('|').append(text).append(r.isWide(col) ? "w" : "").append(r.isFallback(col) ? "f" : "")
                        .append(':').append(Long.toHexString(r.rendition(col)));
                if (r.link(col) != null) {
                    b.append('@').append(r.link(col));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
