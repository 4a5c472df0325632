package dev.jmosh.server;

import dev.jmosh.pty.Posix;
import dev.jmosh.pty.Pty;
import dev.jmosh.server.internal.Messages;
import dev.jmosh.server.internal.Rendezvous;
import dev.jmosh.server.internal.ServerExit;
import dev.jmosh.server.internal.ServerLog;
import dev.jmosh.server.internal.ServerSession;
import dev.jmosh.server.internal.SessionRequest;
import dev.jmosh.server.internal.SessionSetup;
import dev.jmosh.server.internal.UserServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

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
        SessionSetup.Bound bound;
        try {
            bound = SessionSetup.bind(program, argv, System.getenv(), System.getProperty("native.encoding", ""), err);
        } catch (ServerExit e) {
            out.print(e.stdout());
            err.print(e.stderr());
            out.flush();
            err.flush();
            System.exit(e.status());
            return;
        }
        boolean verbose = bound.args().verbose() > 0;
        Optional<UserServer> shared = verbose ? Optional.empty() : claim();
        shared.ifPresent(UserServer::listen); // before MOSH CONNECT: the next launcher finds this server
        if (stdinIsTerminal()) {
            out.print("\r\n\n");
        }
        out.print(bound.connectLine() + "\n");
        out.flush();
        int[] size = windowSize();
        err.print(Messages.detached(ProcessHandle.current().pid()));
        err.flush();
        detach(verbose);
        if (shared.isPresent()) {
            UserServer server = shared.get();
            server.start(bound, size, UserServer.sessionName(bound.transport().localAddress().getPort()), inbox);
            // only now: a signal in between would have found no session to end (it went to inbox before)
            Signals.on("TERM", server::terminate);
            Signals.on("INT", server::terminate);
            Signals.on("USR1", server::user1);
            server.run();
            System.exit(0);
            return;
        }
        ServerSession session;
        try {
            session = SessionSetup.open(bound, size, err, inbox);
        } catch (ServerExit e) {
            err.print(e.stderr());
            System.exit(e.status());
            return;
        }
        session.run();
        out.print("\n[jmosh-server is exiting.]\n");
        out.flush();
        System.exit(0);
    }

    /** How long a new server waits for an ending one to leave the rendezvous, in ms. */
    private static final long CLAIM_PATIENCE_MS = 3000;

    /**
     * Makes this process its user's server if the launcher named a rendezvous directory
     * ({@code -Djmosh.server.dir}; bin/jmosh-server does unless {@code JMOSH_SERVER_MODE=process})
     * and no other server holds it; otherwise this process serves its one session, as
     * mosh-server does. A directory that is not private is refused (logged nowhere: the standard
     * streams are gone by now) and the session runs alone.
     */
    private static Optional<UserServer> claim() {
        String dir = System.getProperty("jmosh.server.dir");
        if (dir == null || dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Rendezvous> r = Rendezvous.claim(Path.of(dir), CLAIM_PATIENCE_MS);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new UserServer(r.get(), new ServerLog(r.get().dir().resolve("log"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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

    /** Whether standard input is a terminal, read from /proc without a native call. */
    private static boolean stdinIsTerminal() {
        try {
            return SessionRequest.isTerminal(Paths.get("/proc/self/fd/0"));
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
