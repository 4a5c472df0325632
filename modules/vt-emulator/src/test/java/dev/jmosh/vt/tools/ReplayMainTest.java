package dev.jmosh.vt.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmosh-vt replay} end to end: files and standard input in, a screen out. */
class ReplayMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return ReplayMain.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textIsEveryRowWithoutTrailingBlanks() {
        assertThat(run("ab  \033[1mc\r\n\033[3;2H\u4E2Dx", "--size", "6x3")).isZero();
        assertThat(out()).isEqualTo("ab  c\n\n \u4E2Dx\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void filesAreConcatenatedInOrderWithStandardInput() throws Exception {
        Files.write(dir.resolve("a"), "\033[31".getBytes(StandardCharsets.US_ASCII)); // a sequence split across files
        Files.write(dir.resolve("b"), "mred".getBytes(StandardCharsets.US_ASCII));
        assertThat(run("\033[0m!", "--size", "10x1", "--format", "sgr", dir.resolve("a").toString(),
                dir.resolve("b").toString(), "-")).isZero();
        assertThat(out()).isEqualTo("\033[31mred\033[39m!\n");
    }

    @Test
    void sgrLikeTmuxCapturePane() {
        // the same bytes in tmux 3.3a: capture-pane -p -e prints exactly this
        assertThat(run("hi \033[1;31mred\033[0m x\r\n\033[44mbg\033[0m", "--size", "20x3", "--format", "sgr")).isZero();
        assertThat(out()).isEqualTo("hi \033[1m\033[31mred\033[0m\033[39m\033[49m x\n\033[44mbg\n\n");
    }

    @Test
    void sgrColoursAndAttributes() {
        run("\033[2;3;4;5;7;8;9m1\033[0;38;5;200;48;2;1;2;3m2\033[0;92;103m3", "--size", "4x1", "--format", "sgr");
        assertThat(out()).isEqualTo("\033[2;3;4;5;7;8;9m1\033[0m\033[38;5;200m\033[48;2;1;2;3m2"
                + "\033[92m\033[103m3\n");
    }

    @Test
    void trailingBlanksAreTrimmedWhateverTheirColour() {
        // tmux prints no trailing blanks either; the colour change stays, so later rows are right
        run("\033[41m\033[2K\033[0m\r\nx", "--size", "3x2", "--format", "sgr");
        assertThat(out()).isEqualTo("\033[41m\n\033[49mx\n");
    }

    @Test
    void cursorLine() {
        run("abc\033[?25l", "--size", "3x2", "--cursor");
        assertThat(out()).isEqualTo("abc\n\ncursor 2,0 hidden\n");
    }

    @Test
    void badCommandLineIsOneLineAndStatusTwo() {
        assertThat(run("", "--size", "80")).isEqualTo(ReplayMain.EXIT_USAGE);
        assertThat(err()).startsWith("jmosh-vt replay: bad --size").hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void missingFileIsOneLineAndStatusOne() {
        String missing = dir.resolve("nope").toString();
        assertThat(run("", "--size", "8x2", missing)).isEqualTo(ReplayMain.EXIT_IO);
        assertThat(err()).isEqualTo("jmosh-vt replay: " + missing + ": no such file" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void directoryIsNotAStream() {
        assertThat(run("", "--size", "8x2", dir.toString())).isEqualTo(ReplayMain.EXIT_IO);
        assertThat(err()).contains("cannot read (a directory)").hasLineCount(1);
    }

    @Test
    void helpGoesToStandardError() {
        assertThat(run("", "--help")).isZero();
        assertThat(err()).startsWith("usage: jmosh-vt replay");
    }
}
