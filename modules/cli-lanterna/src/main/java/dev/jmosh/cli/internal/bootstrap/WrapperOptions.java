package dev.jmosh.cli.internal.bootstrap;

import dev.jmosh.cli.internal.bootstrap.GetoptLong.Kind;
import dev.jmosh.cli.internal.bootstrap.GetoptLong.Spec;
import dev.jmosh.ssp.ProviderSelectionException;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.CipherProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code jmosh} command line, with mosh.pl's option names, defaults, environment fallbacks,
 * checks and messages, in mosh.pl's order.
 *
 * @param client {@code --client=PATH}, or null for jmosh's own client in this process
 * @param server {@code --server=COMMAND} (a shell command line), or null for the default
 * @param predict the prediction mode, checked ({@code MOSH_PREDICTION_DISPLAY} is the fallback)
 * @param overwrite {@code -o/--predict-overwrite}
 * @param port {@code -p/--port} as given and checked, or null
 * @param family the address family rule, lower-cased
 * @param ssh the words of {@code --ssh=COMMAND}
 * @param sshPty false with {@code --no-ssh-pty}
 * @param termInit false with {@code --no-init}
 * @param local {@code --local}
 * @param fakeProxy {@code --fake-proxy}: be ssh's ProxyCommand
 * @param bindServer {@code --bind-server}, or null
 * @param remoteIp {@code --experimental-remote-ip}: proxy, local or remote
 * @param operands {@code [user@]host [command...]}, or {@code host port} for the proxy
 * @param cipher {@code --cipher=NAME} (beyond mosh: both ends must be jmosh), or null for mosh's
 */
public record WrapperOptions(String client, String server, String predict, boolean overwrite, String port,
        String family, List<String> ssh, boolean sshPty, boolean termInit, boolean local, boolean fakeProxy,
        String bindServer, String remoteIp, List<String> operands, String cipher) {

    private static final GetoptLong GETOPT = new GetoptLong(List.of(
            new Spec("client", Kind.STRING), new Spec("server", Kind.STRING), new Spec("predict", Kind.STRING),
            new Spec("predict-overwrite", Kind.NEGATABLE, "o"), new Spec("port", Kind.STRING),
            new Spec("a", Kind.FLAG), new Spec("n", Kind.FLAG), new Spec("family", Kind.STRING),
            new Spec("4", Kind.FLAG), new Spec("6", Kind.FLAG), new Spec("p", Kind.STRING),
            new Spec("ssh", Kind.STRING), new Spec("ssh-pty", Kind.NEGATABLE), new Spec("init", Kind.NEGATABLE),
            new Spec("local", Kind.FLAG), new Spec("help", Kind.FLAG), new Spec("version", Kind.FLAG),
            new Spec("fake-proxy", Kind.NEGATABLE), new Spec("bind-server", Kind.STRING),
            new Spec("experimental-remote-ip", Kind.STRING), new Spec("cipher", Kind.STRING)));
    private static final Set<String> MODES = Set.of("adaptive", "always", "never", "experimental");
    private static final Pattern PORT = Pattern.compile("^(\\d+)(:(\\d+))?$");

    /** What the command line asks for before any session: help, the version, or nothing. */
    public enum Early { NONE, HELP, VERSION }

    /** A parsed command line, and whether it only asks for help or the version. */
    public record Parsed(Early early, WrapperOptions options) {
    }

    /**
     * Parses and checks {@code argv} as mosh.pl does.
     *
     * @param argv0 the program name for messages ({@code $0})
     * @param env the environment ({@code MOSH_PREDICTION_DISPLAY})
     * @throws WrapperFailure with mosh.pl's message and status
     */
    public static Parsed parse(String argv0, String[] argv, Map<String, String> env) throws WrapperFailure {
        GetoptLong.Result r = GETOPT.parse(argv);
        if (!r.ok()) {
            throw new WrapperFailure(String.join("\n", r.warnings()) + "\n" + WrapperText.usage(argv0), WrapperFailure.USAGE);
        }
        String client = null;
        String server = null;
        String predict = null;
        boolean overwrite = false;
        String port = null;
        String family = "prefer-inet";
        List<String> ssh = List.of("ssh");
        boolean sshPty = true;
        boolean init = true;
        boolean local = false;
        boolean help = false;
        boolean version = false;
        boolean fakeProxy = false;
        String bind = null;
        String remoteIp = "proxy";
        String cipher = null;
        for (GetoptLong.Given g : r.options()) {
            String v = g.value();
            switch (g.option()) {
                case "client" -> client = v;
                case "server" -> server = v;
                case "predict" -> predict = v;
                case "predict-overwrite" -> overwrite = v.equals("1");
                case "port", "p" -> port = v;
                case "a" -> predict = "always";
                case "n" -> predict = "never";
                case "family" -> family = v;
                case "4" -> family = "inet";
                case "6" -> family = "inet6";
                case "ssh" -> ssh = Shell.words(v);
                case "ssh-pty" -> sshPty = v.equals("1");
                case "init" -> init = v.equals("1");
                case "local" -> local = true;
                case "help" -> help = true;
                case "version" -> version = true;
                case "fake-proxy" -> fakeProxy = v.equals("1");
                case "bind-server" -> bind = v;
                case "experimental-remote-ip" -> remoteIp = v;
                case "cipher" -> cipher = v;
                default -> throw new IllegalStateException("unhandled option " + g.option());
            }
        }
        if (help) {
            return new Parsed(Early.HELP, null);
        }
        if (version) {
            return new Parsed(Early.VERSION, null);
        }
        if (predict != null) {
            checkPredict(argv0, predict, false);
        } else if (env.get("MOSH_PREDICTION_DISPLAY") != null) {
            predict = env.get("MOSH_PREDICTION_DISPLAY");
            checkPredict(argv0, predict, true);
        } else {
            predict = "adaptive";
        }
        if (!Set.of("local", "remote", "proxy").contains(remoteIp)) {
            throw new WrapperFailure("Unknown parameter " + remoteIp + "\n", WrapperFailure.USAGE);
        }
        family = family.toLowerCase(Locale.ROOT);
        if (port != null) {
            checkPort(argv0, port);
        }
        if (cipher != null) {
            try {
                Providers.select(CipherProvider.class, cipher); // before a server is started for nothing
            } catch (ProviderSelectionException e) {
                throw new WrapperFailure(argv0 + ": " + e.getMessage() + "\n", WrapperFailure.USAGE);
            }
        }
        if (!fakeProxy && r.operands().isEmpty() && !local) {
            throw new WrapperFailure(WrapperText.usage(argv0), WrapperFailure.USAGE);
        }
        return new Parsed(Early.NONE, new WrapperOptions(client, server, predict, overwrite, port, family, ssh, sshPty,
                init, local, fakeProxy, bind, remoteIp, List.copyOf(r.operands()), cipher));
    }

    private static void checkPredict(String argv0, String predict, boolean fromEnv) throws WrapperFailure {
        if (!MODES.contains(predict)) {
            String why = fromEnv ? " (MOSH_PREDICTION_DISPLAY in environment)" : "";
            throw new WrapperFailure(argv0 + ": Unknown mode \"" + predict + "\"" + why + ".\n\n" + WrapperText.usage(argv0),
                    WrapperFailure.USAGE);
        }
    }

    private static void checkPort(String argv0, String request) throws WrapperFailure {
        Matcher m = PORT.matcher(request);
        if (!m.matches()) {
            throw new WrapperFailure(argv0 + ": Server-side port or range (" + request + ") is not valid.\n",
                    WrapperFailure.USAGE);
        }
        long low = parse(m.group(1));
        if (low > 65535) {
            throw new WrapperFailure(argv0 + ": Server-side (low) port (" + m.group(1)
                    + ") must be within valid range [0..65535].\n", WrapperFailure.USAGE);
        }
        if (m.group(3) != null) {
            long high = parse(m.group(3));
            if (high <= 0 || high > 65535) {
                throw new WrapperFailure(argv0 + ": Server-side high port (" + m.group(3)
                        + ") must be within valid range [1..65535].\n", WrapperFailure.USAGE);
            }
            if (low == 0) {
                throw new WrapperFailure(argv0 + ": Server-side port ranges may not be used with starting port 0 ("
                        + request + ").\n", WrapperFailure.USAGE);
            }
            if (low > high) {
                throw new WrapperFailure(argv0 + ": Server-side port range (" + request
                        + "): low port greater than high port.\n", WrapperFailure.USAGE);
            }
        }
    }

    /** A run of digits as a number; absurdly long runs count as out of range. */
    private static long parse(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /**
     * The first operand: {@code [user@]host}. Beyond mosh, {@code --local} needs no host: there
     * the first operand is the host only if it is a numeric address (the server binds to it),
     * and otherwise every operand is the command, on 127.0.0.1.
     */
    public String userHost() {
        return hasHost() ? operands.get(0) : "127.0.0.1";
    }

    /** The remote command: the operands after the host. */
    public List<String> command() {
        return hasHost() ? operands.subList(1, operands.size()) : operands;
    }

    private boolean hasHost() {
        if (operands.isEmpty()) {
            return false;
        }
        if (!local) {
            return true;
        }
        String host = operands.get(0);
        host = host.substring(host.lastIndexOf('@') + 1);
        try {
            java.net.InetAddress.ofLiteral(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
