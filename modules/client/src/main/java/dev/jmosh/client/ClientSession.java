package dev.jmosh.client;

import dev.jmosh.client.internal.Event;
import dev.jmosh.predictor.NotificationEngine;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.DatagramPump;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.core.TransportStats;
import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.ssp.spi.StateTypeProvider;
import dev.jmosh.ssp.spi.TransportProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserEvent;
import dev.jmosh.statesync.UserStream;
import dev.jmosh.vt.Framebuffer;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A mosh client session without a user interface (mosh {@code STMClient}'s main loop).
 *
 * <p>It runs on two threads of its own: one receives datagrams, the other owns all state and
 * does what mosh-client's loop does: applies server states, sends user input at the frame rate,
 * shows "Nothing received from server" while connecting and gives up after 15 s, and ends on a
 * completed shutdown handshake in either direction. Input, resizes and signals may be posted
 * from any thread. Beyond mosh, an unexpected exception (a bug, or a listener that throws) still
 * tells the server to shut down before the session ends {@link ExitStatus#FAILED}, so that no
 * server is left behind without its client.
 *
 * <p>Local echo comes from the {@link Predictor} the configuration selects (see
 * {@link ClientConfig#predictorName}), driven in mosh-client's order: every datagram gives it
 * the newest server frame, its echo ack and the send interval; every read of user input is
 * predicted on the frame last shown, stamped with the state that will carry it (unless a
 * shutdown is under way); a resize resets it; and every frame shown is the newest server frame
 * with its predictions drawn on a copy.
 */
public final class ClientSession implements AutoCloseable {
    /** Show the connecting message after this long without a server state, in ms. */
    public static final long CONNECTING_MESSAGE_MS = 250;
    /** Give up connecting after this long, in ms. */
    public static final long CONNECT_TIMEOUT_MS = 15_000;
    /** The client sends a change 1 ms after it happens (mosh {@code set_send_delay(1)}). */
    private static final long CLIENT_SEND_MINDELAY_MS = 1;
    private static final int EVENTS_PER_ITERATION = 256;

    private final ClientConfig config;
    private final ClientListener listener;
    private final Clock clock;
    private final DatagramTransport datagrams;
    private final PacketCipher cipher;
    private final StateTypeProvider<UserStream, CompleteTerminal> states;
    private Transport<UserStream, CompleteTerminal> transport;
    private final NotificationEngine notifications;
    private final Predictor<Framebuffer> predictor;
    private final UserInput userInput;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final DatagramPump receiver;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final String connectingMessage;
    private volatile ExitStatus exitStatus;
    private volatile String fatalError;
    private Thread loopThread;
    private Thread receiverThread;
    private long publishedStateNum = -1;
    private Optional<String> publishedBar = Optional.empty();
    private Framebuffer publishedFrame;
    /** What the user sees: the newest server frame with the predictions drawn on it. */
    private Framebuffer shownFrame;
    /** Whether {@link #shownFrame} was drawn after the last event handled. */
    private boolean shownCurrent;
    private boolean repaint = true;
    private Event carried;

    /**
     * Opens the transport and prepares the session; nothing is sent until {@link #start}.
     *
     * @throws IOException when no socket can be opened
     * @throws dev.jmosh.ssp.ProviderSelectionException when no cipher, transport, state-type or prediction
     *     provider fits
     * @throws IllegalArgumentException when the prediction options are invalid (the message is
     *     mosh-client's, e.g. "Unknown prediction mode sometimes.")
     */
    public ClientSession(ClientConfig config, ClientListener listener) throws IOException {
        this.config = config;
        this.listener = listener;
        this.clock = config.clock();
        // first, so that a bad option leaves no socket open
        this.predictor = Providers.select(PredictorProvider.class, config.predictorName())
                .create(Framebuffer.class, config.predictionOptions());
        this.cipher = Providers.cipher(config.key(), config.cipher());
        this.states = Providers.stateTypes(config.stateTypes()).as(UserStream.class, CompleteTerminal.class);
        TransportProvider transports = config.transportProvider() != null ? config.transportProvider()
                : Providers.select(TransportProvider.class, config.transport(), "udp");
        this.datagrams = transports.connect(config.server());
        this.notifications = new NotificationEngine(clock);
        if (config.escapeKey().enabled()) {
            notifications.setEscapeKeyName(config.escapeKey().name());
        }
        this.userInput = new UserInput(config.escapeKey(), notifications);
        this.receiver = new DatagramPump(datagrams, d -> events.add(new Event.Datagram(d)),
                error -> events.add(new Event.NetworkError(error)));
        this.connectingMessage = "Nothing received from server on UDP port " + config.portText() + ".";
    }

    /** Starts the session's threads. */
    public synchronized void start() {
        if (loopThread != null) {
            throw new IllegalStateException("already started");
        }
        // timers start now, not at construction: the 15 s connect limit counts from here
        Connection connection = Connection.client(datagrams, cipher, config.server(), clock);
        transport = new Transport<>(connection, states.newUserState(),
                states.newHostState(config.columns(), config.rows()), clock, new SecureRandom());
        transport.sender().setSendMindelay(CLIENT_SEND_MINDELAY_MS);
        transport.sender().setTiming(config.timing());
        transport.currentState().push(new UserEvent.Resize(config.columns(), config.rows()));
        receiverThread = new Thread(receiver, "jmosh-receive");
        receiverThread.setDaemon(true);
        loopThread = new Thread(this::run, "jmosh-session");
        loopThread.setDaemon(true);
        receiverThread.start();
        loopThread.start();
    }

    /** Bytes typed by the user, forwarded unchanged except for escape-key commands. */
    public void input(byte[] bytes, int off, int len) {
        events.add(new Event.Input(Arrays.copyOfRange(bytes, off, off + len)));
    }

    /** The user's input ended: shut the session down ("Exiting..."). */
    public void inputClosed() {
        events.add(new Event.InputClosed());
    }

    /** The local window is now {@code columns} by {@code rows}. */
    public void resize(int columns, int rows) {
        events.add(new Event.Resize(columns, rows));
    }

    /** A termination signal: shut the session down ("Signal received, shutting down..."). */
    public void terminate() {
        events.add(new Event.Terminate());
    }

    /**
     * The process was continued after a stop (SIGCONT): the listener is told to
     * {@link ClientListener#resume resume} and the screen is repainted whole, as mosh-client does.
     */
    public void continued() {
        events.add(new Event.Continued());
    }

    /** Waits for the session to end. */
    public ExitStatus awaitExit() throws InterruptedException {
        finished.await();
        return exitStatus;
    }

    /** Waits at most {@code millis} for the session to end; null if it has not. */
    public ExitStatus awaitExit(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS) ? exitStatus : null;
    }

    /** The message of the fatal error that ended the session, or null. */
    public String fatalError() {
        return fatalError;
    }

    /** What the session was started with. */
    public ClientConfig config() {
        return config;
    }

    /** The transport's counters now (after {@link #start}); final once the session has ended. */
    public SessionStats stats() {
        TransportStats s = transport.stats();
        return new SessionStats(s.datagramsReceived(), s.datagramsSent(), s.statesReceived(), s.outOfOrderStates(),
                s.lossEvents(), s.duplicates(), s.drops());
    }

    /** The local UDP address the session sends from (its newest socket). */
    public java.net.InetSocketAddress localAddress() {
        return datagrams.localAddress();
    }

    /** Datagrams dropped because the session fell behind a flood. */
    public long overflowDrops() {
        return receiver.overflowDrops();
    }

    /** Stops the session at once, without a handshake, and closes its sockets. */
    @Override
    public void close() {
        events.add(new Event.Abort());
        try {
            if (loopThread != null && Thread.currentThread() != loopThread) {
                finished.await(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        datagrams.close();
    }

    private void run() {
        ExitStatus status;
        try {
            status = loop();
        } catch (CryptoException e) {
            fatalError = "Crypto exception: " + e.getMessage();
            status = ExitStatus.FAILED;
        } catch (InterruptedException e) {
            fatalError = "Error: " + e;
            status = ExitStatus.FAILED;
        } catch (RuntimeException e) {
            // beyond mosh, which leaves its server behind here: the network may still work
            fatalError = "Error: " + e;
            status = ExitStatus.FAILED;
            shutDownAfterFailure(e);
        }
        if (status != ExitStatus.NEVER_CONNECTED && stillConnecting()) {
            status = ExitStatus.NEVER_CONNECTED;
        }
        notifications.setMessage("", true, true);
        notifications.serverHeard(clock.millis());
        try {
            listener.frame(transport.latestRemoteState().state().framebuffer(), notifications.bar());
        } catch (RuntimeException e) {
            // the user interface may already be gone
        }
        exitStatus = status;
        datagrams.close();
        finished.countDown();
    }

    /**
     * After an unexpected exception (a bug, or a listener that threw): tells the server to shut
     * down with the transport alone, nothing else that might fail again, until the shutdown is
     * acknowledged or its ack times out (mosh's limits), or the session is aborted.
     */
    private void shutDownAfterFailure(RuntimeException failure) {
        try {
            if (!transport.shutdownInProgress()) {
                transport.startShutdown();
            }
            while (!transport.shutdownAcknowledged() && !transport.shutdownAckTimedOut()
                    && !transport.counterpartyShutdownAckSent()) {
                Event e = events.poll(Math.max(0, transport.waitTime()), TimeUnit.MILLISECONDS);
                for (; e != null; e = events.poll()) {
                    if (e instanceof Event.Abort) {
                        return;
                    } else if (e instanceof Event.Datagram d) {
                        receiver.taken();
                        try {
                            transport.receive(d.datagram());
                        } catch (CryptoException | WireFormatException dropped) {
                            // as in the loop: a bad datagram is dropped
                        }
                    }
                }
                transport.tick();
            }
        } catch (CryptoException | InterruptedException | RuntimeException again) {
            failure.addSuppressed(again); // the network is not usable after all
        }
    }

    private boolean stillConnecting() {
        return transport.remoteStateNum() == 0;
    }

    private ExitStatus loop() throws CryptoException, InterruptedException {
        while (true) {
            publishFrame();
            long wait = Math.min(transport.waitTime(), notifications.waitTime());
            long predictorWait = predictor.wakeupMillis(clock.millis());
            if (predictorWait >= 0) {
                wait = Math.min(wait, predictorWait);
            }
            if (stillConnecting()) {
                wait = Math.min(CONNECTING_MESSAGE_MS, wait);
            }
            Event e = carried != null ? carried : events.poll(Math.max(0, wait), TimeUnit.MILLISECONDS);
            carried = null;
            for (int n = 0; e != null; n++) {
                if (n == EVENTS_PER_ITERATION) {
                    carried = e; // first in line next time round, so input keeps its order
                    break;
                }
                if (!handle(e)) {
                    return stillConnecting() ? ExitStatus.NEVER_CONNECTED : ExitStatus.NOT_CLEAN;
                }
                e = events.poll();
            }
            if (transport.shutdownInProgress() && transport.shutdownAcknowledged()) {
                return ExitStatus.CLEAN;
            }
            if (transport.shutdownInProgress() && transport.shutdownAckTimedOut()) {
                return ExitStatus.NOT_CLEAN;
            }
            if (transport.counterpartyShutdownAckSent()) {
                return ExitStatus.CLEAN;
            }
            long now = clock.millis();
            long sinceRemote = now - transport.latestRemoteState().timestamp();
            if (stillConnecting() && !transport.shutdownInProgress() && sinceRemote > CONNECTING_MESSAGE_MS) {
                if (sinceRemote > CONNECT_TIMEOUT_MS) {
                    notifications.setMessage("Timed out waiting for server...", true, true);
                    transport.startShutdown();
                } else {
                    notifications.setMessage(connectingMessage);
                }
            } else if (!stillConnecting() && connectingMessage.equals(notifications.message())) {
                notifications.setMessage("");
            }
            transport.tick();
            String sendError = transport.connection().takeSendError();
            if (!sendError.isEmpty()) {
                notifications.setNetworkError(sendError);
            } else {
                notifications.clearNetworkError();
            }
        }
    }

    /** Handles one event; false means "leave the loop now". */
    private boolean handle(Event e) {
        boolean go = dispatch(e);
        shownCurrent = false;
        return go;
    }

    private boolean dispatch(Event e) {
        if (e instanceof Event.Datagram d) {
            receiver.taken();
            receive(d);
        } else if (e instanceof Event.Input in) {
            return input(in.bytes());
        } else if (e instanceof Event.Resize r) {
            if (!transport.shutdownInProgress()) {
                transport.currentState().push(new UserEvent.Resize(r.columns(), r.rows()));
            }
            predictor.reset();
            repaint = true;
        } else if (e instanceof Event.InputClosed) {
            startShutdown("Exiting...");
        } else if (e instanceof Event.Terminate) {
            startShutdown("Signal received, shutting down...");
        } else if (e instanceof Event.Continued) {
            listener.resume();
            repaint = true;
        } else if (e instanceof Event.NetworkError ne) {
            if (!transport.shutdownInProgress()) {
                notifications.setNetworkError(ne.message());
            }
        } else if (e instanceof Event.Abort) {
            return false;
        }
        return true;
    }

    private void startShutdown(String message) {
        if (!transport.shutdownInProgress()) {
            notifications.setMessage(message, true, true);
            transport.startShutdown();
        }
    }

    private void receive(Event.Datagram d) {
        try {
            transport.receive(d.datagram());
        } catch (CryptoException ex) {
            notifications.setMessage("Crypto exception: " + ex.getMessage());
        } catch (WireFormatException ex) {
            if (!transport.shutdownInProgress()) {
                notifications.setNetworkError(ex.getMessage());
            }
        }
        notifications.serverHeard(transport.latestRemoteState().timestamp());
        notifications.serverAcked(transport.sender().sentStateAckedTimestamp());
        predictor.sendInterval(transport.sender().sendInterval());
        CompleteTerminal latest = transport.latestRemoteState().state();
        predictor.serverFrame(latest.framebuffer(), latest.echoAck(), clock.millis());
    }

    private boolean input(byte[] bytes) {
        if (!transport.shutdownInProgress()) {
            // mosh predicts each read as a whole (reads over 100 bytes are pastes), before the
            // escape key is interpreted; the state sent next will carry these bytes
            predictor.userInput(bytes, 0, bytes.length, shownFrame(), transport.sender().sentStateLast() + 1,
                    clock.millis());
        }
        int off = 0;
        while (off < bytes.length) {
            if (transport.shutdownInProgress()) {
                return true;
            }
            UserInput.Outcome outcome = userInput.process(bytes, off, bytes.length - off, transport.currentState());
            off += userInput.consumed();
            switch (outcome) {
                case QUIT -> startShutdown("Exiting on user request...");
                case SUSPEND -> {
                    listener.suspend();
                    repaint = true;
                }
                case REPAINT -> {
                    listener.repaint();
                    repaint = true;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** The newest server frame with the predictions drawn on a copy of it (mosh {@code output_new_frame}). */
    private Framebuffer overlaidFrame() {
        Framebuffer frame = transport.latestRemoteState().state().framebuffer().copy();
        predictor.overlay(frame, clock.millis());
        shownFrame = frame;
        shownCurrent = true;
        return frame;
    }

    /**
     * The frame input is predicted on. mosh-client handles one read per loop iteration and
     * draws the screen before each; this session handles events in batches, so the frame is
     * drawn again (not shown) when events came between.
     */
    private Framebuffer shownFrame() {
        return shownCurrent ? shownFrame : overlaidFrame();
    }

    private void publishFrame() {
        Framebuffer frame = overlaidFrame();
        Optional<String> bar = notifications.bar();
        long num = transport.remoteStateNum();
        if (repaint || num != publishedStateNum || !bar.equals(publishedBar) || !frame.equals(publishedFrame)) {
            listener.frame(frame, bar);
            publishedStateNum = num;
            publishedBar = bar;
            publishedFrame = frame;
            repaint = false;
        }
    }
}
