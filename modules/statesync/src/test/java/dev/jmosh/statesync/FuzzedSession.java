package dev.jmosh.statesync;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.core.TransportStats;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.HostMessage;
import dev.jmosh.ssp.core.wire.Packet;
import dev.jmosh.ssp.transport.memory.ManualClock;
import dev.jmosh.ssp.transport.memory.MemoryEndpoint;
import dev.jmosh.ssp.transport.memory.MemoryNetwork;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A genuine mosh session in memory, the real state types end to end: a client
 * {@code Transport<UserStream, CompleteTerminal>} typing into a server
 * {@code Transport<CompleteTerminal, UserStream>} whose application echoes each byte onto its
 * terminal and sets echo acks as mosh-server does, over a seeded lossy, reordering network on a
 * manual clock. Bad datagrams are handed to either receiver between genuine ones.
 *
 * <p>For each receiver it keeps a model of the datagram layer (the newest sequence number, the
 * roaming target, when the peer was last heard), updated only from what the test knows it
 * delivered, and checks the real one against it after every datagram. Any exception other than
 * the two the session loops catch (a non-fatal {@link CryptoException}, a
 * {@link WireFormatException}) fails.
 */
final class FuzzedSession {
    static final int SERVER_PORT = 60001;
    static final int CLIENT_PORT = 40000;
    static final int COLS = 40;
    static final int ROWS = 10;

    /** The datagram-layer model of one receiver, and the genuine datagrams it received. */
    static final class Side {
        final String name;
        final Direction accepts;
        long expectedSeq;
        InetSocketAddress remote;
        long lastHeard = Long.MIN_VALUE;
        final Deque<byte[]> genuine = new ArrayDeque<>();
        long lastGenuineId;
        long multiFragmentInstructions;

        Side(String name, Direction accepts, InetSocketAddress remote) {
            this.name = name;
            this.accepts = accepts;
            this.remote = remote;
        }
    }

    final long seed;
    final ManualClock clock = new ManualClock(1_000_000);
    final MemoryNetwork net;
    final MemoryEndpoint clientEnd;
    final MemoryEndpoint serverEnd;
    final PacketCipher cipher;
    final Transport<UserStream, CompleteTerminal> client;
    final Transport<CompleteTerminal, UserStream> server;
    final CompleteTerminal terminal = new CompleteTerminal(COLS, ROWS);
    final Side clientSide;
    final Side serverSide;
    /** Every event the client's user produced, and every event the server's application received. */
    final List<UserEvent> typed = new ArrayList<>();
    final List<UserEvent> arrived = new ArrayList<>();
    private long lastRemoteNum;

    FuzzedSession(long seed, PacketCipher clientCipher, PacketCipher serverCipher, PacketCipher testCipher) {
        this.seed = seed;
        this.cipher = testCipher;
        net = MemoryNetwork.simulated(clock, seed);
        clientEnd = net.endpoint(CLIENT_PORT);
        serverEnd = net.endpoint(SERVER_PORT);
        client = new Transport<>(Connection.client(clientEnd, clientCipher, serverEnd.localAddress(), clock),
                new UserStream(), new CompleteTerminal(COLS, ROWS), clock, new SplittableRandom(seed + 1));
        server = new Transport<>(Connection.server(serverEnd, serverCipher, clock), terminal.copy(),
                new UserStream(), clock, new SplittableRandom(seed + 2));
        client.sender().setSendMindelay(1);
        clientSide = new Side("client", Direction.TO_CLIENT, serverEnd.localAddress());
        serverSide = new Side("server", Direction.TO_SERVER, null);
    }

    /** The user types {@code bytes} (printable ASCII and CR). */
    void type(byte[] bytes) {
        client.currentState().pushBytes(bytes, 0, bytes.length);
        for (byte b : bytes) {
            typed.add(UserEvent.UserByte.of(b));
        }
    }

    /** The user's window changes size. */
    void resize(int cols, int rows) {
        UserEvent.Resize e = new UserEvent.Resize(cols, rows);
        client.currentState().push(e);
        typed.add(e);
    }

    /** Runs the session for {@code ms} of simulated time. */
    void runFor(long ms) throws CryptoException {
        long end = clock.millis() + ms;
        while (true) {
            step();
            long now = clock.millis();
            if (now >= end) {
                return;
            }
            long wait = Math.min(Math.min(client.waitTime(), server.waitTime()), terminal.echoWaitTime(now));
            long next = Math.min(net.nextArrival(), wait >= end - now ? end : now + wait);
            clock.set(Math.min(Math.max(next, now + 1), end));
        }
    }

    private void step() throws CryptoException {
        net.deliverDue();
        for (ReceivedDatagram d; (d = serverEnd.poll()) != null; ) {
            genuine(serverSide, server, d);
        }
        for (ReceivedDatagram d; (d = clientEnd.poll()) != null; ) {
            genuine(clientSide, client, d);
        }
        if (terminal.setEchoAck(clock.millis())) {
            server.sender().setCurrentState(terminal.copy());
        }
        client.tick();
        server.tick();
    }

    private void genuine(Side side, Transport<?, ?> t, ReceivedDatagram d) {
        byte[] data = java.util.Arrays.copyOf(d.data(), d.length());
        try {
            byte[] payload = Packet.open(data, 0, data.length, cipher).payload();
            Fragment f = Fragment.parse(payload, 0, payload.length);
            side.lastGenuineId = f.id();
            if (!f.last() || f.number() != 0) {
                side.multiFragmentInstructions++;
            }
        } catch (CryptoException | WireFormatException e) {
            throw new AssertionError("seed " + seed + ": a genuine datagram does not open: " + e, e);
        }
        side.genuine.addLast(data);
        if (side.genuine.size() > 64) {
            side.genuine.removeFirst();
        }
        receive(side, t, d, true, Nonce.fromWire(data, 0).seq(), "a genuine datagram");
    }

    /**
     * Hands one datagram to a receiver, checks the roaming, timing and exception rules, and runs
     * the server application if a new client state arrived.
     *
     * @param qualifies whether the datagram passes the datagram layer, which the caller knows by construction
     */
    void receive(Side side, Transport<?, ?> t, ReceivedDatagram d, boolean qualifies, long seq, String what) {
        try {
            t.receive(d);
        } catch (CryptoException e) {
            if (e.isFatal()) {
                throw new AssertionError("seed " + seed + ": fatal crypto exception on " + what + ": " + e, e);
            }
        } catch (WireFormatException e) {
            // dropped and counted; the session loops log it and go on
        } catch (RuntimeException | Error e) {
            throw new AssertionError("seed " + seed + ": " + side.name + " threw on " + what + ": " + e, e);
        }
        if (qualifies && seq >= side.expectedSeq) {
            side.expectedSeq = seq + 1;
            side.lastHeard = clock.millis();
            if (side == serverSide) {
                side.remote = d.source();
            }
        }
        Connection c = t.connection();
        if (!Objects.equals(c.remote(), side.remote) || c.lastHeard() != side.lastHeard) {
            throw new AssertionError("seed " + seed + ": after " + what + " the " + side.name + " targets "
                    + c.remote() + " (heard " + c.lastHeard() + "); only an authentic datagram with the newest"
                    + " sequence number may move it, so it must target " + side.remote + " (heard " + side.lastHeard
                    + ")");
        }
        if (side == serverSide) {
            serverApplication();
        }
    }

    /** mosh-server's reaction to a new client state: the new events reach the terminal, which echoes them. */
    private void serverApplication() {
        if (server.remoteStateNum() == lastRemoteNum) {
            return;
        }
        lastRemoteNum = server.remoteStateNum();
        UserStream input = new UserStream();
        try {
            input.applyDiff(server.remoteDiff());
        } catch (WireFormatException e) {
            throw new AssertionError("seed " + seed + ": the server's own remote diff does not decode", e);
        }
        for (int i = 0; i < input.size(); i++) {
            UserEvent e = input.get(i);
            arrived.add(e);
            if (e instanceof UserEvent.UserByte b) {
                byte[] echo = b.value() == '\r' ? new byte[] {'\r', '\n'} : new byte[] {b.value()};
                terminal.act(echo, 0, echo.length);
            } else if (e instanceof UserEvent.Resize r) {
                terminal.resize(r.width(), r.height());
            }
        }
        if (input.size() > 0) {
            terminal.registerInputFrame(lastRemoteNum, clock.millis());
        }
        server.sender().setCurrentState(terminal.copy());
    }

    /** Whether the server has every event typed and the client shows the server's screen and echo ack. */
    boolean converged() {
        return arrived.equals(typed) && client.latestRemoteState().state().equals(terminal);
    }

    /** What a bad datagram for {@code side} is made against: that receiver as it is now. */
    BadDatagrams.Target target(Side side) {
        boolean toServer = side == serverSide;
        Transport<?, ?> t = toServer ? server : client;
        Transport<?, ?> peer = toServer ? client : server;
        InetSocketAddress peerAddress = toServer ? clientEnd.localAddress() : serverEnd.localAddress();
        return new BadDatagrams.Target(side.accepts, side.expectedSeq, t.remoteStateNum(),
                peer.sender().sentStateAcked(), t.sender().sentStateAcked(), List.copyOf(side.genuine),
                net.inFlightTo(toServer ? serverEnd.localAddress() : clientEnd.localAddress()), side.lastGenuineId, peerAddress, toServer ? FuzzedSession::userDiff : FuzzedSession::hostDiff,
                toServer ? d -> decodes(new UserStream(), d) : d -> decodes(new CompleteTerminal(COLS, ROWS), d));
    }

    private static <S extends SyncState<S>> boolean decodes(S state, byte[] diff) {
        try {
            state.applyDiff(diff);
            return true;
        } catch (WireFormatException e) {
            return false;
        }
    }

    /** A valid client diff: keystrokes and resizes, some of them absurd. */
    static byte[] userDiff(SplittableRandom r) {
        UserStream s = new UserStream();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            if (r.nextInt(4) == 0) {
                s.push(new UserEvent.Resize(r.nextBoolean() ? r.nextInt() : r.nextInt(300),
                        r.nextBoolean() ? r.nextInt() : r.nextInt(100)));
            } else {
                byte[] b = BadDatagrams.bytes(r, 1, 20);
                s.pushBytes(b, 0, b.length);
            }
        }
        return s.diffFrom(new UserStream());
    }

    /** A valid host diff: a screen's worth of output, or echo acks, resizes and VT bytes, some of them absurd. */
    static byte[] hostDiff(SplittableRandom r) {
        if (r.nextBoolean()) {
            CompleteTerminal t = new CompleteTerminal(COLS, ROWS);
            byte[] text = BadDatagrams.bytes(r, 1, 200);
            t.act(text, 0, text.length);
            return t.diffFrom(new CompleteTerminal(COLS, ROWS));
        }
        List<HostMessage.Element> elements = new ArrayList<>();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            switch (r.nextInt(3)) {
                case 0 -> elements.add(new HostMessage.EchoAck(r.nextLong()));
                case 1 -> elements.add(new HostMessage.Resize(r.nextInt(), r.nextInt()));
                default -> elements.add(new HostMessage.HostBytes(BadDatagrams.bytes(r, 0, 100)));
            }
        }
        return new HostMessage(elements).encode();
    }

    /** A copy of the counters that matter here. */
    record Counts(Map<DropReason, Long> drops, long states, long datagrams) {
        static Counts of(TransportStats s) {
            Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
            drops.putAll(s.drops());
            return new Counts(drops, s.statesReceived(), s.datagramsReceived());
        }

        long dropped() {
            return drops.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
