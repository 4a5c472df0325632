package dev.jmosh.vt.internal.unicode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSinkTest {
    @Test
    void encodesLikeTheJdk() {
        ByteSink s = new ByteSink(1);
        String text = "a\u00e9\u20ac\uD83D\uDE00\u0000\uFFFD";
        s.appendString(text);
        assertThat(s.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersRepeatsAndCopies() {
        ByteSink s = new ByteSink(0);
        s.appendDecimal(0);
        s.append(';');
        s.appendDecimal(65535);
        s.appendRepeated('x', 3);
        s.appendRepeated('y', 0);
        ByteSink c = s.copy();
        s.clear();
        assertThat(new String(c.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("0;65535xxx");
        assertThat(s.toByteArray()).isEmpty();
    }
}
