package dev.jmosh.conformance.vt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list of justified divergences from tmux, read from
 * {@code conformance/src/test/resources/vt-corpus/divergences.tsv} (explained in
 * {@code docs/vt-divergences.md}): one line per stream, {@code name<TAB>reason}, where the reason
 * names who is right and why; {@code #} starts a comment line. A stream name may appear once.
 */
final class Divergences {
    private Divergences() {
    }

    static Path file() {
        return VtConformance.corpus().resolve("divergences.tsv");
    }

    /** Stream name to reason, for every listed stream. */
    static Map<String, String> load() {
        try {
            return parse(Files.readAllLines(file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t+", 2);
            if (f.length != 2 || f[1].isBlank()) {
                throw new IllegalArgumentException(file() + ":" + (i + 1) + ": expected NAME<TAB>REASON: " + line);
            }
            if (out.put(f[0], f[1].strip()) != null) {
                throw new IllegalArgumentException(file() + ":" + (i + 1) + ": " + f[0] + " listed twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The entries whose stream name starts with {@code prefix}. */
    static Map<String, String> of(Map<String, String> all, String... prefixes) {
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach((name, reason) -> {
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    out.put(name, reason);
                }
            }
        });
        return out;
    }
}
