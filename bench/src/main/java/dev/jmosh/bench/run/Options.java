package dev.jmosh.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code bench/run}.
 *
 * @param root the checkout
 * @param quick fewer rounds
 * @param only the measurements to run (empty: all)
 * @param results the results folder, or null for the default
 * @param noBuild measure what is built, without building first
 * @param list list the measurements and stop
 * @param help print the usage and stop
 */
record Options(Path root, boolean quick, List<String> only, Path results, boolean noBuild, boolean list,
        boolean help) {

    /** Parses {@code args}; an unknown option or measurement is an {@link IllegalArgumentException} saying which. */
    static Options parse(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        boolean quick = false;
        boolean list = false;
        boolean noBuild = false;
        boolean help = false;
        List<String> only = new ArrayList<>();
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String name = value == null ? a : a.substring(0, a.indexOf('='));
            switch (name) {
                case "--quick" -> quick = true;
                case "--list" -> list = true;
                case "--no-build" -> noBuild = true;
                case "--help", "-h" -> help = true;
                case "--root", "--only", "--results" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("option " + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--root")) {
                        root = Path.of(value).toAbsolutePath();
                    } else if (name.equals("--results")) {
                        results = Path.of(value).toAbsolutePath();
                    } else {
                        for (String n : value.split(",")) {
                            String part = n.strip();
                            if (Part.ALL.stream().noneMatch(p -> p.name().equals(part))) {
                                throw new IllegalArgumentException("no measurement named '" + part + "' (see --list)");
                            }
                            only.add(part);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
            }
        }
        return new Options(root, quick, List.copyOf(only), results, noBuild, list, help);
    }
}
