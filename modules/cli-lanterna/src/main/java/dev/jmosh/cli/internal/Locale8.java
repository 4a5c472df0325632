package dev.jmosh.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The locale check of mosh ({@code is_utf8_locale}, {@code get_ctype}): the native character
 * set, as the C library derived it from LC_ALL, LC_CTYPE or LANG, must be UTF-8. The JVM
 * exposes {@code nl_langinfo(CODESET)} of the native locale as {@code native.encoding}.
 */
public final class Locale8 {
    private Locale8() {
    }

    /** The native character set, with glibc's name for ASCII made pleasant as mosh does. */
    public static String charset() {
        String cs = System.getProperty("native.encoding", System.getProperty("sun.jnu.encoding", ""));
        return "ANSI_X3.4-1968".equals(cs) ? "US-ASCII" : cs;
    }

    /** Whether the native locale is UTF-8. */
    public static boolean isUtf8() {
        String cs = charset();
        return "UTF-8".equals(cs) || "utf-8".equals(cs);
    }

    /** The variable that decided the character type, e.g. "LC_ALL=C", or "[no charset variables]". */
    public static String ctype(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(name);
            if (v != null) {
                return name + "=" + v;
            }
        }
        return "[no charset variables]";
    }

    /** The output of {@code locale}, as mosh appends it to its complaint; empty if it cannot run. */
    public static String localeOutput() {
        try {
            Process p = new ProcessBuilder("locale").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                p.waitFor();
                return out;
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * mosh-client's refusal of a non-UTF-8 locale: its complaint on {@code err}, then the output
     * of {@code locale} on {@code out}, as mosh-client's {@code system("locale")} writes it.
     */
    public static void refuse(Map<String, String> env, java.io.PrintStream out, java.io.PrintStream err) {
        err.print(Messages.needUtf8(ctype(env), charset()));
        err.flush();
        out.print(localeOutput());
        out.flush();
    }
}
