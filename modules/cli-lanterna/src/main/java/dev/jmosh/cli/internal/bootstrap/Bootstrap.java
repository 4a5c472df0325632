package dev.jmosh.cli.internal.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the server the way mosh.pl does, over {@code ssh} or with {@code --local} directly, and
 * reads its output for {@code MOSH IP}, {@code MOSH SSH_CONNECTION} and {@code MOSH CONNECT};
 * every other line is shown to the user. The result is the address, port and key to connect to,
 * or mosh's message and exit status.
 */
public final class Bootstrap {
    private static final Pattern CONNECT = Pattern.compile("^MOSH CONNECT (\\d+?) ((?:[a-z0-9][a-z0-9.-]*:[A-Za-z0-9/+]+)|[A-Za-z0-9/+]{22})\\s*$");
    private static final Pattern IP = Pattern.compile("^MOSH IP (\\S+)\\s*$");
    /** mosh.pl's {@code remote} mode: the server's shell prints the SSH_CONNECTION it sees. */
    private static final String SSH_CONNECTION_PREFIX = "sh -c "
            + Shell.quote(List.of("[ -n \"$SSH_CONNECTION\" ] && printf \"\\nMOSH SSH_CONNECTION %s\\n\" \"$SSH_CONNECTION\""))
            + " ; ";

    /** Where to connect: the server's address as the client must use it, its UDP port and the session key. */
    public record Connect(String ip, String port, String key) {
    }

    private final String argv0;
    private final WrapperOptions options;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * A bootstrap for {@code options}.
     *
     * @param argv0 the program name for messages
     * @param env the environment the child gets (already holding MOSH_CLIENT_PID and friends)
     * @param out where the server's other lines are shown (standard output)
     * @param err where warnings go (standard error)
     */
    public Bootstrap(String argv0, WrapperOptions options, Map<String, String> env, PrintStream out, PrintStream err) {
        this.argv0 = argv0;
        this.options = options;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the child and reads its startup messages.
     *
     * @param serverCommand the server as a shell command ({@code --server}, or the default)
     * @param colors the colour count for {@code -c}
     * @param proxyCommand the command ssh runs as ProxyCommand: this program, shell-quoted
     * @param whileWaiting run once the child is started, before its output is read (the
     *     client's warm-up, which then overlaps the server's start instead of delaying it)
     */
    public Connect run(String serverCommand, String colors, String proxyCommand, Runnable whileWaiting)
            throws WrapperFailure, IOException, InterruptedException {
        String localIp = options.remoteIp().equals("local") ? localAddress() : null;
        List<String> serverArgs = ServerCommand.arguments(options, colors, env);
        String userHost = localIp == null ? options.userHost() : userPart(options.userHost()) + localIp;
        ProcessBuilder pb;
        List<String> synthetic = new ArrayList<>();
        if (options.local()) {
            pb = new ProcessBuilder("/bin/sh", "-c", serverCommand + " " + Shell.quote(serverArgs));
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().remove("SSH_CONNECTION");
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            if (home != null && new File(home).isDirectory()) {
                pb.directory(new File(home));
            }
            synthetic.add("MOSH IP " + userHost);
        } else {
            List<String> argv = new ArrayList<>(options.ssh());
            argv.add("-n");
            if (options.sshPty()) {
                argv.add("-tt");
            }
            String prefix = "";
            if (options.remoteIp().equals("remote")) {
                prefix = SSH_CONNECTION_PREFIX;
                if (options.family().equals("inet")) {
                    argv.add("-4");
                } else if (options.family().equals("inet6")) {
                    argv.add("-6");
                }
            }
            pb = new ProcessBuilder();
            pb.environment().clear();
            pb.environment().putAll(env);
            if (options.remoteIp().equals("proxy")) {
                pb.environment().put("SHELL", "/bin/sh");
                argv.addAll(List.of("-S", "none", "-o", "ProxyCommand=" + proxyCommand
                        + " " + Shell.quote(List.of("--family=" + options.family())) + " --fake-proxy -- %h %p"));
            }
            argv.add(userHost);
            argv.add("--");
            argv.add(prefix + serverCommand + " " + Shell.quote(serverArgs));
            pb.command(argv);
        }
        // mosh.pl lets ssh inherit the terminal, and ssh -tt then switches it to raw mode and back
        // when it ends; this wrapper does not wait for that end (see read), so ssh gets /dev/null,
        // which its -n gives the session anyway (ssh asks for passwords on /dev/tty, not stdin).
        // A local server reads the window size from the terminal, as mosh-server does.
        pb.redirectInput(options.local() ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true);
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            // what Perl's exec says, which reaches mosh.pl's pipe and is shown like any other line
            out.print("Can't exec \"" + pb.command().get(0) + "\": " + reason(e) + "\n"
                    + "Cannot exec " + (options.local() ? serverCommand : "ssh") + ": " + reason(e) + "\n");
            out.flush();
            return finish(localIp, null, null, null, false);
        }
        whileWaiting.run();
        return read(child, synthetic, localIp);
    }

    private Connect read(Process child, List<String> synthetic, String localIp)
            throws WrapperFailure, IOException, InterruptedException {
        String ip = localIp;
        String sshIp = null;
        String port = null;
        String key = null;
        boolean badUdpPort = false;
        try (InputStream in = child.getInputStream()) {
            List<String> pending = new ArrayList<>(synthetic);
            while (true) {
                byte[] raw = pending.isEmpty() ? readLine(in) : pending.remove(0).getBytes(StandardCharsets.ISO_8859_1);
                if (raw == null) {
                    break;
                }
                String line = new String(raw, StandardCharsets.ISO_8859_1);
                if (line.startsWith("MOSH IP ")) {
                    if (ip != null) {
                        throw new WrapperFailure(argv0 + " error: detected attempt to redefine MOSH IP.\n",
                                WrapperFailure.BAD_LINE);
                    }
                    Matcher m = IP.matcher(line);
                    if (!m.matches()) {
                        throw new WrapperFailure("Bad MOSH IP string: " + line + "\n", WrapperFailure.BAD_LINE);
                    }
                    ip = m.group(1);
                } else if (line.startsWith("MOSH SSH_CONNECTION ")) {
                    String[] words = line.trim().split("\\s+");
                    if (words.length != 6) {
                        throw new WrapperFailure("Bad MOSH SSH_CONNECTION string: " + line + "\n", WrapperFailure.BAD_LINE);
                    }
                    sshIp = words[4];
                } else if (line.startsWith("MOSH CONNECT ")) {
                    Matcher m = CONNECT.matcher(line);
                    if (!m.matches()) {
                        throw new WrapperFailure("Bad MOSH CONNECT string: " + line + "\n", WrapperFailure.BAD_LINE);
                    }
                    port = m.group(1);
                    key = m.group(2);
                    break;
                } else {
                    if (options.port() != null && options.port().contains(":") && line.contains("Bad UDP port")) {
                        badUdpPort = true;
                    }
                    out.write(raw);
                    out.write('\n');
                    out.flush();
                }
            }
        }
        if (key == null) {
            child.waitFor(); // the output ended: the child is ending too, as mosh.pl's waitpid expects
        }
        // Beyond mosh, which waits here for ssh to close the channel (one more round trip): ssh
        // ends by itself once the server has detached, and the JDK reaps it; the client starts now.
        return finish(ip, sshIp, port, key, badUdpPort);
    }

    private Connect finish(String ip, String sshIp, String port, String key, boolean badUdpPort) throws WrapperFailure {
        if (ip == null) {
            if (sshIp == null) {
                throw new WrapperFailure(argv0 + ": Did not find remote IP address (is SSH ProxyCommand disabled?).\n",
                        WrapperFailure.NOT_FOUND);
            }
            err.print(argv0 + ": Using remote IP address " + sshIp + " from $SSH_CONNECTION for hostname "
                    + options.userHost() + "\n");
            ip = sshIp;
        }
        if (key == null || port == null) {
            if (badUdpPort) {
                throw new WrapperFailure(argv0 + ": Server does not support UDP port range option.\n",
                        WrapperFailure.NOT_FOUND);
            }
            throw new WrapperFailure(argv0 + ": Did not find mosh server startup message. "
                    + "(Have you installed mosh on your server?)\n", WrapperFailure.NOT_FOUND);
        }
        return new Connect(ip, port, key);
    }

    /** One line without its {@code \n} (a {@code \r} stays, as Perl's chomp leaves it); null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return b.toByteArray();
            }
            b.write(c);
        }
        return b.size() > 0 ? b.toByteArray() : null;
    }

    /** {@code --experimental-remote-ip=local}: the first address of the host, resolved here. */
    private String localAddress() throws WrapperFailure {
        String host = options.userHost().substring(userPart(options.userHost()).length());
        List<java.net.InetAddress> all = AddressResolver.resolve(argv0, host, options.family());
        if (all.isEmpty()) {
            throw new WrapperFailure("could not find address for " + host + "\n", WrapperFailure.USAGE);
        }
        return AddressResolver.numeric(all.get(0));
    }

    private static String userPart(String userHost) {
        int at = userHost.lastIndexOf('@');
        return at < 0 ? "" : userHost.substring(0, at + 1);
    }

    /** The C library's words in the JDK's "Cannot run program ... (No such file or directory)". */
    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int open = m.lastIndexOf('(');
        return open >= 0 && m.endsWith(")") ? m.substring(open + 1, m.length() - 1) : m;
    }
}
