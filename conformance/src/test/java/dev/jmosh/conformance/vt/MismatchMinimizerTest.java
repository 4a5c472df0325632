package dev.jmosh.conformance.vt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool for people, not a check: shrinks mismatching generated streams to a minimal
 * reproduction (delta debugging over whole control sequences and characters), so a divergence
 * or a bug can be named and listed. Runs only when asked:
 * {@code mvn -pl conformance verify -Dtest=MismatchMinimizerTest -Djmosh.vt.minimize=mix-000,wrap-005}.
 */
@EnabledIfSystemProperty(named = "jmosh.vt.minimize", matches = ".+")
class MismatchMinimizerTest {
    @TempDir
    Path dir;

    @Test
    void minimize() throws Exception {
        VtConformance.require("tmux");
        List<String> names = Arrays.asList(System.getProperty("jmosh.vt.minimize").split(","));
        try (TmuxReplay tmux = new TmuxReplay(dir)) {
            for (VtStream s : StreamGenerator.corpus()) {
                if (names.contains(s.name())) {
                    VtStream min = minimize(tmux, s);
                    Differential.StreamResult r = Differential.compare(min, tmux.replay(List.of(min)).get(min.name()));
                    System.out.println("MINIMAL " + s.name() + " (" + s.columns() + "x" + s.rows() + "): "
                            + min.escaped(2000) + "\n" + r.details("tmux"));
                }
            }
        }
    }

    private static VtStream minimize(TmuxReplay tmux, VtStream s) throws Exception {
        List<String> tokens = tokens(new String(s.bytes(), StandardCharsets.UTF_8));
        int n = 2;
        while (tokens.size() >= 2) {
            List<List<String>> candidates = new ArrayList<>();
            int chunk = (tokens.size() + n - 1) / n;
            for (int from = 0; from < tokens.size(); from += chunk) {
                List<String> c = new ArrayList<>(tokens.subList(0, from));
                c.addAll(tokens.subList(Math.min(tokens.size(), from + chunk), tokens.size()));
                candidates.add(c);
            }
            List<String> failing = firstMismatch(tmux, s, candidates);
            if (failing != null) {
                tokens = failing;
                n = Math.max(n - 1, 2);
            } else if (n >= tokens.size()) {
                break;
            } else {
                n = Math.min(2 * n, tokens.size());
            }
        }
        return VtStream.of(s.name(), s.columns(), s.rows(), String.join("", tokens));
    }

    private static List<String> firstMismatch(TmuxReplay tmux, VtStream s, List<List<String>> candidates)
            throws Exception {
        List<VtStream> streams = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            streams.add(VtStream.of("c" + i, s.columns(), s.rows(), String.join("", candidates.get(i))));
        }
        Map<String, CellGrid> screens = tmux.replay(streams);
        for (int i = 0; i < streams.size(); i++) {
            if (!Differential.compare(streams.get(i), screens.get("c" + i)).matches()) {
                return candidates.get(i);
            }
        }
        return null;
    }

    /** Splits text into whole escape sequences and single characters (with their combining marks). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = i + Character.charCount(text.codePointAt(i));
            if (text.charAt(i) == 0x1B && end < text.length()) {
                char c = text.charAt(end);
                if (c == '[') {
                    end++;
                    while (end < text.length() && (text.charAt(end) < 0x40 || text.charAt(end) > 0x7E)) {
                        end++;
                    }
                    end = Math.min(text.length(), end + 1);
                } else if (c == ']') {
                    while (end < text.length() && text.charAt(end) != 7 && !text.startsWith("\033\\", end)) {
                        end++;
                    }
                    end = Math.min(text.length(), end + (text.startsWith("\033\\", end) ? 2 : 1));
                } else if (c == '(' || c == '#') {
                    end = Math.min(text.length(), end + 2);
                } else {
                    end++;
                }
            } else {
                while (end < text.length() && dev.jmosh.vt.CharWidth.of(text.codePointAt(end)) == 0
                        && text.codePointAt(end) >= 0x300) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }
}
