package dev.jmosh.vt.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/vt-support.md} true: its "Performed" table lists exactly what the
 * dispatcher's tables ({@link Catalog}) perform, with the right origin, each row naming a test
 * that exists; its "Ignored" table lists only what the tables do not perform.
 */
class SupportTableTest {
    private static final Path DOC = Path.of("..", "..", "docs", "vt-support.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|");
    private static final Pattern RANGE = Pattern.compile("^(\\S+) (0x)?([0-9A-Fa-f]+)-(0x)?([0-9A-Fa-f]+)$");
    private static final Pattern TEST = Pattern.compile("([A-Z]\\w+)#(\\w+)");

    /** A row of the document: its section, status and test columns. */
    private record Row(String section, String status, String test) {
    }

    @Test
    void documentMatchesTheDispatcher() throws IOException {
        Map<String, Row> doc = read();
        Map<String, String> performed = new TreeMap<>();
        Map<String, String> ignored = new TreeMap<>();
        doc.forEach((name, row) -> (row.section.equals("Performed") ? performed : ignored).put(name, row.status));
        Map<String, String> catalog = new TreeMap<>();
        for (Catalog.Entry e : Catalog.entries()) {
            catalog.put(e.name(), e.origin() == Origin.MOSH ? "mosh" : "beyond mosh");
        }
        List<String> missing = new ArrayList<>();
        catalog.forEach((name, status) -> {
            if (!status.equals(performed.get(name))) {
                missing.add("| `" + name + "` | ? | " + status + " | ? |");
            }
        });
        assertThat(missing).as("rows to add to or correct in " + DOC).isEmpty();
        assertThat(performed.keySet()).as("documented as performed but not in the tables")
                .isSubsetOf(catalog.keySet());
        assertThat(ignored.keySet()).as("documented as ignored but performed").doesNotContainAnyElementsOf(catalog.keySet());
        assertThat(performed).hasSizeGreaterThan(100);
    }

    @Test
    void everyRowNamesAnExistingTest() throws IOException {
        List<String> broken = new ArrayList<>();
        read().forEach((name, row) -> {
            Matcher m = TEST.matcher(row.test);
            if (!m.find() || !testExists(m.group(1), m.group(2))) {
                broken.add(name + " -> " + row.test.strip());
            }
        });
        assertThat(broken).isEmpty();
    }

    private static boolean testExists(String simpleName, String method) {
        for (String pkg : new String[] {"dev.jmosh.vt.", "dev.jmosh.vt.internal.handler.", "dev.jmosh.vt.internal.parser."}) {
            try {
                Class<?> c = Class.forName(pkg + simpleName);
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals(method)) {
                        return true;
                    }
                }
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    /** Reads the rows, ranges expanded ({@code SGR 30-37}, {@code C0 0x0A-0x0C}). */
    private static Map<String, Row> read() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.find()) {
                continue;
            }
            Row row = new Row(section, m.group(3).strip(), m.group(4));
            for (String name : expand(m.group(1).strip())) {
                assertThat(rows.put(name, row)).as("listed twice: " + name).isNull();
            }
        }
        return rows;
    }

    private static List<String> expand(String name) {
        Matcher r = RANGE.matcher(name);
        if (!r.matches()) {
            return List.of(name);
        }
        boolean hex = r.group(2) != null;
        int from = Integer.parseInt(r.group(3), hex ? 16 : 10);
        int to = Integer.parseInt(r.group(5), hex ? 16 : 10);
        List<String> out = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            out.add(r.group(1) + " " + (hex ? String.format("0x%02X", k) : Integer.toString(k)));
        }
        return out;
    }
}
