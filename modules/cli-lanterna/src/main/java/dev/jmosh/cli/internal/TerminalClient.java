package dev.jmosh.cli.internal;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientListener;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.EscapeKey;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.SendTiming;
import dev.jmosh.vt.Framebuffer;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * mosh-client's interactive life cycle around a {@link ClientSession}: raw mode and the
 * outer terminal's alternate screen and application-cursor mode on entry, rendering through
 * {@link ScreenRenderer}, stdin forwarding, SIGWINCH/SIGTERM/SIGHUP handling, suspend on the
 * escape key and Ctrl-Z, and on every exit path the terminal restored and mosh's farewell text.
 */
public final class TerminalClient implements ClientListener {
    private static final List<String> TITLE_TERMS = List.of("xterm", "rxvt", "kterm", "Eterm", "alacritty", "screen", "tmux");
    private static final String CLOSE = "\033[?1l\033[0m\033[?25h\033[?1003l\033[?1002l\033[?1001l\033[?1000l"
            + "\033[?1015l\033[?1006l\033[?1005l\033[?2004l\033[?1004l";

    private final Tty tty;
    private final ClientArgs args;
    private final String key;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean termInit;
    private RawTerminal terminal;
    private ScreenRenderer renderer;
    private volatile ClientSession session;

    /** A client for the parsed command line; {@code tty} has saved the user's settings. */
    public TerminalClient(Tty tty, ClientArgs args, String key, Map<String, String> env, PrintStream out, PrintStream err) {
        this.tty = tty;
        this.args = args;
        this.key = key;
        this.env = env;
        this.out = out;
        this.err = err;
        this.termInit = env.get("MOSH_NO_TERM_INIT") == null;
    }

    /** Runs the session to its end; returns the exit code. */
    public int run() {
        int code = 1;
        String farewell = "";
        try {
            OutputStream raw = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
            terminal = new RawTerminal(tty, raw);
            open();
            String term = env.getOrDefault("TERM", "");
            boolean titles = TITLE_TERMS.stream().anyMatch(term::startsWith);
            renderer = new ScreenRenderer(terminal, env.get("MOSH_TITLE_NOPREFIX") == null ? "[mosh] " : "", titles);
            ClientSession s;
            try {
                s = new ClientSession(config(), this);
            } catch (CryptoException e) {
                farewell = "Crypto exception: " + e.getMessage() + "\r\n";
                return 1;
            } catch (BadAddressException e) {
                farewell = "Network exception: " + e.getMessage() + "\r\n";
                return 1;
            }
            session = s;
            terminal.onResize(this::windowChanged);
            Signals.on("TERM", s::terminate);
            Signals.on("HUP", s::terminate);
            Signals.on("INT", s::terminate);
            startInputThread(s);
            s.start();
            ExitStatus status = s.awaitExit();
            finalFrame();
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
        } catch (IOException e) {
            farewell = "Error: " + e.getMessage() + "\r\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
            err.print(farewell);
            out.println(Messages.EXITING);
        }
        return code;
    }

    private ClientConfig config() throws CryptoException, BadAddressException, IOException {
        SessionKey sessionKey = SessionKey.parse(key);
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(args.ip());
        } catch (IllegalArgumentException e) {
            throw new BadAddressException("Bad IP address (" + args.ip() + "): Name or service not known: Success");
        }
        int port;
        try {
            port = Integer.parseInt(args.port());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new BadAddressException("Bad IP address (" + args.ip() + "): Servname not supported for ai_socktype: Success");
        }
        var size = terminal.getTerminalSize();
        return new ClientConfig(new InetSocketAddress(address, port), sessionKey,
                size.getColumns(), size.getRows(), EscapeKey.fromEnvironment(env.get("MOSH_ESCAPE_KEY")),
                Clock.system(), null, null,
                SendTiming.fromEnvironment(env.get(SendTiming.VARIABLE), w -> err.println("jmosh-client: " + w)),
                null, PredictionOptions.fromEnvironment(env));
    }

    private static final class BadAddressException extends Exception {
        private static final long serialVersionUID = 1L;

        BadAddressException(String message) {
            super(message);
        }
    }

    private void open() throws IOException {
        if (termInit) {
            terminal.enterPrivateMode();
        }
        terminal.writeRaw("\033[?1h");
        terminal.flush();
    }

    private void close() {
        if (terminal == null) {
            return;
        }
        try {
            terminal.writeRaw(CLOSE + renderer.restoreCursorStyle());
            terminal.flush();
        } catch (IOException | RuntimeException e) {
            // the terminal is going away; restoring its settings below matters more
        }
        try {
            terminal.close(); // leaves the alternate screen (rmcup) and restores the tty settings
        } catch (IOException | RuntimeException e) {
            // as above
        }
        try {
            tty.restore();
        } catch (TtyException e) {
            err.println(e.getMessage());
        }
    }

    private void startInputThread(ClientSession s) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = new FileInputStream(FileDescriptor.in)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    s.input(buf, 0, n);
                }
            } catch (IOException e) {
                // treated as end of input
            }
            s.inputClosed();
        }, "jmosh-stdin");
        t.setDaemon(true);
        t.start();
    }

    private void windowChanged() {
        ClientSession s = session;
        if (s == null) {
            return;
        }
        try {
            int[] size = tty.windowSize();
            s.resize(size[0], size[1]);
        } catch (TtyException e) {
            // keep the old size, as mosh does when TIOCGWINSZ fails
        }
    }

    @Override
    public void frame(Framebuffer frame, Optional<String> bar) {
        try {
            renderer.render(frame, bar);
        } catch (IOException e) {
            // a broken terminal ends the session through stdin EOF
        }
    }

    private void finalFrame() {
        try {
            renderer.finish();
        } catch (IOException | RuntimeException e) {
            // best effort, like mosh's last output_new_frame
        }
    }

    @Override
    public void repaint() {
        renderer.invalidate();
    }

    @Override
    public void suspend() {
        try {
            terminal.writeRaw(CLOSE + renderer.restoreCursorStyle());
            terminal.flush();
            tty.restore();
            out.print(Messages.SUSPENDED);
            out.flush();
            Tty.stopProcessGroup();
            tty.makeRaw();
            open();
            renderer.invalidate();
        } catch (IOException | TtyException e) {
            // resume as well as we can
        }
    }
}
