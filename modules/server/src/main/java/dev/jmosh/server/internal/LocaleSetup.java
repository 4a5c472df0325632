package dev.jmosh.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * mosh-server's locale rule: the server needs a UTF-8 character set. If its own locale is not
 * UTF-8, the client's {@code -l NAME=VALUE} settings replace every locale variable and the check
 * is made again; if that fails too, it stops with both environments explained and the output of
 * {@code locale}. The resulting environment is the one the child inherits.
 */
public final class LocaleSetup {
    private static final List<String> VARIABLES = List.of("LANG", "LANGUAGE", "LC_CTYPE", "LC_NUMERIC",
            "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER", "LC_NAME", "LC_ADDRESS",
            "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION", "LC_ALL");

    private LocaleSetup() {
    }

    /**
     * The environment to run with.
     *
     * @param nativeCharset the JVM's {@code native.encoding}, i.e. {@code nl_langinfo(CODESET)} at start
     * @param warnings receives "isn't available here" notices, as mosh prints them
     * @throws ServerExit when neither the native nor the client-supplied locale is UTF-8
     */
    public static Map<String, String> apply(Map<String, String> env, List<String> settings, String nativeCharset,
            StringBuilder warnings) throws ServerExit {
        if (isUtf8(nativeCharset)) {
            return env;
        }
        String nativeCtype = ctype(env);
        String nativeName = pleasant(nativeCharset);
        Map<String, String> client = new HashMap<>(env);
        VARIABLES.forEach(client::remove);
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                client.put(s.substring(0, eq), s.substring(eq + 1));
            }
        }
        String[] probe = charmap(client);
        if (!probe[1].isEmpty()) {
            warnings.append("The locale requested by ").append(ctype(client)).append(" isn't available here.\n");
            String name = ctypeName(client);
            if (name != null) {
                warnings.append("Running `locale-gen ").append(client.get(name)).append("' may be necessary.\n\n");
            }
        }
        if (isUtf8(probe[0])) {
            return client;
        }
        throw new ServerExit(1, warnings + "jmosh-server needs a UTF-8 native locale to run.\n\n"
                + "Unfortunately, the local environment (" + nativeCtype + ") specifies\n"
                + "the character set \"" + nativeName + "\",\n\n"
                + "The client-supplied environment (" + ctype(client) + ") specifies\n"
                + "the character set \"" + pleasant(probe[0]) + "\".\n\n", run(client, localeProgram(client))[0]);
    }

    /**
     * The character set the C library gives {@code env}'s locale ({@code locale charmap}): what
     * {@code native.encoding} would be in a process started with {@code env}.
     */
    public static String charsetOf(Map<String, String> env) {
        return charmap(env)[0];
    }

    static boolean isUtf8(String charset) {
        return "UTF-8".equals(charset) || "utf-8".equals(charset);
    }

    private static String pleasant(String charset) {
        return "ANSI_X3.4-1968".equals(charset) ? "US-ASCII" : charset;
    }

    /** The variable that decides the character type, as "NAME=value", or "[no charset variables]". */
    static String ctype(Map<String, String> env) {
        String name = ctypeName(env);
        return name == null ? "[no charset variables]" : name + "=" + env.get(name);
    }

    private static String ctypeName(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            if (env.containsKey(name)) {
                return name;
            }
        }
        return null;
    }

    /** {charset, complaint}: what the C library makes of {@code env} ({@code locale charmap}). */
    private static String[] charmap(Map<String, String> env) {
        String[] r = run(env, localeProgram(env), "charmap");
        return new String[] {r[0].strip(), r[1].contains("Cannot set") ? r[1] : ""};
    }

    /**
     * Where {@code locale} is: in {@code env}'s {@code PATH}, else this process's, else
     * {@code /usr/bin} or {@code /bin}. What it reports comes from the C library and the locale
     * variables, not from where it was found; mosh-server asks its own C library, which needs no
     * {@code PATH} at all, so a launcher whose {@code PATH} lacks {@code locale} (or a shared
     * server started by one) must not take every locale for "".
     */
    static String localeProgram(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "") + ":" + System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (dir.startsWith("/")) {
                java.nio.file.Path p = java.nio.file.Path.of(dir, "locale");
                if (java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return "locale";
    }

    /** Runs a command with exactly {@code env}; returns {stdout, stderr}. */
    private static String[] run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out;
            String err;
            try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
                out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
                err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
            }
            p.waitFor();
            return new String[] {out, err};
        } catch (IOException e) {
            return new String[] {"", e.getMessage()};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[] {"", ""};
        }
    }
}
