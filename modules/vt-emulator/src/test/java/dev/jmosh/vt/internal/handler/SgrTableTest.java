package dev.jmosh.vt.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The masks {@link SgrTable#apply} uses agree with the registered functions. */
class SgrTableTest {
    @Test
    void masksAgreeWithTheRegisteredFunctions() {
        Random rnd = new Random(1);
        for (int num = 0; num < 128; num++) {
            assertThat(SgrTable.masked(num)).as("SGR %d", num).isTrue();
            int i = SgrTable.TABLE.find(num);
            for (int k = 0; k < 1000; k++) {
                long r = rnd.nextLong();
                long expected = i < 0 ? r : SgrTable.TABLE.function(i).apply(r);
                assertThat(SgrTable.apply(r, num)).as("SGR %d on %x", num, r).isEqualTo(expected);
            }
        }
    }
}
