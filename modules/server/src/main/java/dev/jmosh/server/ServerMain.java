package dev.jmosh.server;

import dev.jmosh.pty.Posix;
import dev.jmosh.pty.Pty;
import dev.jmosh.server.internal.Binder;
import dev.jmosh.server.internal.ChildCommand;
import dev.jmosh.server.internal.IdleTimeouts;
import dev.jmosh.server.internal.LocaleSetup;
import dev.jmosh.server.internal.Messages;
import dev.jmosh.server.internal.ServerArgs;
import dev.jmosh.server.internal.ServerExit;
import dev.jmosh.server.internal.ServerSession;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ProviderSelectionException;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.SendTiming;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.ssp.spi.StateTypeProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Map;

/**
 * {@code jmosh-server new [-s] [-v] [-i IP] [-p PORT[:PORT2]] [-c COLORS] [-l NAME=VALUE]
 * [-- command...]}: mosh-server's contract. Arguments, locale and bind are checked first, with
 * mosh-server's messages and status 1; then it prints {@code MOSH CONNECT <port> <key>}, detaches
 * from the launching terminal and serves until the session ends.
 *
 * <p>A JVM cannot fork, so detaching is shared with the launcher script: the script starts this
 * JVM in a new session in the background with a pipe on the descriptor named by
 * {@code -Djmosh.readyFd}, and returns once that pipe closes. This process closes it after
 * printing (and, unless {@code -v}, moves its standard streams to {@code /dev/null}).
 */
public final class ServerMain {
    private ServerMain() {
    }

    /** Runs jmosh-server. */
    public static void main(String[] argv) throws InterruptedException {
        String program = System.getProperty("jmosh.argv0", "jmosh-server");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        warmUpInBackground();
        ServerSession.Inbox inbox = new ServerSession.Inbox();
        Signals.ignore("HUP");
        Signals.on("TERM", inbox::terminate);
        Signals.on("INT", inbox::terminate);
        Signals.on("USR1", inbox::user1);
        ServerSession session;
        try {
            session = prepare(program, argv, System.getenv(), out, err, inbox);
        } catch (ServerExit e) {
            out.print(e.stdout());
            err.print(e.stderr());
            out.flush();
            err.flush();
            System.exit(e.status());
            return;
        }
        session.run();
        out.print("\n[jmosh-server is exiting.]\n");
        out.flush();
        System.exit(0);
    }

    /**
     * Links the native calls (detaching, the pty, the spawn) on a second thread while the main
     * one parses, binds and prints MOSH CONNECT, so that the session is ready for the client's
     * first datagram sooner (command to first prompt of {@code jmosh --local}, medians of 5, in
     * alternation: 530 and 587 ms with it, 633 and 614 ms without; StartupMeasurement). It opens
     * and closes one pty and spawns nothing; its failures are left for the session itself to meet
     * and report.
     */
    private static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                Pty.warmUp();
            } catch (IOException | RuntimeException | LinkageError e) {
                // the session opens its own pty and says what went wrong
            }
        }, "jmosh-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Everything up to MOSH CONNECT is kept cheap (no native calls), so the line appears as soon
     * as the socket is bound; the pseudo-terminal and the native bindings come after, while the
     * client starts, as mosh-server opens its pty only in the daemon.
     */
    private static ServerSession prepare(String program, String[] argv, Map<String, String> environment,
            PrintStream out, PrintStream err, ServerSession.Inbox inbox) throws ServerExit {
        ServerArgs args = ServerArgs.parse(program, argv, environment);
        err.print(args.warnings());
        StringBuilder notes = new StringBuilder();
        Map<String, String> env = LocaleSetup.apply(environment, args.locales(),
                System.getProperty("native.encoding", ""), notes);
        err.print(notes);
        IdleTimeouts timeouts = IdleTimeouts.from(env);
        err.print(timeouts.warnings());
        SendTiming timing = SendTiming.fromEnvironment(env.get(SendTiming.VARIABLE), w -> err.println("jmosh-server: " + w));
        CipherProvider cipher = cipher(program, args.cipher());
        StateTypeProvider<UserStream, CompleteTerminal> states = stateTypes(program);
        DatagramTransport transport = Binder.bind(args, err);
        SessionKey key = newKey(cipher);
        if (stdinIsTerminal()) {
            out.print("\r\n\n");
        }
        out.print("MOSH CONNECT " + transport.localAddress().getPort() + " " + key.printable() + "\n");
        out.flush();
        int[] size = windowSize();
        err.print(Messages.detached(ProcessHandle.current().pid()));
        err.flush();
        detach(args.verbose() > 0);

        Clock clock = Clock.system();
        Connection connection = Connection.server(transport,
                cipher.create(key), clock);
        connection.setLog(err::println);
        CompleteTerminal terminal = states.newHostState(size[0], size[1]);
        Transport<CompleteTerminal, UserStream> network = new Transport<>(connection, terminal.copy(),
                states.newUserState(), clock, new SecureRandom());
        network.sender().setTiming(timing);
        try {
            ChildCommand child = ChildCommand.resolve(args, env, size[0], size[1]);
            Pty pty = Pty.open(size[0], size[1]);
            return new ServerSession(network, pty, child, terminal, timeouts, clock, err, inbox);
        } catch (IOException e) {
            transport.close();
            throw new ServerExit(1, e.getMessage() + "\n", "");
        }
    }

    /** The cipher named by {@code --cipher}, else by {@code -Djmosh.cipher}, else mosh's; one line if there is none. */
    private static CipherProvider cipher(String program, String name) throws ServerExit {
        try {
            return Providers.select(CipherProvider.class, name, SessionKey.MOSH_CIPHER);
        } catch (ProviderSelectionException e) {
            throw new ServerExit(1, program + ": " + e.getMessage() + "\n", "");
        }
    }

    /** mosh's pair of states, or another terminal pair named by {@code -Djmosh.state}; one line if there is none. */
    private static StateTypeProvider<UserStream, CompleteTerminal> stateTypes(String program) throws ServerExit {
        try {
            return Providers.stateTypes(null).as(UserStream.class, CompleteTerminal.class);
        } catch (ProviderSelectionException e) {
            throw new ServerExit(1, program + ": " + e.getMessage() + "\n", "");
        }
    }

    /**
     * A new session key for {@code cipher}: from {@code /dev/urandom}, where mosh's PRNG reads
     * it too; faster at start than a first {@code SecureRandom}, which is what a failed read
     * falls back to.
     */
    private static SessionKey newKey(CipherProvider cipher) {
        int bytes = cipher.keyBytes();
        try (InputStream in = new FileInputStream("/dev/urandom")) {
            byte[] raw = in.readNBytes(bytes);
            if (raw.length == bytes) {
                return SessionKey.ofBytes(cipher.name(), raw);
            }
        } catch (IOException e) {
            // fall back below
        }
        return SessionKey.generate(cipher.name(), bytes, new SecureRandom());
    }

    /** Whether standard input is a terminal, read from /proc without a native call. */
    private static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Paths.get("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return Posix.isatty(0);
        }
    }

    /** The launching terminal's size, or 80x24 when standard input is not a terminal. */
    private static int[] windowSize() {
        if (Posix.isatty(0)) {
            try {
                int[] s = Posix.windowSize(0);
                if (s[0] > 0 && s[1] > 0) {
                    return s;
                }
            } catch (RuntimeException e) {
                // fall back to the default below
            }
        }
        return new int[] {80, 24};
    }

    /** Lets the launcher return: stdio to /dev/null (unless verbose), and the ready pipe closed. */
    private static void detach(boolean verbose) {
        try {
            if (!verbose) {
                Posix.redirectToDevNull(0, 1, 2);
            }
            String ready = System.getProperty("jmosh.readyFd");
            if (ready != null) {
                Posix.redirectToDevNull(Integer.parseInt(ready));
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("detach: " + e.getMessage());
        }
    }
}
