package dev.jmosh.cli;

import dev.jmosh.cli.internal.Locale8;
import dev.jmosh.cli.internal.Prewarm;
import dev.jmosh.cli.internal.TerminalClient;
import dev.jmosh.cli.internal.Terminfo;
import dev.jmosh.cli.internal.Tty;
import dev.jmosh.cli.internal.bootstrap.Bootstrap;
import dev.jmosh.cli.internal.bootstrap.FakeProxy;
import dev.jmosh.cli.internal.bootstrap.WrapperFailure;
import dev.jmosh.cli.internal.bootstrap.WrapperOptions;
import dev.jmosh.cli.internal.bootstrap.WrapperText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jmosh [options] [--] [user@]host [command...]}: the perl {@code mosh} wrapper of mosh
 * 1.4.0 ({@code scripts/mosh.pl}), with its options, defaults, environment variables, messages
 * and exit statuses. It runs the system {@code ssh} (or, with {@code --local}, the server
 * directly), with this program as ssh's ProxyCommand so that the client later uses exactly the
 * address ssh reached, reads {@code MOSH CONNECT}, and then runs the jmosh client in this same
 * process ({@code --client=PATH} runs another client instead).
 *
 * <p>Beyond mosh: {@code jmosh --local} needs no host (127.0.0.1) and starts jmosh-server (the
 * launcher names it with {@code -Djmosh.server}); a locale that is not UTF-8 and a standard input
 * that is not a terminal are refused before any server is started, with mosh-client's messages.
 * The launcher passes its own path as {@code -Djmosh.launcher} for the ProxyCommand.
 */
public final class JmoshMain {
    private JmoshMain() {
    }

    /** Runs {@code jmosh} and exits with its status. */
    public static void main(String[] argv) {
        // getaddrinfo's order for --family=all and auto, as mosh's resolver sees it
        System.setProperty("java.net.preferIPv6Addresses", "system");
        System.exit(run(argv, System.getenv()));
    }

    static int run(String[] argv, Map<String, String> environment) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String argv0 = System.getProperty("jmosh.argv0", "jmosh");
        try {
            WrapperOptions.Parsed parsed = WrapperOptions.parse(argv0, argv, environment);
            switch (parsed.early()) {
                case HELP -> {
                    out.print(WrapperText.usage(argv0));
                    return 0;
                }
                case VERSION -> {
                    out.print(WrapperText.version());
                    return 0;
                }
                default -> {
                }
            }
            WrapperOptions o = parsed.options();
            if (o.fakeProxy()) {
                return FakeProxy.run(argv0, o.family(), o.operands(), err);
            }
            return session(argv0, argv, o, environment, out, err);
        } catch (WrapperFailure e) {
            err.print(e.getMessage());
            return e.status();
        }
    }

    private static int session(String argv0, String[] argv, WrapperOptions o, Map<String, String> environment,
            PrintStream out, PrintStream err) throws WrapperFailure {
        if (o.client() == null) {
            // refuse before a server is started that no client could attach to
            if (!Locale8.isUtf8()) {
                Locale8.refuse(environment, out, err);
                return 1;
            }
            if (!terminalOnStdin()) {
                err.println("tcgetattr: Inappropriate ioctl for device");
                return 1;
            }
        }
        String colors;
        if (o.client() == null) {
            try {
                colors = Integer.toString(Terminfo.load(environment).colors());
            } catch (Terminfo.UnknownTerminalException e) {
                err.print(Terminfo.setuptermError(environment)); // what mosh.pl's "mosh-client -c" shows
                return 1;
            }
        } else {
            colors = run(o.client(), "-c");
        }
        colors = colors == null || !colors.strip().matches("[0-9]+") ? "0" : colors.strip();
        Map<String, String> env = new HashMap<>(environment);
        if (o.cipher() != null) {
            env.put(TerminalClient.CIPHER_VARIABLE, o.cipher()); // the key the server prints must be for it
        }
        if (o.overwrite()) {
            env.put("MOSH_PREDICTION_OVERWRITE", "yes");
        }
        env.remove("MOSH_PREDICTION_DISPLAY");
        env.put("MOSH_CLIENT_PID", Long.toString(ProcessHandle.current().pid()));
        Bootstrap.Connect c;
        try {
            c = new Bootstrap(argv0, o, env, out, err).run(serverCommand(o), colors, proxyCommand(),
                    o.client() == null ? Prewarm::start : () -> { });
        } catch (IOException e) {
            err.print(argv0 + ": " + e.getMessage() + "\n");
            return WrapperFailure.NOT_FOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        env.put("MOSH_KEY", c.key());
        env.put("MOSH_PREDICTION_DISPLAY", o.predict());
        if (!o.termInit()) {
            env.put("MOSH_NO_TERM_INIT", "1");
        }
        String[] clientArgs = {"-# " + String.join(" ", argv) + " |", c.ip(), c.port()};
        if (o.client() != null) {
            return external(o.client(), clientArgs, env, err);
        }
        return ClientMain.run(clientArgs, env);
    }

    /** Whether standard input is a terminal device, read from /proc (no native call, which costs time at start). */
    private static boolean terminalOnStdin() {
        try {
            String t = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return Tty.isatty(0);
        }
    }

    /** The server command: {@code --server}, else jmosh-server for {@code --local}, else mosh-server. */
    private static String serverCommand(WrapperOptions o) {
        if (o.server() != null) {
            return o.server();
        }
        String own = System.getProperty("jmosh.server");
        return o.local() && own != null ? "'" + own.replace("'", "'\\''") + "'" : "mosh-server";
    }

    /** This program as ssh's ProxyCommand: the launcher, else this JVM with its module path. */
    private static String proxyCommand() {
        List<String> words = new ArrayList<>();
        String launcher = System.getProperty("jmosh.launcher");
        if (launcher != null) {
            words.add(launcher);
        } else {
            words.add(ProcessHandle.current().info().command().orElse("java"));
            words.add("-p");
            words.add(System.getProperty("jdk.module.path", ""));
            words.add("-m");
            words.add("dev.jmosh.cli/" + JmoshMain.class.getName());
        }
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(s.length() == 0 ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        }
        return s.toString();
    }

    private static String run(String program, String arg) {
        try {
            Process p = new ProcessBuilder(program, arg).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (InputStream in = p.getInputStream()) {
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return s;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int external(String client, String[] args, Map<String, String> env, PrintStream err) {
        List<String> cmd = new ArrayList<>(List.of(client));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            err.print("Cannot exec " + client + ": " + e.getMessage() + "\n");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
