package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharWidthTest {
    @Test
    void matchesGlibc236ForEveryCodePoint() throws Exception {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CharWidthTest.class.getResourceAsStream("glibc-2.36-wcwidth.txt"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                int first = Integer.parseInt(f[0], 16);
                int last = Integer.parseInt(f[1], 16);
                int width = Integer.parseInt(f[2]);
                for (int cp = first; cp <= last; cp++) {
                    if (CharWidth.of(cp) != width) {
                        throw new AssertionError(String.format("U+%04X: %d, glibc %d", cp, CharWidth.of(cp), width));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(0x110000);
    }

    @Test
    void samples() {
        assertThat(CharWidth.of('a')).isEqualTo(1);
        assertThat(CharWidth.of(0)).isZero();
        assertThat(CharWidth.of('\n')).isEqualTo(-1);
        assertThat(CharWidth.of(0x7F)).isEqualTo(-1);
        assertThat(CharWidth.of(0x9B)).isEqualTo(-1);
        assertThat(CharWidth.of(0xAD)).isEqualTo(1); // soft hyphen
        assertThat(CharWidth.of(0x301)).isZero(); // combining acute
        assertThat(CharWidth.of(0x200B)).isZero(); // zero width space
        assertThat(CharWidth.of(0x1160)).isZero(); // Hangul jungseong filler
        assertThat(CharWidth.of(0x4E2D)).isEqualTo(2);
        assertThat(CharWidth.of(0xFF21)).isEqualTo(2); // fullwidth A
        assertThat(CharWidth.of(0x1F600)).isEqualTo(2); // emoji
        assertThat(CharWidth.of(0x2028)).isEqualTo(-1);
        assertThat(CharWidth.of(0xD800)).isEqualTo(-1);
        assertThat(CharWidth.of(0xE000)).isEqualTo(1); // private use
        assertThat(CharWidth.of(0x110000)).isEqualTo(-1);
        assertThat(CharWidth.of(-5)).isEqualTo(-1);
    }
}
