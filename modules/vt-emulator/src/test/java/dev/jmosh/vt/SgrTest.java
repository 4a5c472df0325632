package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SgrTest {
    private static Rendition after(String sgr) {
        return emu(4, 1, sgr).framebuffer().currentRendition();
    }

    @Test
    void attributesOnAndOff() {
        Rendition r = after("\033[1;3;4;5;7;8m");
        assertThat(r.bold() && r.italic() && r.underlined() && r.blink() && r.inverse() && r.invisible()).isTrue();
        Rendition off = after("\033[1;3;4;5;7;8m\033[22;23;24;25;27;28m");
        assertThat(off).isEqualTo(Rendition.DEFAULT);
        assertThat(after("\033[1;31m\033[m")).isEqualTo(Rendition.DEFAULT);
        assertThat(after("\033[1;31m\033[;m")).isEqualTo(Rendition.DEFAULT);
    }

    @Test
    void faintAndStrikethroughBeyondMosh() {
        Rendition r = after("\033[2;9m");
        assertThat(r.faint() && r.strikethrough()).isTrue();
        assertThat(after("\033[1;2;9m\033[22;29m")).isEqualTo(Rendition.DEFAULT);
        assertThat(after("\033[21;53m")).isEqualTo(Rendition.DEFAULT);
    }

    @Test
    void basicAndBrightColours() {
        assertThat(after("\033[31;42m").foreground()).isEqualTo(Color.indexed(1));
        assertThat(after("\033[31;42m").background()).isEqualTo(Color.indexed(2));
        assertThat(after("\033[97;100m").foreground()).isEqualTo(Color.indexed(15));
        assertThat(after("\033[97;100m").background()).isEqualTo(Color.indexed(8));
        assertThat(after("\033[31;42;39;49m")).isEqualTo(Rendition.DEFAULT);
        assertThat(after("\033[31m")).isEqualTo(after("\033[38;5;1m"));
    }

    @Test
    void paletteColours() {
        assertThat(after("\033[38;5;200;48;5;0m").foreground()).isEqualTo(Color.indexed(200));
        assertThat(after("\033[38;5;200;48;5;0m").background()).isEqualTo(Color.indexed(0));
        assertThat(after("\033[38;5;256m").foreground().isDefault()).isTrue(); // out of range: ignored
        assertThat(after("\033[1;38;5;300;4m").underlined()).isTrue();
    }

    @Test
    void trueColour() {
        Rendition r = after("\033[38;2;255;128;1;48;2;0;0;0m");
        assertThat(r.foreground()).isEqualTo(Color.rgb(255, 128, 1));
        assertThat(r.background()).isEqualTo(Color.rgb(0, 0, 0));
        assertThat(r.foreground().isRgb()).isTrue();
        assertThat(r.foreground().rgb()).isEqualTo(0xFF8001);
    }

    @Test
    void truncatedExtendedColoursFallBackToPlainNumbers() {
        Rendition r = after("\033[38;5m"); // mosh: 38 ignored, then 5 = blink
        assertThat(r.blink()).isTrue();
        assertThat(r.foreground().isDefault()).isTrue();
        Rendition s = after("\033[38;2;1;1m"); // 38 ignored, 2 ignored, 1 bold, 1 bold
        assertThat(s.bold()).isTrue();
    }

    @Test
    void colonForms() {
        assertThat(after("\033[38:2::255:0:0m").foreground()).isEqualTo(Color.rgb(255, 0, 0));
        assertThat(after("\033[48:2:1:2:3m").background()).isEqualTo(Color.rgb(1, 2, 3));
        assertThat(after("\033[38:5:9m").foreground()).isEqualTo(Color.indexed(9));
        assertThat(after("\033[4:3m").underlined()).isTrue();
        assertThat(after("\033[4m\033[4:0m").underlined()).isFalse();
        assertThat(after("\033[1;38:5:2;3m").bold()).isTrue();
        assertThat(after("\033[1;38:5:2;3m").italic()).isTrue();
        assertThat(after("\033[58:5:1m")).isEqualTo(Rendition.DEFAULT);
    }

    @Test
    void colonsInOtherSequencesAreIgnored() {
        Emulator e = emu(5, 3, "\033[2:3H\033[?1:2hx");
        assertThat(Term.cursor(e)).containsExactly(0, 1);
    }

    @Test
    void colourToString() {
        assertThat(Color.DEFAULT).hasToString("default");
        assertThat(Color.indexed(3)).hasToString("indexed(3)");
        assertThat(Color.rgb(1, 2, 3)).hasToString("rgb(#010203)");
    }
}
