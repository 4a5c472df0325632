package dev.jmosh.cli.internal;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientListener;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.EscapeKey;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.ProviderSelectionException;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.SendTiming;
import dev.jmosh.vt.Framebuffer;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * mosh-client's interactive life cycle around a {@link ClientSession}: the user's terminal
 * taken ({@link OuterTerminal}), the screen rendered through {@link ScreenRenderer}, standard
 * input forwarded ({@link StdinReader}), and the signals mosh-client handles: SIGWINCH resizes;
 * SIGTERM, SIGINT, SIGHUP and SIGPIPE shut the session down (the server is told); SIGCONT takes
 * the terminal back and repaints. The escape key and Ctrl-Z give the terminal back and stop the
 * process group until it is continued.
 *
 * <p>Every exit path (quit, signal, end of input, the server's shutdown, an error) gives the
 * terminal back and prints mosh's farewell text, then restores the signal handlers and leaves
 * standard input open and unread, so the JVM may go on with other work.
 */
public final class TerminalClient implements ClientListener {
    /** The cipher the session must use (beyond mosh): its key must be for it, or the client ends before sending. */
    public static final String CIPHER_VARIABLE = "JMOSH_CIPHER";
    private static final List<String> TITLE_TERMS = List.of("xterm", "rxvt", "kterm", "Eterm", "alacritty", "screen", "tmux");

    private final Tty tty;
    private final Terminfo terminfo;
    private final ClientArgs args;
    private final String key;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean termInit;
    private final Consumer<Framebuffer> frameProbe;
    private RawTerminal terminal;
    private OuterTerminal outer;
    private ScreenRenderer renderer;
    /** Guards {@link #session}, {@link #shutdownRequested} and {@link #windowSize} against the signal threads. */
    private final Object lock = new Object();
    private ClientSession session;
    private boolean shutdownRequested;
    /** The window size the session was last told, guarded by {@link #lock}. */
    private int[] windowSize;

    /**
     * A client for the parsed command line; {@code tty} has saved the user's settings and
     * {@code terminfo} describes {@code TERM}.
     */
    public TerminalClient(Tty tty, Terminfo terminfo, ClientArgs args, String key, Map<String, String> env,
            PrintStream out, PrintStream err) {
        this(tty, terminfo, args, key, env, out, err, frame -> { });
    }

    /** The same, with {@code frameProbe} seeing each frame before it is drawn (tests inject failures there). */
    TerminalClient(Tty tty, Terminfo terminfo, ClientArgs args, String key, Map<String, String> env, PrintStream out,
            PrintStream err, Consumer<Framebuffer> frameProbe) {
        this.tty = tty;
        this.terminfo = terminfo;
        this.args = args;
        this.key = key;
        this.env = env;
        this.out = out;
        this.err = err;
        this.termInit = env.get("MOSH_NO_TERM_INIT") == null;
        this.frameProbe = frameProbe;
    }

    /** Runs the session to its end; returns the exit code. */
    public int run() {
        int code = 1;
        String farewell = "";
        StdinReader input = null;
        ClientSession started = null;
        try (Signals signals = new Signals()) {
            try {
                // first: a signal from now on shuts the session down (or prevents it), never kills the JVM
                for (String name : List.of("TERM", "INT", "HUP", "PIPE")) {
                    signals.on(name, this::requestShutdown);
                }
                signals.on("WINCH", this::windowChanged);
                signals.on("CONT", this::continued);
                terminal = new RawTerminal(tty, new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
                outer = termInit ? new OuterTerminal(tty, terminal, terminfo.smcup().orElse(""), terminfo.rmcup().orElse(""))
                        : new OuterTerminal(tty, terminal, "", ""); // MOSH_NO_TERM_INIT
                outer.take();
                String term = env.getOrDefault("TERM", "");
                renderer = new ScreenRenderer(terminal, env.get("MOSH_TITLE_NOPREFIX") == null ? "[mosh] " : "",
                        TITLE_TERMS.stream().anyMatch(term::startsWith));
                ClientSession s;
                try {
                    s = new ClientSession(config(), this);
                } catch (CryptoException e) {
                    farewell = "Crypto exception: " + e.getMessage() + "\r\n";
                    return 1;
                } catch (BadAddressException e) {
                    farewell = "Network exception: " + e.getMessage() + "\r\n";
                    return 1;
                } catch (ProviderSelectionException e) {
                    // e.g. JMOSH_CIPHER asks for a cipher the key is not for: nothing has been sent
                    farewell = "jmosh-client: " + e.getMessage() + "\r\n";
                    return 1;
                }
                attach(s);
                started = s;
                s.start();
                input = new StdinReader(0, new StdinReader.Sink() {
                    @Override
                    public void input(byte[] bytes, int off, int len) {
                        checkWindowSize();
                        s.input(bytes, off, len);
                    }

                    @Override
                    public void ended() {
                        s.inputClosed();
                    }
                });
                input.start();
                ExitStatus status = s.awaitExit();
                started = null;
                if (s.fatalError() != null) {
                    farewell = s.fatalError() + "\r\n";
                } else if (status == ExitStatus.NEVER_CONNECTED) {
                    farewell = Messages.neverConnected(args.ip(), args.port());
                } else if (status == ExitStatus.NOT_CLEAN) {
                    farewell = Messages.NOT_CLEAN;
                }
                if (args.verbose() > 0) {
                    farewell += "jmosh-client: " + s.stats() + "\n";
                }
                code = status.exitCode();
            } catch (IOException | TtyException e) {
                farewell = "Error: " + e.getMessage() + "\r\n";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                farewell = "Error: " + e + "\r\n";
            } finally {
                if (input != null) {
                    input.close();
                }
                if (started != null) {
                    endSession(started);
                }
                giveBack();
            }
        } finally {
            err.print(farewell);
            err.flush();
            out.println(Messages.EXITING);
            out.flush();
        }
        return code;
    }

    private void attach(ClientSession s) {
        synchronized (lock) {
            session = s;
            if (shutdownRequested) {
                s.terminate(); // handled first once it starts: the server is told at once
            }
        }
    }

    /** SIGTERM, SIGINT, SIGHUP, SIGPIPE, or output that cannot be written: mosh shuts the session down. */
    private void requestShutdown() {
        synchronized (lock) {
            shutdownRequested = true;
            if (session != null) {
                session.terminate();
            }
        }
    }

    private void continued() {
        synchronized (lock) {
            if (session != null) {
                session.continued();
            }
        }
    }

    /** After an error on this thread: the session still tells the server before it ends. */
    private static void endSession(ClientSession s) {
        s.terminate();
        try {
            s.awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ClientConfig config() throws CryptoException, BadAddressException, IOException {
        SessionKey sessionKey = SessionKey.parse(key);
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(args.ip());
        } catch (IllegalArgumentException e) {
            throw new BadAddressException("Bad IP address (" + args.ip() + "): Name or service not known: Success");
        }
        OptionalInt port = ServicePort.of(args.port());
        if (port.isEmpty()) {
            throw new BadAddressException("Bad IP address (" + args.ip() + "): Servname not supported for ai_socktype: Success");
        }
        var size = terminal.getTerminalSize();
        synchronized (lock) {
            windowSize = new int[] {size.getColumns(), size.getRows()};
        }
        return ClientConfig.builder(new InetSocketAddress(address, port.getAsInt()), sessionKey)
                .size(size.getColumns(), size.getRows())
                .escapeKey(EscapeKey.fromEnvironment(env.get("MOSH_ESCAPE_KEY")))
                .cipher(env.get(CIPHER_VARIABLE))
                .timing(SendTiming.fromEnvironment(env.get(SendTiming.VARIABLE), w -> err.println("jmosh-client: " + w)))
                .prediction(null, PredictionOptions.fromEnvironment(env))
                .portName(args.port())
                .build();
    }

    private static final class BadAddressException extends Exception {
        private static final long serialVersionUID = 1L;

        BadAddressException(String message) {
            super(message);
        }
    }

    /** mosh's shutdown: the last frame's title without the prefix, the resets, the saved settings. */
    private void giveBack() {
        if (renderer != null) {
            try {
                renderer.finish();
            } catch (IOException | RuntimeException e) {
                // best effort, like mosh's last output_new_frame
            }
        }
        if (outer != null) {
            try {
                outer.giveBack(renderer == null ? "" : renderer.restoreCursorStyle());
            } catch (TtyException e) {
                err.println(e.getMessage());
            }
        }
        if (terminal != null) {
            try {
                terminal.close(); // restores the settings once more and drops Lanterna's shutdown hook
            } catch (IOException | RuntimeException e) {
                // restored above, or the terminal is gone
            }
        }
    }

    /** SIGWINCH. */
    private void windowChanged() {
        RawTerminal t = terminal;
        if (t != null) {
            t.windowChanged();
        }
        checkWindowSize();
    }

    /**
     * Tells the session the window's size if it changed since last told. Also called before
     * each read of input is forwarded: the JVM runs a signal handler on a thread it starts, so a
     * resize could otherwise reach the server after keys typed once it was done (mosh-client
     * handles both in one turn of its loop).
     */
    private void checkWindowSize() {
        synchronized (lock) {
            int[] size;
            try {
                size = tty.windowSize();
            } catch (TtyException e) {
                return; // keep the old size, as mosh does when TIOCGWINSZ fails
            }
            int[] old = windowSize;
            if (old != null && old[0] == size[0] && old[1] == size[1]) {
                return;
            }
            windowSize = size;
            if (session != null) {
                session.resize(size[0], size[1]);
            }
        }
    }

    @Override
    public void frame(Framebuffer frame, Optional<String> bar) {
        frameProbe.accept(frame);
        try {
            renderer.render(frame, bar);
        } catch (IOException e) {
            requestShutdown(); // the terminal is gone (EIO) or its reader (EPIPE), as mosh's SIGPIPE
        }
    }

    @Override
    public void repaint() {
        renderer.invalidate();
    }

    /** The escape key and Ctrl-Z: mosh gives the terminal back, stops the process group, then resumes. */
    @Override
    public void suspend() {
        try {
            outer.giveBack(renderer.restoreCursorStyle());
        } catch (TtyException e) {
            err.println(e.getMessage());
        }
        out.print(Messages.SUSPENDED);
        out.flush();
        Tty.stopProcessGroup();
        resume();
    }

    /** After a stop (SIGCONT, or the return from {@link #suspend}): raw mode and the modes again, and a full repaint. */
    @Override
    public void resume() {
        try {
            outer.take();
        } catch (IOException | TtyException e) {
            requestShutdown(); // mosh exits when it cannot set raw mode; this still tells the server
        }
        renderer.invalidate();
        checkWindowSize(); // no SIGWINCH reaches a stopped job: the window may have changed meanwhile
    }
}
