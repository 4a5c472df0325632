package dev.jmosh.vt.internal.unicode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden vectors captured from glibc 2.36 {@code mbrtowc} driven the way mosh's
 * {@code UTF8Parser::input} drives it (byte by byte, U+FFFD and retry of the last byte on
 * EILSEQ, U+FFFD above U+10FFFF and for surrogates).
 */
class Utf8DecoderTest {
    private static List<Integer> decode(byte[] bytes, int split) {
        List<Integer> out = new ArrayList<>();
        Utf8Decoder d = new Utf8Decoder();
        Utf8Decoder.Sink sink = out::add;
        for (int i = 0; i < bytes.length; i++) {
            if (i == split) {
                d = d.copy(); // resuming in a copy must behave the same
            }
            d.feed(bytes[i], sink);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "41|41", "C3A9|E9", "E282AC|20AC", "F09F9880|1F600", "80|FFFD", "BF|FFFD", "C0|FFFD",
        "C1|FFFD", "C080|FFFD FFFD", "C1BF|FFFD FFFD", "E08080|FFFD FFFD", "E0A080|800",
        "ED9FBF|D7FF", "EDA080|FFFD FFFD", "EDBFBF|FFFD FFFD", "F0808080|FFFD FFFD",
        "F08F8080|FFFD FFFD", "F4908080|FFFD", "F48FBFBF|10FFFF", "F5808080|FFFD",
        "F7BFBFBF|FFFD", "F888808080|FFFD", "FE|FFFD", "FF|FFFD", "C341|FFFD 41",
        "E28241|FFFD 41", "C3C3A9|FFFD E9", "E0E0A080|FFFD 800", "F0F09F9880|FFFD 1F600",
        "F880808080|FFFD FFFD", "F887BFBFBF|FFFD FFFD", "FC8080808080|FFFD FFFD",
        "FC8480808080|FFFD", "FCBFBFBFBFBF|FFFD", "F841|FFFD 41", "F88041|FFFD 41", "C280|80",
        "DFBF|7FF", "E09F80|FFFD FFFD", "EFBFBF|FFFF", "F0908080|10000", "EDA041|FFFD 41",
        "F08F41|FFFD 41", "E0804141|FFFD 41 41", "00|0", "C300|FFFD 0",
    })
    void matchesGlibcAtEverySplit(String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        List<Integer> want = new ArrayList<>();
        for (String s : expected.split(" ")) {
            want.add(Integer.parseInt(s, 16));
        }
        for (int split = 0; split <= bytes.length; split++) {
            assertThat(decode(bytes, split)).as("split at %d", split).isEqualTo(want);
        }
    }

    @ParameterizedTest
    @CsvSource({"E0, 1", "E080, 2", "F08080, 3", "FC80, 2", "41C3, 1"})
    void incompleteSequencesWait(String hex, int pending) {
        Utf8Decoder d = new Utf8Decoder();
        List<Integer> out = new ArrayList<>();
        for (byte b : HexFormat.of().parseHex(hex)) {
            d.feed(b, out::add);
        }
        assertThat(d.idle()).isFalse();
        assertThat(out).hasSizeLessThan(2);
    }
}
