package dev.jmosh.conformance.trace;

import dev.jmosh.vt.CharWidth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A keystroke trace with its timings, as written by {@code tools/traces/gen-traces.py} into
 * {@code conformance/src/test/resources/traces/NAME.trace}: a header naming what the session
 * runs ({@code @command bash} or {@code @command vim}), then one keystroke per line,
 * {@code PAUSE_MS<TAB>KEY}.
 */
public record Trace(String name, String command, List<Key> keys) {
    /** The bytes a terminal sends for each named key (normal cursor-key mode). */
    private static final Map<String, String> NAMED = Map.of("{Enter}", "\r", "{BS}", "\u007f", "{Tab}", "\t",
            "{Esc}", "\u001b", "{Left}", "\u001b[D", "{Right}", "\u001b[C", "{Up}", "\u001b[A", "{Down}", "\u001b[B",
            "{Space}", " ");

    /**
     * One keystroke: the pause before it, its label as in the file, and what the terminal sends.
     * An input method's commit ({IME:...}) is one keystroke of several characters.
     */
    public record Key(int pauseMillis, String label, byte[] bytes) {
        /** Whether it types a character two columns wide (CJK, emoji). */
        public boolean wide() {
            String s = new String(bytes, StandardCharsets.UTF_8);
            return s.codePoints().anyMatch(cp -> CharWidth.of(cp) == 2);
        }
    }

    /** Loads {@code traces/NAME.trace} from the test resources. */
    public static Trace load(String name) {
        try (InputStream in = Trace.class.getResourceAsStream("/traces/" + name + ".trace")) {
            if (in == null) {
                throw new IllegalArgumentException("no trace named " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a trace file's text. */
    public static Trace parse(String name, String text) {
        String command = null;
        List<Key> keys = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@command ")) {
                command = line.substring("@command ".length()).strip();
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": expected PAUSE_MS<TAB>KEY: " + line);
            }
            int pause = Integer.parseInt(line.substring(0, tab));
            String label = line.substring(tab + 1);
            keys.add(new Key(pause, label, bytes(name, lineNo, label)));
        }
        if (command == null) {
            throw new IllegalArgumentException(name + ": no @command line");
        }
        return new Trace(name, command, List.copyOf(keys));
    }

    private static byte[] bytes(String name, int lineNo, String label) {
        String named = NAMED.get(label);
        if (named != null) {
            return named.getBytes(StandardCharsets.UTF_8);
        }
        if (label.startsWith("{IME:") && label.endsWith("}")) {
            return label.substring(5, label.length() - 1).getBytes(StandardCharsets.UTF_8);
        }
        if (label.startsWith("{") && label.length() > 1) {
            throw new IllegalArgumentException(name + ":" + lineNo + ": unknown key " + label);
        }
        return label.getBytes(StandardCharsets.UTF_8);
    }

    /** The trace's length in ms: the sum of the pauses. */
    public long millis() {
        return keys.stream().mapToLong(Key::pauseMillis).sum();
    }
}
