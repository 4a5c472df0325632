package dev.jmosh.server.internal;

import dev.jmosh.pty.Pty;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ProviderSelectionException;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SendTiming;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.DatagramGate;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.ssp.spi.StateTypeProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Map;

/**
 * A session's start in mosh-server's order, shared by a process of its own and the per-user
 * server: {@link #bind} does everything up to {@code MOSH CONNECT} (arguments, locale, timeouts,
 * cipher, socket, key) and stays cheap, with no native call; {@link #open} makes the connection,
 * the emulator and the pseudo-terminal after the launcher has been answered.
 */
public final class SessionSetup {
    private SessionSetup() {
    }

    /**
     * What is settled when {@code MOSH CONNECT} is printed.
     *
     * @param environment the (locale-adjusted) environment the child will get
     */
    public record Bound(ServerArgs args, Map<String, String> environment, IdleTimeouts timeouts, SendTiming timing,
            CipherProvider cipher, StateTypeProvider<UserStream, CompleteTerminal> states,
            DatagramTransport transport, SessionKey key) {

        /** {@code MOSH CONNECT <port> <key>}, without a line end. */
        public String connectLine() {
            return "MOSH CONNECT " + transport.localAddress().getPort() + " " + key.printable();
        }
    }

    /**
     * Parses, checks the locale, binds and makes the key, with mosh-server's messages.
     *
     * @param nativeCharset the character set of the launcher's locale ({@code nl_langinfo(CODESET)})
     * @param err receives the warnings mosh-server prints without stopping
     * @throws ServerExit when mosh-server would stop, with its texts and status
     */
    public static Bound bind(String program, String[] argv, Map<String, String> environment, String nativeCharset,
            PrintStream err) throws ServerExit {
        ServerArgs args = ServerArgs.parse(program, argv, environment);
        err.print(args.warnings());
        StringBuilder notes = new StringBuilder();
        Map<String, String> env = LocaleSetup.apply(environment, args.locales(), nativeCharset, notes);
        err.print(notes);
        IdleTimeouts timeouts = IdleTimeouts.from(env);
        err.print(timeouts.warnings());
        SendTiming timing = SendTiming.fromEnvironment(env.get(SendTiming.VARIABLE),
                w -> err.println(program + ": " + w));
        CipherProvider cipher = cipher(program, args.cipher());
        StateTypeProvider<UserStream, CompleteTerminal> states = stateTypes(program);
        DatagramTransport transport = Binder.bind(args, err);
        return new Bound(args, env, timeouts, timing, cipher, states, transport, newKey(cipher));
    }

    /**
     * The session proper: connection, emulator of {@code size} ({columns, rows}), child command
     * and pseudo-terminal. The socket is closed if this fails.
     *
     * @param log where the session's messages go (a sink unless verbose)
     * @throws ServerExit with the reason (e.g. no pseudo-terminal could be opened)
     */
    public static ServerSession open(Bound b, int[] size, PrintStream log, ServerSession.Inbox inbox)
            throws ServerExit {
        Clock clock = Clock.system();
        Connection connection = Connection.server(b.transport(), b.cipher().create(b.key()), clock);
        connection.setLog(log::println);
        CompleteTerminal terminal = b.states().newHostState(size[0], size[1]);
        Transport<CompleteTerminal, UserStream> network = new Transport<>(connection, terminal.copy(),
                b.states().newUserState(), clock, new SecureRandom());
        network.sender().setTiming(b.timing());
        try {
            ChildCommand child = ChildCommand.resolve(b.args(), b.environment(), size[0], size[1]);
            Pty pty = Pty.open(size[0], size[1]);
            DatagramGate gate = DatagramGate.server(b.cipher().create(b.key()));
            return new ServerSession(network, gate, pty, child, terminal, b.timeouts(), clock, log, inbox);
        } catch (IOException | RuntimeException e) {
            b.transport().close();
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
}
