package dev.jmosh.cli.internal.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The command-line rules of Perl's {@code Getopt::Long} in its default configuration, which the
 * mosh wrapper ({@code scripts/mosh.pl}) inherits and its users rely on: options may come before,
 * between or after the operands ("permute") until {@code --}; one or two dashes; names are
 * case-insensitive and may be shortened to any unique prefix (an exact name wins); a negatable
 * option also takes {@code --no} and {@code --no-}; a string option takes {@code --name=value}
 * or the next argument, whatever it is. Every problem is reported, in order, and parsing goes on.
 */
final class GetoptLong {
    /** What an option takes. */
    enum Kind { FLAG, NEGATABLE, STRING }

    /** One option: its primary name, its aliases, and what it takes. */
    record Spec(String name, Kind kind, String... aliases) {
    }

    /** One option as given: which one, its value (a string, or "1"/"0" for flags), in order. */
    record Given(String option, String value) {
    }

    /** The parse: options in command-line order, operands, and Getopt::Long's warnings. */
    record Result(List<Given> options, List<String> operands, List<String> warnings) {
        boolean ok() {
            return warnings.isEmpty();
        }
    }

    private record Name(String text, Spec spec, boolean negated) {
    }

    private final List<Name> names = new ArrayList<>();

    GetoptLong(List<Spec> specs) {
        for (Spec s : specs) {
            add(s, s.name());
            for (String a : s.aliases()) {
                add(s, a);
            }
        }
    }

    private void add(Spec s, String name) {
        names.add(new Name(name, s, false));
        if (s.kind() == Kind.NEGATABLE) {
            names.add(new Name("no" + name, s, true));
            names.add(new Name("no-" + name, s, true));
        }
    }

    Result parse(String[] argv) {
        List<Given> given = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--")) {
                operands.addAll(List.of(argv).subList(i + 1, argv.length));
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                operands.add(a);
                continue;
            }
            String body = a.startsWith("--") ? a.substring(2) : a.substring(1);
            int eq = body.indexOf('=');
            String typed = (eq < 0 ? body : body.substring(0, eq)).toLowerCase(Locale.ROOT);
            String inline = eq < 0 ? null : body.substring(eq + 1);
            Name n;
            try {
                n = find(typed);
            } catch (IllegalArgumentException e) {
                warnings.add(e.getMessage());
                continue;
            }
            if (n == null) {
                warnings.add("Unknown option: " + typed);
                continue;
            }
            if (n.spec().kind() != Kind.STRING) {
                if (inline != null) {
                    warnings.add("Option " + n.text() + " does not take an argument");
                } else {
                    given.add(new Given(n.spec().name(), n.negated() ? "0" : "1"));
                }
                continue;
            }
            String value = inline;
            if (value == null && i + 1 < argv.length) {
                value = argv[++i];
            }
            if (value == null || value.isEmpty()) {
                warnings.add("Option " + n.text() + " requires an argument");
            } else {
                given.add(new Given(n.spec().name(), value));
            }
        }
        return new Result(given, operands, warnings);
    }

    /** The option {@code typed} names exactly or by a unique prefix; null if none. */
    private Name find(String typed) {
        for (Name n : names) {
            if (n.text().equals(typed)) {
                return n;
            }
        }
        Map<Spec, Name> bySpec = new java.util.LinkedHashMap<>();
        TreeSet<String> matched = new TreeSet<>();
        for (Name n : names) {
            if (n.text().startsWith(typed)) {
                bySpec.putIfAbsent(n.spec(), n);
                matched.add(n.text());
            }
        }
        if (bySpec.size() > 1) {
            throw new IllegalArgumentException("Option " + typed + " is ambiguous (" + String.join(", ", matched) + ")");
        }
        return bySpec.isEmpty() ? null : bySpec.values().iterator().next();
    }
}
