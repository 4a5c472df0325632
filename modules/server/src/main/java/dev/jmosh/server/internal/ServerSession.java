package dev.jmosh.server.internal;

import dev.jmosh.pty.Pty;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.LimitExceededException;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.DatagramGate;
import dev.jmosh.ssp.core.DatagramPump;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserEvent;
import dev.jmosh.statesync.UserStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * mosh-server's {@code serve()} loop: the client's keystrokes go to the pseudo-terminal (arrow
 * keys translated unless the application asked for application mode), the child's output goes
 * through the terminal emulator whose screen is the SSP state sent back, with echo acks 50 ms
 * after input was applied. The child starts when the first client state arrives. It ends on a
 * shutdown handshake in either direction, when the terminal closes, on SIGTERM/SIGINT, on
 * SIGUSR1 or network idleness (per {@link IdleTimeouts}), or 60 s after start if no client came.
 */
public final class ServerSession {
    /** Exit if no client state arrives within this, in ms. */
    static final long NO_CONNECTION_MS = 60_000;
    /** The loop wakes at least this often while unconnected or shutting down, in ms. */
    private static final long IDLE_WAKE_MS = 5000;
    /** Bytes read from the terminal at once. */
    private static final int READ_BYTES = 16384;
    private static final int EVENTS_PER_ITERATION = 256;
    /** The first output this soon after printable keystrokes reached the pty is taken for their echo, in ms. */
    static final long ECHO_WINDOW_MS = 20;
    /**
     * Reads of the child's output queued for the loop at most (each up to {@value #READ_BYTES}
     * bytes: 1 MiB): beyond that the reader waits, the terminal's buffer fills and the child
     * blocks, as it would on a slow terminal, instead of one session's flood filling the heap.
     */
    static final int HOST_READS_QUEUED_MAX = 64;
    /**
     * Keystroke bytes the child may leave unread before the session ends (mosh-server would stop
     * serving altogether, blocked in its write to the terminal): a 10 MB paste fits.
     */
    static final long INPUT_QUEUED_MAX = 16L << 20;

    private final Transport<CompleteTerminal, UserStream> network;
    private final Pty pty;
    private final ChildCommand child;
    private final IdleTimeouts timeouts;
    private final Clock clock;
    private final PrintStream log;
    private final CompleteTerminal terminal;
    private final BlockingQueue<ServerEvent> events;
    private final DatagramPump pump;
    private final java.util.concurrent.Semaphore hostReads = new java.util.concurrent.Semaphore(HOST_READS_QUEUED_MAX);
    private long lastRemoteNum;
    /** The client exceeded a bound: its input is no longer applied while the session shuts down. */
    private boolean overLimit;
    private boolean childReleased;
    private ServerEvent carried;
    /** Until when the next output is expected to be the echo of printable keystrokes. */
    private long echoExpectedUntil = Long.MIN_VALUE;

    /**
     * A session serving {@code network} on {@code pty}.
     *
     * @param gate authenticates datagrams as they arrive (with a cipher instance of its own)
     * @param terminal the server's emulator state, the same size as the pty
     * @param log where mosh-server's verbose messages go (a sink when not verbose)
     */
    public ServerSession(Transport<CompleteTerminal, UserStream> network, DatagramGate gate, Pty pty,
            ChildCommand child, CompleteTerminal terminal, IdleTimeouts timeouts, Clock clock, PrintStream log,
            Inbox inbox) {
        this.events = inbox.queue;
        this.network = network;
        this.pty = pty;
        this.child = child;
        this.terminal = terminal;
        this.timeouts = timeouts;
        this.clock = clock;
        this.log = log;
        this.pump = new DatagramPump(network.connection().transport(), d -> events.add(new ServerEvent.Datagram(d)),
                e -> events.add(new ServerEvent.NetworkError(e)), gate, this::rejected);
    }

    /** Feeds the message of the day to the screen before any client arrives, as mosh's child prints it. */
    private void showMotd() {
        if (child.motd().length > 0) {
            terminal.act(child.motd(), 0, child.motd().length);
            network.sender().setCurrentState(terminal.copy());
        }
    }

    /**
     * Where signals wait for the session: created first thing in {@code main}, so a signal that
     * arrives while the server is still starting is kept rather than killing the JVM.
     */
    public static final class Inbox {
        private final BlockingQueue<ServerEvent> queue = new LinkedBlockingQueue<>();

        /** Posts SIGTERM/SIGINT. */
        public void terminate() {
            queue.add(new ServerEvent.Terminate());
        }

        /** Posts SIGUSR1. */
        public void user1() {
            queue.add(new ServerEvent.User1());
        }
    }

    /**
     * Runs until the session ends. A client that makes it exceed a bound, or anything else that
     * goes wrong inside it (an {@code OutOfMemoryError} included), ends this session alone: it is
     * logged, the client is told with a shutdown where that is still possible, and the error is
     * thrown on to whoever hosts the session.
     */
    public void run() throws InterruptedException {
        showMotd();
        if (!pump.attach()) {
            start(pump, "jmosh-server-receive");
        }
        start(this::readHost, "jmosh-server-pty-read");
        try {
            loop();
        } catch (RuntimeException | Error e) {
            log.println("Session ended by " + e);
            farewell();
            throw e;
        } finally {
            network.connection().transport().close();
            pty.close();
        }
    }

    /** After a failure: a shutdown to the client, resent for at most {@value #FAREWELL_MS} ms or until acknowledged. */
    private void farewell() {
        try {
            if (!network.hasRemoteAddress()) {
                return;
            }
            if (!network.shutdownInProgress()) {
                network.startShutdown();
            }
            long end = clock.millis() + FAREWELL_MS;
            while (!network.shutdownAcknowledged() && clock.millis() < end) {
                network.tick();
                ServerEvent e = events.poll(Math.max(1, Math.min(network.waitTime(), end - clock.millis())),
                        TimeUnit.MILLISECONDS);
                if (e instanceof ServerEvent.Datagram d) {
                    pump.taken();
                    network.receive(d.datagram());
                }
            }
        } catch (RuntimeException | Error | InterruptedException | CryptoException | WireFormatException e) {
            // the session is ending anyway
        }
    }

    /** How long a failed session keeps telling its client it is shutting down, in ms. */
    private static final long FAREWELL_MS = 3000;

    /**
     * Starts a helper of the session: a virtual thread if the session runs on one (a per-user
     * server's; its waits then share the JDK's and the pty's poller threads), else a platform
     * daemon thread.
     */
    private static void start(Runnable r, String name) {
        (Thread.currentThread().isVirtual() ? Thread.ofVirtual().name(name)
                : Thread.ofPlatform().name(name).daemon()).start(r);
    }

    private void readHost() {
        byte[] buf = new byte[READ_BYTES];
        try {
            int n;
            while (true) {
                hostReads.acquire();
                if ((n = pty.read(buf, 0, buf.length)) < 0) {
                    break;
                }
                byte[] chunk = new byte[n];
                System.arraycopy(buf, 0, chunk, 0, n);
                events.add(new ServerEvent.HostOutput(chunk));
            }
        } catch (IOException e) {
            log.println("read: " + e.getMessage());
        } catch (InterruptedException e) {
            return;
        }
        events.add(new ServerEvent.HostClosed());
    }

    private void loop() throws InterruptedException {
        while (true) {
            long now = clock.millis();
            long timeout = Math.min(network.waitTime(), terminal.echoWaitTime(now));
            if (network.remoteStateNum() == 0 || network.shutdownInProgress()) {
                timeout = Math.min(timeout, IDLE_WAKE_MS);
            }
            if (timeouts.networkMs() > 0) {
                long since = now - network.latestRemoteState().timestamp();
                timeout = Math.min(timeout, Math.max(0, timeouts.networkMs() - since));
            }
            ServerEvent e = carried != null ? carried : events.poll(timeout, TimeUnit.MILLISECONDS);
            carried = null;
            now = clock.millis();
            long timeSinceRemoteState = now - network.latestRemoteState().timestamp();
            boolean terminate = false;
            boolean user1 = false;
            for (int n = 0; e != null; n++) {
                if (n == EVENTS_PER_ITERATION) {
                    carried = e;
                    break;
                }
                if (e instanceof ServerEvent.Terminate) {
                    terminate = true;
                } else if (e instanceof ServerEvent.User1) {
                    user1 = true;
                } else {
                    handle(e, now);
                }
                e = events.poll();
            }
            boolean idle = false;
            if (timeouts.networkMs() > 0 && timeSinceRemoteState >= timeouts.networkMs()) {
                log.println("Network idle for " + timeSinceRemoteState / 1000 + " seconds.");
                idle = true;
            }
            if (user1 && (timeouts.signalMs() == 0 || timeSinceRemoteState >= timeouts.signalMs())) {
                log.println("Network idle for " + timeSinceRemoteState / 1000 + " seconds when SIGUSR1 received");
                idle = true;
            }
            if (terminate || idle) {
                if (network.hasRemoteAddress() && !network.shutdownInProgress()) {
                    network.startShutdown();
                } else {
                    return;
                }
            }
            if (network.shutdownInProgress() && (network.shutdownAcknowledged() || network.shutdownAckTimedOut())) {
                return;
            }
            if (network.counterpartyShutdownAckSent()) {
                return;
            }
            if (terminal.setEchoAck(now) && !network.shutdownInProgress()) {
                // only confirms the client's predictions: not worth loss duplication's copies (issue 15)
                network.sender().setBookkeepingState(terminal.copy());
            }
            if (network.remoteStateNum() == 0 && timeSinceRemoteState >= NO_CONNECTION_MS) {
                log.println("No connection within 60 seconds.");
                return;
            }
            try {
                network.tick();
            } catch (CryptoException fatal) {
                log.println("Crypto exception: " + fatal.getMessage());
                return;
            }
        }
    }

    private void handle(ServerEvent e, long now) {
        if (e instanceof ServerEvent.Datagram d) {
            pump.taken();
            receive(d, now);
        } else if (e instanceof ServerEvent.HostOutput out) {
            hostReads.release();
            if (!network.shutdownInProgress()) {
                byte[] replies = terminal.act(out.bytes(), 0, out.bytes().length);
                if (replies.length > 0) {
                    pty.write(replies, 0, replies.length);
                }
                network.sender().setCurrentState(terminal.copy());
                if (now <= echoExpectedUntil) {
                    // a tty echoes a printable key in one write: no burst to collect (jmosh's timing only)
                    network.sender().expedite();
                    echoExpectedUntil = Long.MIN_VALUE;
                }
            }
        } else if (e instanceof ServerEvent.HostClosed) {
            if (!network.shutdownInProgress()) {
                network.startShutdown();
            }
        } else if (e instanceof ServerEvent.NetworkError ne) {
            log.println(ne.message());
        }
    }

    private void receive(ServerEvent.Datagram d, long now) {
        try {
            network.receive(d.datagram());
        } catch (LimitExceededException ex) {
            log.println("Session ended: " + ex.getMessage());
            overLimit = true;
            if (!network.shutdownInProgress()) {
                network.startShutdown();
            }
            return;
        } catch (CryptoException | WireFormatException ex) {
            rejected(ex);
            return;
        }
        if (network.remoteStateNum() == lastRemoteNum || overLimit) {
            return;
        }
        lastRemoteNum = network.remoteStateNum();
        UserStream input = new UserStream();
        try {
            input.applyDiff(network.remoteDiff());
        } catch (WireFormatException ex) {
            log.println(ex.getMessage()); // cannot happen: the diff is our own encoding
            return;
        }
        if (!childReleased) {
            releaseChild();
        }
        ByteArrayOutputStream toHost = new ByteArrayOutputStream();
        for (int i = 0; i < input.size(); i++) {
            UserEvent ev = input.get(i);
            if (ev instanceof UserEvent.Resize r) {
                if (i + 1 < input.size() && input.get(i + 1) instanceof UserEvent.Resize) {
                    continue; // only the last of consecutive resizes reaches the pty and the screen
                }
                resize(r);
            } else if (ev instanceof UserEvent.UserByte b) {
                terminal.userInput(b, toHost);
            }
        }
        if (input.size() > 0) {
            terminal.registerInputFrame(lastRemoteNum, now);
        }
        if (!network.shutdownInProgress()) {
            network.sender().setCurrentState(terminal.copy());
        }
        if (toHost.size() > 0) {
            byte[] keys = toHost.toByteArray();
            pty.write(keys, 0, keys.length);
            if (pty.inputQueued() > INPUT_QUEUED_MAX) {
                log.println("Session ended: the terminal has not read " + pty.inputQueued()
                        + " bytes of input, more than " + INPUT_QUEUED_MAX);
                overLimit = true;
                if (!network.shutdownInProgress()) {
                    network.startShutdown();
                }
                return;
            }
            echoExpectedUntil = printable(keys) ? now + ECHO_WINDOW_MS : Long.MIN_VALUE;
        }
    }

    /** Logs a refused datagram, whether the gate or the connection refused it, in mosh-server's words. */
    private void rejected(Exception e) {
        log.println(e instanceof CryptoException ? "Crypto exception: " + e.getMessage() : e.getMessage());
    }

    /** Whether {@code bytes} are typed text only (backspace included; no Enter, Tab, escape or other control). */
    static boolean printable(byte[] b) {
        for (byte x : b) {
            if ((x & 0xff) < 0x20) {
                return false;
            }
        }
        return b.length > 0;
    }

    private void resize(UserEvent.Resize r) {
        int cols = clamp(r.width());
        int rows = clamp(r.height());
        try {
            pty.resize(cols, rows);
        } catch (IOException ex) {
            log.println("ioctl TIOCSWINSZ: " + ex.getMessage());
            network.startShutdown();
            return;
        }
        terminal.resize(cols, rows);
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(CompleteTerminal.MAX_DIMENSION, v));
    }

    /** Starts the child: mosh's child waits for a newline before exec; its echo moves the screen down a row. */
    private void releaseChild() {
        childReleased = true;
        try {
            pty.writeAndFlushInput(new byte[] {'\n'});
            pty.start(child.spec().withSize(terminal.framebuffer().columns(), terminal.framebuffer().rows()));
        } catch (IOException ex) {
            // as mosh's child does when execvp fails: say so on the terminal, then end
            byte[] msg = ("jmosh-server: " + ex.getMessage() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            terminal.act(msg, 0, msg.length);
            network.sender().setCurrentState(terminal.copy());
            log.println(ex.getMessage());
            events.add(new ServerEvent.HostClosed());
        }
    }
}
