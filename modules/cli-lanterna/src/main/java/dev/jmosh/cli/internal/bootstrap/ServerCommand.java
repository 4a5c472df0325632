package dev.jmosh.cli.internal.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments the wrapper gives the server, as mosh.pl builds them: {@code new -c COLORS},
 * the bind rule ({@code -s}, {@code -i IP} or nothing), {@code -p PORT}, one {@code -l NAME=VALUE}
 * for each locale variable set here, and {@code -- command...}; beyond mosh, {@code --cipher NAME}.
 */
final class ServerCommand {
    /** The locale variables mosh.pl passes on, in its order. */
    static final List<String> LOCALE_VARS = List.of("LANG", "LANGUAGE", "LC_CTYPE", "LC_NUMERIC", "LC_TIME",
            "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
            "LC_MEASUREMENT", "LC_IDENTIFICATION", "LC_ALL");

    private ServerCommand() {
    }

    /** The server's arguments for options {@code o}, colour count {@code colors} and environment {@code env}. */
    static List<String> arguments(WrapperOptions o, String colors, Map<String, String> env) {
        List<String> a = new ArrayList<>(List.of("new", "-c", colors));
        a.addAll(bindArguments(o));
        if (o.port() != null) {
            a.add("-p");
            a.add(o.port());
        }
        if (o.cipher() != null) {
            a.add("--cipher"); // jmosh-server only: mosh-server's getopt reads it as "-c ipher" and exits
            a.add(o.cipher());
        }
        for (String v : LOCALE_VARS) {
            String value = env.get(v);
            if (value != null) {
                a.add("-l");
                a.add(v + "=" + value);
            }
        }
        if (!o.command().isEmpty()) {
            a.add("--");
            a.addAll(o.command());
        }
        return a;
    }

    /** {@code --bind-server}: ssh (default) gives {@code -s}, or {@code -i HOST} with {@code --local}; any gives nothing. */
    private static List<String> bindArguments(WrapperOptions o) {
        String b = o.bindServer();
        if (b == null || b.equalsIgnoreCase("ssh")) {
            return o.local() ? List.of("-i", o.userHost()) : List.of("-s");
        }
        if (b.equalsIgnoreCase("any")) {
            return List.of();
        }
        return List.of("-i", b);
    }
}
