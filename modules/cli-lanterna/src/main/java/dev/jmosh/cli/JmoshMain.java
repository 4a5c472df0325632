package dev.jmosh.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jmosh --local [--server=COMMAND] [-- command...]}: starts a server on 127.0.0.1 the way
 * the perl {@code mosh --local} wrapper does ({@code COMMAND new -i 127.0.0.1 -c COLORS -l
 * LANG=...}), reads its {@code MOSH CONNECT port key} line, and runs the jmosh client against it.
 * The default server is jmosh-server (the launcher names it with {@code -Djmosh.server}),
 * else {@code mosh-server} from {@code PATH}.
 */
public final class JmoshMain {
    private static final Pattern CONNECT = Pattern.compile("^MOSH CONNECT (\\d+?) ([A-Za-z0-9/+]{22})\\s*$");
    private static final List<String> LOCALE_VARS = List.of("LANG", "LANGUAGE", "LC_CTYPE", "LC_NUMERIC",
            "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER", "LC_NAME", "LC_ADDRESS",
            "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION", "LC_ALL");
    private static final String USAGE = "Usage: jmosh --local [--server=COMMAND] [-- command...]\n"
            + "  Starts COMMAND (default jmosh-server) on 127.0.0.1 and connects to it.\n"
            + "  For a remote host, use the mosh wrapper with this client:\n"
            + "    mosh --client=<jmosh>/bin/jmosh-client [user@]host\n";

    private JmoshMain() {
    }

    /** Runs {@code jmosh}. */
    public static void main(String[] argv) throws IOException, InterruptedException {
        boolean local = false;
        String server = System.getProperty("jmosh.server", "mosh-server");
        List<String> command = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--")) {
                command.addAll(List.of(argv).subList(i + 1, argv.length));
                break;
            } else if (a.equals("--local")) {
                local = true;
            } else if (a.startsWith("--server=")) {
                server = a.substring("--server=".length());
            } else if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            } else {
                System.err.print("jmosh: " + (a.startsWith("-") ? "unknown option " + a
                        : "connecting to " + a + " over ssh is not supported yet") + "\n" + USAGE);
                System.exit(1);
            }
        }
        if (!local) {
            System.err.print(USAGE);
            System.exit(1);
        }
        List<String> cmd = new ArrayList<>(List.of(server.split(" ")));
        cmd.addAll(List.of("new", "-i", "127.0.0.1", "-c", dev.jmosh.cli.internal.ClientArgs.colorCount()));
        for (String v : LOCALE_VARS) {
            String value = System.getenv(v);
            if (value != null) {
                cmd.add("-l");
                cmd.add(v + "=" + value);
            }
        }
        if (!command.isEmpty()) {
            cmd.add("--");
            cmd.addAll(command);
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            System.err.println("jmosh: cannot run " + server + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        String port = null;
        String key = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = CONNECT.matcher(line);
                if (m.matches()) {
                    port = m.group(1);
                    key = m.group(2);
                    break;
                } else if (!line.isBlank()) {
                    System.out.println(line);
                }
            }
        }
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (port == null) {
            System.err.print(errors);
            System.err.println("Did not find mosh server startup message. (Have you installed mosh on your server?)");
            System.exit(1);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MOSH_KEY", key);
        System.exit(ClientMain.run(new String[] {"127.0.0.1", port}, env));
    }
}
