package dev.jmosh.server.internal;

import dev.jmosh.pty.LocalSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The per-user server: one process that hosts every session of its user, so the JVM is paid
 * for once. It serves the first session (the one its launcher asked for), then every request
 * a launcher hands over through the {@link Rendezvous}, each with mosh-server's contract (same
 * arguments, messages, exit status; its own port, key, pseudo-terminal, child and timeouts).
 * Signals reach every session, each acting on them as mosh-server would (SIGUSR1 ends only the
 * sessions whose client has been silent long enough). Each session runs on a thread of its own
 * and ends alone: whatever it throws is logged and ends it, never the process. When the last
 * session ends the server withdraws from the rendezvous, still serves the requests already on
 * their way for {@value #LAST_CALL_MS} ms, and returns.
 */
public final class UserServer {
    /**
     * How long launchers already connected are still served after the last session ended, in
     * ms: one that comes later than this finds no server and starts one of its own.
     */
    static final long LAST_CALL_MS = 500;

    private final Rendezvous rendezvous;
    private final ServerLog log;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Set<Hosted> sessions = ConcurrentHashMap.newKeySet();
    /** Character sets of the locales seen in requests ({@code LC_ALL, LC_CTYPE, LANG}). */
    private final Map<List<String>, String> charsets = new HashMap<>();
    private LocalSocket requests;

    private sealed interface Event {
    }

    private record Request(LocalSocket.Connection launcher) implements Event {
    }

    /** How long a launcher may take to send its request or to take its answer, in ms. */
    private static final long LAUNCHER_TIMEOUT_MS = 5000;
    /** Pause after a failed accept (out of descriptors, say), so it cannot spin, in ms. */
    private static final long ACCEPT_ERROR_PAUSE_MS = 100;

    private record Ended(Hosted session) implements Event {
    }

    /** A running session: its name in the log and where its signals go. */
    private record Hosted(String name, ServerSession.Inbox inbox) {
    }

    /** A server for {@code rendezvous}, logging to {@code log}. */
    public UserServer(Rendezvous rendezvous, ServerLog log) {
        this.rendezvous = rendezvous;
        this.log = log;
    }

    /** SIGTERM or SIGINT: every session ends, as mosh-server's would. */
    public void terminate() {
        sessions.forEach(h -> h.inbox().terminate());
    }

    /** SIGUSR1: each session ends if its client has been silent longer than its signal timeout. */
    public void user1() {
        sessions.forEach(h -> h.inbox().user1());
    }

    /** Where session {@code name} writes its log lines (this server's log, under its name). */
    public PrintStream sessionLog(String name) {
        return log.stream(name);
    }

    /** The name a session on {@code port} has in the log. */
    public static String sessionName(int port) {
        return "session " + port;
    }

    /**
     * Hosts {@code first} (bound by this process, its window {@code size}). Install the handlers
     * that call {@link #terminate} and {@link #user1} only after this: they reach the sessions
     * hosted at the time, and until then the first session's own {@code inbox} takes its signals.
     *
     * @param inbox where the first session's signals wait (posted before this was called, possibly)
     */
    public void start(SessionSetup.Bound first, int[] size, String name, ServerSession.Inbox inbox) {
        host(first, size, name, inbox, "started in this process");
    }

    /**
     * Serves every session handed over, after {@link #listen} and {@link #start}, until the last
     * session has ended; if {@link #listen} failed, only the sessions already here.
     */
    public void run() throws InterruptedException {
        if (requests == null) {
            awaitSessions();
            return;
        }
        while (true) {
            handle(events.take());
            if (!sessions.isEmpty()) {
                continue;
            }
            rendezvous.withdraw();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LAST_CALL_MS);
            Event late;
            while ((late = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                handle(late);
            }
            if (sessions.isEmpty()) {
                log.line("server", "last session ended; exiting");
                requests.close();
                rendezvous.release();
                return;
            }
            if (!open()) {
                return;
            }
        }
    }

    /**
     * Publishes the socket and starts accepting on it. Call it before the first session's
     * {@code MOSH CONNECT} is printed, so that a launcher started as soon as that one returns
     * finds this server; requests wait until {@link #run}.
     *
     * @return false (logged) if that fails: {@link #run} then serves the first session alone
     */
    public boolean listen() {
        if (!publish()) {
            return false;
        }
        log.line("server", "serving " + rendezvous.dir() + " as pid " + ProcessHandle.current().pid());
        return true;
    }

    /** Publishes again after late requests started sessions; false once the sessions here have ended, if that fails. */
    private boolean open() throws InterruptedException {
        if (publish()) {
            return true;
        }
        awaitSessions();
        return false;
    }

    /** Publishes the socket and starts accepting on it; false (logged) if that fails. */
    private boolean publish() {
        LocalSocket old = requests;
        try {
            requests = rendezvous.publish();
        } catch (IOException e) {
            log.line("server", "cannot serve " + rendezvous.dir() + ": " + e.getMessage()
                    + "; the sessions here run on, later ones start their own process");
            return false;
        }
        if (old != null) {
            old.close();
        }
        LocalSocket socket = requests;
        Thread t = new Thread(() -> accept(socket), "jmosh-requests");
        t.setDaemon(true);
        t.start();
        return true;
    }

    private void awaitSessions() throws InterruptedException {
        while (!sessions.isEmpty()) {
            handle(events.take());
        }
    }

    /** Queues each launcher that connects to {@code socket}, until it is closed. */
    private void accept(LocalSocket socket) {
        while (true) {
            try {
                events.add(new Request(socket.accept(LAUNCHER_TIMEOUT_MS)));
            } catch (ClosedChannelException e) {
                return; // a new socket has replaced this one, or the server is ending
            } catch (IOException e) {
                log.line("server", "accept: " + e.getMessage());
                try {
                    Thread.sleep(ACCEPT_ERROR_PAUSE_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void handle(Event e) {
        try {
            if (e instanceof Request r) {
                try (LocalSocket.Connection launcher = r.launcher()) {
                    serve(launcher);
                }
            } else if (e instanceof Ended ended) {
                sessions.remove(ended.session());
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
            log.line("server", "request failed: " + ex);
        }
    }

    /** Answers {@code launcher} as mosh-server would answer it, and hosts the session it asked for. */
    private void serve(LocalSocket.Connection launcher) {
        long pid = launcher.pid();
        SessionRequest r;
        try {
            r = LauncherRequest.read(rendezvous, launcher);
        } catch (LauncherRequest.Elsewhere e) {
            log.line("server", e.getMessage() + ": it runs a server process of its own");
            Reply.send(launcher, "", "", Reply.OWN_PROCESS);
            return;
        } catch (IOException e) {
            log.line("server", "refused the request of process " + pid + ": " + e.getMessage());
            return;
        }
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        String[] argv = r.argv().toArray(new String[0]);
        SessionSetup.Bound bound;
        try {
            if (ServerArgs.parse(r.program(), argv, r.environment()).verbose() > 0) {
                // a verbose server keeps the launcher's standard error: only a process of its own can
                Reply.send(launcher, "", "", Reply.OWN_PROCESS);
                return;
            }
            bound = SessionSetup.bind(r.program(), argv, r.environment(), charset(r.environment()), err);
        } catch (ServerExit x) {
            Reply.send(launcher, x.stdout(),
                    errBytes.toString(StandardCharsets.UTF_8) + x.stderr(), Integer.toString(x.status()));
            return;
        }
        String out = (r.stdinTerminal() ? "\r\n\n" : "") + bound.connectLine() + "\n";
        err.print(Messages.detached(ProcessHandle.current().pid()));
        if (!Reply.send(launcher, out, errBytes.toString(StandardCharsets.UTF_8), "0")) {
            log.line("server", "process " + pid + " left before its answer; its port is closed");
            bound.transport().close();
            return;
        }
        String name = sessionName(bound.transport().localAddress().getPort());
        host(bound, r.size(), name, new ServerSession.Inbox(), "started for process " + pid);
    }

    /** What {@code env}'s locale makes the C library's character set, asked once per locale. */
    private String charset(Map<String, String> env) {
        List<String> key = java.util.Arrays.asList(env.get("LC_ALL"), env.get("LC_CTYPE"), env.get("LANG"));
        return charsets.computeIfAbsent(key, k -> LocaleSetup.charsetOf(env));
    }

    /**
     * Opens and runs the session of {@code bound} on a virtual thread of its own, so that its pty
     * and every helper of the session are virtual threads too (see {@code Pty}); whatever ends
     * it is logged.
     */
    private void host(SessionSetup.Bound bound, int[] size, String name, ServerSession.Inbox inbox, String started) {
        Hosted h = new Hosted(name, inbox);
        sessions.add(h);
        Thread.ofVirtual().name("jmosh-" + name).start(() -> {
            try {
                ServerSession session = SessionSetup.open(bound, size, sessionLog(name), inbox);
                log.line(name, started);
                session.run();
                log.line(name, "ended");
            } catch (ServerExit x) {
                log.line(name, "could not start: " + x.stderr().strip());
            } catch (Throwable t) {
                log.line(name, "ended by " + t);
            } finally {
                events.add(new Ended(h));
            }
        });
    }
}
