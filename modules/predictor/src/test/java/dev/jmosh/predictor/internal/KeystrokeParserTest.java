package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How keystrokes are classified: mosh's UTF-8 parser and DEC state machine, four actions kept. */
class KeystrokeParserTest {
    private final List<String> seen = new ArrayList<>();
    private final KeystrokeParser parser = new KeystrokeParser(new KeystrokeParser.Actions() {
        @Override
        public void print(int ch) {
            seen.add("print " + Integer.toHexString(ch));
        }

        @Override
        public void execute(int ch) {
            seen.add("execute " + Integer.toHexString(ch));
        }

        @Override
        public void escDispatch(int ch) {
            seen.add("esc " + (char) ch);
        }

        @Override
        public void csiDispatch(int ch) {
            seen.add("csi " + (char) ch);
        }
    });

    private List<String> feed(String s) {
        return feed(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> feed(byte[] bytes) {
        seen.clear();
        for (byte b : bytes) {
            parser.input(b);
        }
        return seen;
    }

    @Test
    void printableCharactersAndDeletePrint() {
        assertThat(feed("a ~\u007f")).containsExactly("print 61", "print 20", "print 7e", "print 7f");
    }

    @Test
    void controlsExecute() {
        assertThat(feed("\r\n\t\u0003\u0018\u001a")).containsExactly("execute d", "execute a", "execute 9",
                "execute 3", "execute 18", "execute 1a");
    }

    @Test
    void arrowKeysInEitherCursorModeAreControlSequences() {
        assertThat(feed("\033[C\033OD\033[A")).containsExactly("csi C", "csi D", "csi A");
    }

    @Test
    void parametersDoNotChangeTheFinalCharacter() {
        // mosh takes Ctrl-Right (CSI 1;5C) for a right arrow too
        assertThat(feed("\033[1;5C\033[?25h")).containsExactly("csi C", "csi h");
    }

    @Test
    void escapeSequencesDispatch() {
        assertThat(feed("\033x\033(B\0337")).containsExactly("esc x", "esc B", "esc 7");
    }

    @Test
    void escOIsReadAsEscBracketOnlyRightAfterEsc() {
        assertThat(feed("O\033OO")).containsExactly("print 4f", "csi O");
    }

    @Test
    void utf8IsDecodedEvenWhenSplit() {
        assertThat(feed("\u00e9")).containsExactly("print e9");
        assertThat(feed(new byte[] {(byte) 0xE4})).isEmpty();
        assertThat(feed(new byte[] {(byte) 0xB8, (byte) 0xAD})).containsExactly("print 4e2d");
        assertThat(feed("\ud83d\ude00")).containsExactly("print 1f600");
    }

    @Test
    void malformedUtf8PrintsTheReplacementCharacter() {
        assertThat(feed(new byte[] {(byte) 0xC3, 'a', (byte) 0xFF}))
                .containsExactly("print fffd", "print 61", "print fffd");
    }

    @Test
    void stringsAreSwallowed() {
        assertThat(feed("\033]0;title\007a")).containsExactly("print 61");
        assertThat(feed("\033Pq#0\u009cb")).containsExactly("print 62");
        assertThat(feed("\033_apc\u009cc")).containsExactly("print 63");
    }

    @Test
    void aColonSpoilsAControlSequence() {
        assertThat(feed("\033[1:2Cx")).containsExactly("print 78");
        assertThat(feed("\033[1?Cy")).containsExactly("print 79");
    }

    @Test
    void controlsInsideASequenceExecuteAndCancelAborts() {
        assertThat(feed("\033[1\rC")).containsExactly("execute d", "csi C");
        assertThat(feed("\033[1\u0018C")).containsExactly("execute 18", "print 43");
    }

    @Test
    void c1ControlsTypedAsUtf8WorkAsTheirSevenBitForms() {
        assertThat(feed("\u009bD\u0085")).containsExactly("csi D", "execute 85");
    }

    @Test
    void highCodePointsInSequencesActLikeA() {
        assertThat(feed("\033\u00e9z")).containsExactly("esc \u00e9", "print 7a");
        assertThat(feed("\033[\u00e9")).containsExactly("csi \u00e9");
    }
}
