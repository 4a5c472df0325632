package dev.jmosh.server.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
     * How long requests already written are still served after the last session ended, in ms:
     * a launcher writes its line as soon as it has opened the pipe, and one that comes later
     * than this sees the process gone and starts a server of its own.
     */
    static final long LAST_CALL_MS = 500;

    private final Rendezvous rendezvous;
    private final ServerLog log;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Set<Hosted> sessions = ConcurrentHashMap.newKeySet();
    /** Character sets of the locales seen in requests ({@code LC_ALL, LC_CTYPE, LANG}). */
    private final Map<List<String>, String> charsets = new HashMap<>();
    private FileChannel requests;

    private sealed interface Event {
    }

    private record Request(long pid) implements Event {
    }

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
     * Serves {@code first} (bound by this process, its window {@code size}) and every session
     * handed over, until the last has ended.
     *
     * @param inbox where the first session's signals wait (posted before this was called, possibly)
     */
    public void run(SessionSetup.Bound first, int[] size, String name, ServerSession.Inbox inbox)
            throws InterruptedException {
        host(first, size, name, inbox, "started in this process");
        if (!open()) {
            return;
        }
        log.line("server", "serving " + rendezvous.dir() + " as pid " + ProcessHandle.current().pid());
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
                rendezvous.release();
                return;
            }
            if (!open()) {
                return;
            }
        }
    }

    /** Publishes the request pipe and starts reading it; false (logged) if that fails. */
    private boolean open() throws InterruptedException {
        FileChannel old = requests;
        try {
            requests = rendezvous.publish();
        } catch (IOException e) {
            log.line("server", "cannot serve " + rendezvous.dir() + ": " + e.getMessage()
                    + "; the sessions here run on, later ones start their own process");
            awaitSessions();
            return false;
        }
        closeQuietly(old);
        FileChannel pipe = requests;
        Thread t = new Thread(() -> readRequests(pipe), "jmosh-requests");
        t.setDaemon(true);
        t.start();
        return true;
    }

    private void awaitSessions() throws InterruptedException {
        while (!sessions.isEmpty()) {
            handle(events.take());
        }
    }

    /** Each line of the request pipe is a launcher's process id; anything else is logged and skipped. */
    private void readRequests(FileChannel pipe) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(pipe),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty() && line.length() <= 10 && line.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    events.add(new Request(Long.parseLong(line)));
                } else {
                    log.line("server", "ignored a request line that is not a process id ("
                            + Math.min(line.length(), 4096) + " bytes)");
                }
            }
        } catch (IOException e) {
            // closed: a new pipe has replaced this one, or the server is ending
        }
    }

    private void handle(Event e) {
        try {
            if (e instanceof Request r) {
                serve(r.pid());
            } else if (e instanceof Ended ended) {
                sessions.remove(ended.session());
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
            log.line("server", "request failed: " + ex);
        }
    }

    /** Answers launcher {@code pid} as mosh-server would answer it, and hosts the session it asked for. */
    private void serve(long pid) {
        SessionRequest r;
        try {
            r = LauncherRequest.read(rendezvous, pid);
        } catch (LauncherRequest.Elsewhere e) {
            log.line("server", e.getMessage() + ": it runs a server process of its own");
            reply(pid, "", "", Reply.OWN_PROCESS);
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
                reply(pid, "", "", Reply.OWN_PROCESS);
                return;
            }
            bound = SessionSetup.bind(r.program(), argv, r.environment(), charset(r.environment()), err);
        } catch (ServerExit x) {
            reply(pid, x.stdout(),
                    errBytes.toString(StandardCharsets.UTF_8) + x.stderr(), Integer.toString(x.status()));
            return;
        }
        String out = (r.stdinTerminal() ? "\r\n\n" : "") + bound.connectLine() + "\n";
        err.print(Messages.detached(ProcessHandle.current().pid()));
        if (!reply(pid, out, errBytes.toString(StandardCharsets.UTF_8), "0")) {
            log.line("server", "process " + pid + " left before its answer; its port is closed");
            bound.transport().close();
            return;
        }
        String name = sessionName(bound.transport().localAddress().getPort());
        host(bound, r.size(), name, new ServerSession.Inbox(), "started for process " + pid);
    }

    /** Answers launcher {@code pid} ({@link Reply#send}); false if it is gone. */
    private boolean reply(long pid, String stdout, String stderr, String status) {
        return Reply.send(rendezvous.replyPipe(pid), rendezvous.uid(), stdout, stderr, status);
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

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
