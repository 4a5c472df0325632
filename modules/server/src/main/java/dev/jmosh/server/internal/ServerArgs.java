package dev.jmosh.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * mosh-server's command line (mosh-server.cc {@code main}): a pre-scan for {@code --help},
 * {@code -h}, {@code --version} and {@code --}; then {@code new} with GNU getopt
 * {@code "@:i:p:c:svl:"} (bundling, attached arguments, non-options ignored, errors reported
 * under the name {@code new} and then ignored), or the legacy {@code [IP [PORT]]} form. Beyond
 * mosh, {@code new} takes {@code --cipher NAME} (or {@code --cipher=NAME}): the datagram cipher,
 * whose name the printed key then carries.
 *
 * @param ip address to bind first, or null for any interface
 * @param ports the port search range
 * @param colors the {@code -c} value (256 selects {@code TERM=xterm-256color})
 * @param verbose how many {@code -v}
 * @param locales the {@code -l NAME=VALUE} settings, in order
 * @param command the command after {@code --}, or empty for the login shell
 * @param warnings what mosh prints to stderr while parsing without stopping
 * @param cipher the {@code --cipher} name, or null for the {@code jmosh.cipher} property or mosh's
 */
public record ServerArgs(String ip, PortRange ports, int colors, int verbose, List<String> locales,
        List<String> command, String warnings, String cipher) {

    /** Parses {@code argv} (without the program name); {@code program} is argv[0] for messages. */
    public static ServerArgs parse(String program, String[] argv, Map<String, String> env) throws ServerExit {
        List<String> args = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new ServerExit(0, "", Messages.usage(program));
            } else if (a.equals("--version")) {
                throw new ServerExit(0, "", Messages.banner());
            } else if (a.equals("--")) {
                command.addAll(List.of(argv).subList(i + 1, argv.length));
                break;
            }
            args.add(a);
        }
        if (!args.isEmpty() && args.get(0).equals("new")) {
            return parseNew(program, args.subList(1, args.size()), command, env);
        }
        if (args.size() > 2) {
            throw new ServerExit(1, Messages.usage(program), "");
        }
        String ip = args.isEmpty() ? null : args.get(0);
        String port = args.size() == 2 ? args.get(1) : null;
        return new ServerArgs(ip, ports(program, port), 0, 0, List.of(), command, "", null);
    }

    private static ServerArgs parseNew(String program, List<String> args, List<String> command,
            Map<String, String> env) throws ServerExit {
        StringBuilder warnings = new StringBuilder();
        String ip = null;
        String port = null;
        int colors = 0;
        int verbose = 0;
        List<String> locales = new ArrayList<>();
        String cipher = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--cipher=")) {
                cipher = a.substring("--cipher=".length());
                continue;
            } else if (a.equals("--cipher")) {
                if (i + 1 == args.size()) {
                    throw new ServerExit(1, program + ": --cipher needs a cipher name\n" + Messages.usage(program), "");
                }
                cipher = args.get(++i);
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                continue; // GNU getopt permutes operands to the end; mosh never reads them
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if ("@ipcl".indexOf(c) >= 0) {
                    String value;
                    if (j + 1 < a.length()) {
                        value = a.substring(j + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        warnings.append("new: option requires an argument -- '").append(c).append("'\n")
                                .append(Messages.usage(program));
                        break;
                    }
                    switch (c) {
                        case 'i' -> ip = value;
                        case 'p' -> port = value;
                        case 'c' -> colors = colors(program, value);
                        case 'l' -> locales.add(value);
                        default -> { } // -@: the wrapper's arguments, ignored
                    }
                    break;
                } else if (c == 's') {
                    ip = sshIp(env, warnings);
                } else if (c == 'v') {
                    verbose++;
                } else {
                    warnings.append("new: invalid option -- '").append(c).append("'\n").append(Messages.usage(program));
                }
            }
        }
        return new ServerArgs(ip, ports(program, port), colors, verbose, List.copyOf(locales), command,
                warnings.toString(), cipher);
    }

    private static PortRange ports(String program, String port) throws ServerExit {
        if (port == null) {
            return PortRange.defaults();
        }
        try {
            return PortRange.parse(port);
        } catch (IllegalArgumentException e) {
            throw new ServerExit(1, e.getMessage() + program + ": Bad UDP port range (" + port + ")\n"
                    + Messages.usage(program), "");
        }
    }

    private static int colors(String program, String value) throws ServerExit {
        String t = value.stripLeading();
        try {
            return t.isEmpty() && value.isEmpty() ? 0 : Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new ServerExit(1, program + ": Bad number of colors (" + value + ")\n" + Messages.usage(program), "");
        }
    }

    /** The local address from word 3 of SSH_CONNECTION, as {@code -s} uses it (null: any interface). */
    private static String sshIp(Map<String, String> env, StringBuilder warnings) {
        String conn = env.get("SSH_CONNECTION");
        if (conn == null) {
            warnings.append("Warning: SSH_CONNECTION not found; binding to any interface.\n");
            return null;
        }
        String[] words = conn.trim().split("\\s+");
        if (conn.isBlank() || words.length < 3) {
            warnings.append("Warning: Could not parse SSH_CONNECTION; binding to any interface.\n");
            return null;
        }
        String ip = words[2];
        if (ip.length() > 7 && ip.substring(0, 7).toLowerCase(Locale.ROOT).equals("::ffff:")) {
            ip = ip.substring(7);
        }
        return ip;
    }

    /** The terminal type the child gets: {@code xterm-256color} only for exactly 256 colours. */
    public String term() {
        return colors == 256 ? "xterm-256color" : "xterm";
    }
}
