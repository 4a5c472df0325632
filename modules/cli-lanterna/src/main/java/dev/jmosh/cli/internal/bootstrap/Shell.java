package dev.jmosh.cli.internal.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two shell-word conversions of the mosh wrapper: splitting {@code --ssh=COMMAND} into words
 * as Perl's {@code Text::ParseWords::shellwords} does, and quoting each word of the remote
 * command in single quotes ({@code shell_quote}).
 */
final class Shell {
    private Shell() {
    }

    /**
     * Splits {@code line} at unquoted blanks. Outside quotes a backslash keeps the next character;
     * inside double quotes a backslash is dropped and the next character kept; inside single
     * quotes everything is literal. Adjacent quoted and unquoted parts join into one word.
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    /** Each word in single quotes, a quote inside written {@code '\''}, joined by spaces. */
    static String quote(List<String> words) {
        return words.stream().map(s -> "'" + s.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
