package dev.jmosh.cli.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --ssh} splitting as Perl's Text::ParseWords::shellwords (answers taken from perl 5.36), and shell_quote. */
class ShellTest {

    @Test
    void wordsAsShellwords() {
        assertThat(Shell.words("ssh -p 2222")).containsExactly("ssh", "-p", "2222");
        assertThat(Shell.words("ssh -o 'A B' x")).containsExactly("ssh", "-o", "A B", "x");
        assertThat(Shell.words("ssh \"a \\\" b\" c\\ d")).containsExactly("ssh", "a \" b", "c d");
        assertThat(Shell.words("a\\\\b 'c\\d'")).containsExactly("a\\b", "c\\d");
        assertThat(Shell.words("\"x\\y\"")).containsExactly("xy");
        assertThat(Shell.words("  lead  trail  ")).containsExactly("lead", "trail");
        assertThat(Shell.words("a'b'c")).containsExactly("abc");
        assertThat(Shell.words("a\"b c\"d")).containsExactly("ab cd");
        assertThat(Shell.words("")).isEmpty();
    }

    @Test
    void quoteSurvivesTheShell() {
        assertThat(Shell.quote(List.of("new", "-l", "LANG=C.UTF-8"))).isEqualTo("'new' '-l' 'LANG=C.UTF-8'");
        assertThat(Shell.quote(List.of("it's"))).isEqualTo("'it'\\''s'");
        assertThat(Shell.words(Shell.quote(List.of("a b", "it's", "$HOME")))).containsExactly("a b", "it's", "$HOME");
    }
}
