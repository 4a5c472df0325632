package dev.jmosh.vt.internal.parser;

import static dev.jmosh.vt.internal.parser.Recorder.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParserTest {
    @Test
    void printsAndExecutes() {
        assertThat(parse("a\u00e9\u4e2d\r\n\u007f")).containsExactly(
                "print a", "print \u00e9", "print \u4e2d", "exec 0D", "exec 0A", "print \u007f");
    }

    @Test
    void csiWithParamsAndMarkers() {
        assertThat(parse("\033[1;22H\033[?25l\033[>c\033[!p\033[m"))
                .containsExactly("csi [1;22]H", "csi ?[25]l", "csi >[-1]c", "csi ![-1]p", "csi [-1]m");
    }

    @Test
    void emptyAndZeroParameters() {
        assertThat(parse("\033[;5;0;m")).containsExactly("csi [-1;5;0;-1]m");
    }

    @Test
    void valuesAboveLimitReadAsDefault() {
        assertThat(parse("\033[65535;65536;99999999999999999999m"))
                .containsExactly("csi [65535;-1;-1]m");
    }

    @Test
    void parameterStringIsCappedAtOneHundredCharacters() {
        // 99 separators and "57": the 101st character ('7') is dropped
        String event = parse("\033[" + ";".repeat(99) + "57m").get(0);
        assertThat(event).endsWith(";5]m");
        assertThat(event.split(";")).hasSize(100);
        // 100 separators: the most parameters a sequence can have; "57" is dropped
        String full = parse("\033[" + ";".repeat(100) + "57m").get(0);
        assertThat(full.split(";", -1)).hasSize(Sequence.MAX_PARAMS);
        assertThat(full).endsWith(";-1]m");
    }

    @Test
    void colonsAreSubParameters() {
        assertThat(parse("\033[38:2::255:0:0m\033[4:3m"))
                .containsExactly("csi [38:2:-1:255:0:0]m", "csi [4:3]m");
    }

    @Test
    void privateMarkerAfterParamsIgnoresSequence() {
        assertThat(parse("\033[1?hx")).containsExactly("print x");
        assertThat(parse("\033[1 1hx")).containsExactly("print x");
    }

    @Test
    void controlsInsideCsiExecute() {
        assertThat(parse("\033[1\n2H")).containsExactly("exec 0A", "csi [12]H");
    }

    @Test
    void cancelAndSubstituteAbortSequences() {
        assertThat(parse("\033[1\u0018x\033[2\u001ay")).containsExactly(
                "exec 18", "print x", "exec 1A", "print y");
    }

    @Test
    void escapeSequences() {
        assertThat(parse("\0337\033#8\033(B\033D\033c")).containsExactly(
                "esc 7", "esc #8", "esc (B", "esc D", "esc c");
    }

    @Test
    void c1ControlsAsCodePoints() {
        assertThat(parse("\u0084\u009b2J\u009d0;t\u009cz")).containsExactly(
                "exec 84", "csi [2]J", "osc 0;t", "print z");
    }

    @Test
    void oscTerminators() {
        assertThat(parse("\033]0;a\u0007\033]2;b\033\\\033]1;c\033[m")).containsExactly(
                "osc 0;a", "osc 2;b", "esc \\", "osc 1;c", "csi [-1]m");
    }

    @Test
    void oscKeepsHighCodePointsAndDropsControls() {
        assertThat(parse("\033]0;\u00e9\n\u4e2d\u007f\u0007")).containsExactly("osc 0;\u00e9\u4e2d\u007f");
    }

    @Test
    void oscIsCappedAt16Ki() {
        String payload = "x".repeat(OscString.MAX_LENGTH + 100);
        Recorder r = new Recorder();
        Parser p = new Parser(r);
        ("\033]" + payload + "\007").codePoints().forEach(p::input);
        assertThat(r.events).hasSize(1);
        assertThat(r.events.get(0)).hasSize("osc ".length() + OscString.MAX_LENGTH);
    }

    @Test
    void stringsAreSwallowed() {
        assertThat(parse("\033P1;2|data\r\n\033\\a\033X sos \033\\b\033^pm\u009cc\033_apc\u009cd"))
                .containsExactly("esc \\", "print a", "esc \\", "print b", "print c", "print d");
    }

    @Test
    void highCodePointsActLikeLetters() {
        assertThat(parse("\033\u00e9x\033[\u4e2dy")).containsExactly(
                "esc \u00e9", "print x", "csi [-1]\u4e2d", "print y");
    }

    @Test
    void intermediatesAreCappedAtEight() {
        assertThat(parse("\033[" + " ".repeat(10) + "q")).hasSize(1);
        Recorder r = new Recorder();
        Parser p = new Parser(r);
        Sequence[] seen = new Sequence[1];
        ParserListener l = new ParserListener() {
            @Override public void print(int cp) { }
            @Override public void execute(int c) { }
            @Override public void escDispatch(Sequence s, int f) { }
            @Override public void csiDispatch(Sequence s, int f) {
                assertThat(s.collectedCount()).isEqualTo(Sequence.MAX_COLLECTED);
                seen[0] = s;
            }
            @Override public void oscDispatch(OscString o) { }
        };
        Parser q = new Parser(l);
        ("\033[" + " ".repeat(10) + "q").codePoints().forEach(q::input);
        assertThat(seen[0]).isNotNull();
        assertThat(r.events).isEmpty();
        assertThat(p.inGround()).isTrue();
    }

    @Test
    void copyResumesMidSequence() {
        Recorder a = new Recorder();
        Parser p = new Parser(a);
        "\033[12;3".codePoints().forEach(p::input);
        Recorder b = new Recorder();
        Parser q = p.copy(b);
        "4H".codePoints().forEach(q::input);
        "5H".codePoints().forEach(p::input);
        assertThat(b.events).containsExactly("csi [12;34]H");
        assertThat(a.events).containsExactly("csi [12;35]H");
    }
}
