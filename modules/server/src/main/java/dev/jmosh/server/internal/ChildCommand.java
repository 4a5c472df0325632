package dev.jmosh.server.internal;

import dev.jmosh.pty.Posix;
import dev.jmosh.pty.PtySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What mosh-server runs on the pseudo-terminal and how: the command after {@code --}, or the
 * user's login shell ({@code $SHELL}, else the passwd entry, else {@code /bin/sh}, with argv[0]
 * "-" + its name); in the home directory ({@code $HOME}, else passwd) with {@code PWD} set; with
 * {@code TERM} from {@code -c}, {@code NCURSES_NO_UTF8_ACS=1} and without {@code STY}. A login
 * shell is preceded by the message of the day unless {@code ~/.hushlogin} exists.
 *
 * @param spec what to spawn
 * @param motd bytes to show first (already with CR LF line ends), or empty
 */
public record ChildCommand(PtySpec spec, byte[] motd) {
    private static final List<Path> DYNAMIC_MOTD = List.of(Paths.get("/run/motd.dynamic"), Paths.get("/var/run/motd.dynamic"));
    private static final Path MOTD = Paths.get("/etc/motd");

    /** Resolves the command for {@code args} in the (locale-adjusted) environment {@code env}. */
    public static ChildCommand resolve(ServerArgs args, Map<String, String> env, int columns, int rows) throws IOException {
        Optional<String[]> passwd = Passwd.current();
        String home = env.get("HOME");
        if (home == null && passwd.isPresent()) {
            home = passwd.get()[5];
        }
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put("TERM", args.term());
        childEnv.put("NCURSES_NO_UTF8_ACS", "1");
        childEnv.remove("STY");
        Path cwd = Paths.get("/");
        if (home != null) {
            childEnv.put("PWD", home);
            if (Files.isDirectory(Paths.get(home))) {
                cwd = Paths.get(home);
            }
        }
        String executable;
        List<String> argv = new ArrayList<>();
        byte[] motd = new byte[0];
        if (args.command().isEmpty()) {
            String shell = env.get("SHELL");
            if (shell == null || shell.isEmpty()) {
                shell = passwd.map(p -> p[6]).filter(s -> !s.isEmpty()).orElse("/bin/sh");
            }
            executable = shell;
            argv.add("-" + Paths.get(shell).getFileName());
            if (!Files.exists(cwd.resolve(".hushlogin"))) {
                motd = readMotd();
            }
        } else {
            String program = args.command().get(0);
            executable = program.contains("/") ? program
                    : Posix.which(program, childEnv.getOrDefault("PATH", "/usr/bin:/bin")).map(Path::toString)
                            .orElse(program);
            argv.addAll(args.command());
        }
        return new ChildCommand(new PtySpec(executable, argv, childEnv, cwd, columns, rows), motd);
    }

    /** The message of the day as mosh's child prints it: the dynamic part, then /etc/motd, LF made CR LF. */
    private static byte[] readMotd() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : DYNAMIC_MOTD) {
            if (Files.isReadable(p)) {
                sb.append(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
                break;
            }
        }
        if (Files.isReadable(MOTD)) {
            sb.append(Files.readString(MOTD, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return sb.toString().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
