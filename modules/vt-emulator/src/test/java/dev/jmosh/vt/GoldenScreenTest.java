package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden screens: byte streams written by an application on a 30x10 terminal, and the screen
 * (text, trailing blanks trimmed, U+00A0 shown as a space) and cursor that real mosh 1.4.0
 * showed for them (mosh-server running {@code sh -c 'stty -opost; cat FILE'}, mosh-client in a
 * tmux pane, read with {@code capture-pane -p}). Exception: "insert" ends with a wide character
 * on the last column with autowrap off, which mosh-client's own display wraps onto the next line
 * of the outer terminal; its expectation is the framebuffer itself.
 */
class GoldenScreenTest {
    static Stream<Arguments> screens() {
        return Stream.of(
            Arguments.of("wrap",
                "1b5b481b5b324a6162636465666768696a6b6c6d6e6f707172737475767778797a30313233343536"
                + "373839e4b8ade69687e5ad97e7aca6e4b8ade69687e5ad97e7aca6e4b8ade69687e5ad97e7aca6e4"
                + "b8ade69687e5ad97e7aca6e4b8ade69687e5ad97e7aca60d0a787878787878787878787878787878"
                + "7878787878787878787878787878e4b8ad65cc81cc821b5b353b3148cc81cc827a1b5b363b333048"
                + "e4b8ad71",
                "3,6",
                new String[] {
                "abcdefghijklmnopqrstuvwxyz0123",
                "456789\u4e2d\u6587\u5b57\u7b26\u4e2d\u6587\u5b57\u7b26\u4e2d\u6587\u5b57\u7b26",
                "\u4e2d\u6587\u5b57\u7b26\u4e2d\u6587\u5b57\u7b26",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "z e\u0301\u0302",
                "",
                "\u4e2dq",
                "",
                "",
                ""}),
            Arguments.of("edit",
                "1b5b481b5b324a6c696e653030206162636465666768696a6b6c6d6e6f700d0a6c696e6530312061"
                + "62636465666768696a6b6c6d6e6f700d0a6c696e653032206162636465666768696a6b6c6d6e6f70"
                + "0d0a6c696e653033206162636465666768696a6b6c6d6e6f700d0a6c696e65303420616263646566"
                + "6768696a6b6c6d6e6f700d0a6c696e653035206162636465666768696a6b6c6d6e6f700d0a6c696e"
                + "653036206162636465666768696a6b6c6d6e6f700d0a6c696e653037206162636465666768696a6b"
                + "6c6d6e6f700d0a6c696e653038206162636465666768696a6b6c6d6e6f700d0a6c696e6530392061"
                + "62636465666768696a6b6c6d6e6f700d0a6c696e653130206162636465666768696a6b6c6d6e6f70"
                + "0d0a6c696e653131206162636465666768696a6b6c6d6e6f700d0a1b5b333b38721b5b343b31481b"
                + "5b324c1b5b363b33481b5b4d1b5b383b31480a0a7a7a1b5b721b5b313b35481b5b33401b5b323b35"
                + "481b5b34501b5b333b32481b5b35581b5b343b3130481b5b314b1b5b353b3130481b5b4b1b5b393b"
                + "34481b5b314b",
                "3,8",
                new String[] {
                "line   03 abcdefghijklmnop",
                "linebcdefghijklmnop",
                "",
                "          defghijklmnop",
                "line08 ab",
                "",
                "",
                "zz",
                "    11 abcdefghijklmnop",
                ""}),
            Arguments.of("origin",
                "1b5b481b5b324a1b5b333b36721b5b3f36681b5b313b3148411b5b31303b313048421b371b5b3f36"
                + "6c1b5b313b314843094409451b38461b5b32303b3235481b5b325a471b5b33671b5b313b31480948"
                + "1b5b323b33481b48580d0959",
                "3,3",
                new String[] {
                "C       D       E",
                "",
                "A                            H",
                "  Y",
                "",
                "        GBF",
                "",
                "",
                "",
                ""}),
            Arguments.of("insert",
                "1b5b481b5b324a303132333435363738390d1b5b34684142e4b8ad1b5b346c0d0a1b5b3f376c6162"
                + "636465666768696a6b6c6d6e6f707172737475767778797a30313233e4b8ad1b5b3f37680d0a7778"
                + "797acdb8e280a87f20656e64",
                "8,2",
                new String[] {
                "AB\u4e2d0123456789",
                "abcdefghijklmnopqrstuvwxyz012\u4e2d",
                "wxyz end",
                "",
                "",
                "",
                "",
                "",
                "",
                ""}),
            Arguments.of("utf8bad",
                "1b5b481b5b324a61c362eda08063f490808064e0808065c0af7af88880808021",
                "16,0",
                new String[] {
                "a\ufffdb\ufffd\ufffdc\ufffdd\ufffd\ufffde\ufffd\ufffdz\ufffd!",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                ""}),
            Arguments.of("scroll",
                "1b5b481b5b324a4c300d0a4c310d0a4c320d0a4c330d0a4c340d0a4c350d0a4c360d0a4c370d0a4c"
                + "380d0a4c390d0a4c31300d0a4c31310d0a4c31320d0a4c31330d0a4c31340d0a1b5b32531b5b541b"
                + "4d1b5b313b31481b4d1b4d746f701b5b31303b31481b441b44626f741b",
                "3,9",
                new String[] {
                "",
                "L8",
                "L9",
                "L10",
                "L11",
                "L12",
                "L13",
                "L14",
                "",
                "bot"}),
            Arguments.of("misc",
                "1b5b481b5b324a1b5b323b32481b23381b5b333b334868656c6c6f1b5b313b3230481b5b3f336861"
                + "667465721b5b333b31481b5b3240781b5b313b31481b5b363535333540791b5b323b3148c2856e65"
                + "6c1b5b353b3548c284696e64c28d7269c29b3747637369",
                "9,4",
                new String[] {
                "y",
                "",
                "nel",
                "",
                "      csi",
                "    ind",
                "",
                "",
                "",
                ""}),
            Arguments.of("tabs",
                "1b5b481b5b324a610962096309641b5b323b31481b5b3349311b5b5a321b5b333b39481b5b671b5b"
                + "333b314809541b5b343b35481b481b5b343b314809551b5b353b3148787878787878787878787878"
                + "78787878787878787878787878787878095609571b5b363b31486162636465666768696a6b6c6d6e"
                + "6f707172737475767778797a303132331b5b316d421b5b306d09431b5b373b314879797979797979"
                + "79797979797979797979797979797979797979797979790808441b5b383b31481b5b333b32485a1b"
                + "5b333b3134721b5b393b31481b5b3f36681b5b313b3148711b5b3f366c",
                "0,2",
                new String[] {
                "a       b       c       d",
                "                        2",
                "qZ              T",
                "    U",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxx V",
                "abcdefghijklmnopqrstuvwxyz0123",
                "yyyyyyyyyyyyyyyyyyyyyyyyyyyDyy",
                "",
                "",
                ""}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screens")
    void matchesMosh(String name, String hex, String cursor, String[] rows) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Emulator e = new Emulator(30, 10);
        e.write(bytes);
        Framebuffer fb = e.framebuffer();
        for (int r = 0; r < 10; r++) {
            String drawn = fb.rowText(r).replace('\u00a0', ' ').replaceAll("\\s+$", "");
            assertThat(drawn).as("%s row %d", name, r).isEqualTo(rows[r]);
        }
        assertThat(fb.cursorCol() + "," + fb.cursorRow()).as(name).isEqualTo(cursor);
        Emulator slow = new Emulator(30, 10); // the same bytes one at a time
        for (byte b : bytes) {
            slow.write(new byte[] {b});
        }
        assertThat(slow).isEqualTo(e);
    }
}
