package dev.jmosh.ssp.core;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.LimitExceededException;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.FragmentAssembly;
import dev.jmosh.ssp.core.wire.Instruction;
import java.util.random.RandomGenerator;

/**
 * One SSP endpoint (mosh {@code Network::Transport}): sends the local state {@code L} through
 * its {@link TransportSender} and rebuilds the peer's state {@code R} from the instructions it
 * receives.
 *
 * <p>Receiving follows mosh's order: assemble fragments; check the protocol version; process the
 * ack (even a duplicate state carries a useful one); ignore a state already held; ignore an
 * instruction whose reference state is unknown (the idempotency rule that makes replays
 * harmless); discard states below {@code throwaway_num}; refuse growth past 1024 states except
 * once per 15 s; refuse, with {@link LimitExceededException}, a state that would make those held
 * be made of more than {@link #RECEIVED_BYTES_MAX} bytes of diff (beyond mosh); apply the diff to a copy of the reference state; insert by number, and only a
 * state that lands at the end is acknowledged and counts as "heard".
 *
 * @param <L> the local state type
 * @param <R> the remote state type
 */
public final class Transport<L extends SyncState<L>, R extends SyncState<R>> {
    /** Most received states held before new ones are refused. */
    public static final int RECEIVED_STATES_MAX = 1024;
    /**
     * The most bytes of diff the received states may be made of between them (copies share their
     * reference's content, so this bounds what they hold): room for a 10 MB paste sent three
     * times over, while a peer that never lets states be thrown away cannot exhaust the heap.
     */
    public static final long RECEIVED_BYTES_MAX = 32L << 20;
    /** While the queue is full, one state is accepted per this period, in ms. */
    public static final long RECEIVER_QUENCH_MS = 15_000;

    private final Connection connection;
    private final Clock clock;
    private final TransportStats stats = new TransportStats();
    private final TransportSender<L> sender;
    private final ReceivedStates<R> received;
    private final FragmentAssembly assembly = new FragmentAssembly();
    private R lastReceiverState;
    private long receiverQuenchTimer;

    /**
     * An endpoint over {@code connection}.
     *
     * @param initialLocal state 0 of what we send
     * @param initialRemote state 0 of what the peer sends
     * @param random source of chaff lengths and bytes (need not be cryptographic)
     */
    public Transport(Connection connection, L initialLocal, R initialRemote, Clock clock, RandomGenerator random) {
        this.connection = connection;
        this.clock = clock;
        this.sender = new TransportSender<>(connection, initialLocal, clock, random, stats);
        this.received = new ReceivedStates<>(new TimestampedState<>(clock.millis(), 0, initialRemote.copy()));
        this.lastReceiverState = initialRemote.copy();
    }

    /**
     * Processes one datagram from the network. Anything unusable is counted in {@link #stats}
     * and reported by exception; the session is unaffected either way.
     *
     * @throws CryptoException for a datagram that is truncated, forged, reflected or malformed
     * @throws WireFormatException for fragments, zlib, protobuf or diffs that do not parse, an
     *     oversize datagram, or another protocol version
     */
    public void receive(ReceivedDatagram d) throws CryptoException, WireFormatException {
        stats.received();
        byte[] payload = connection.receive(d, stats);
        Instruction inst;
        long abandonedBefore = assembly.abandoned();
        try {
            Fragment fragment = Fragment.parse(payload, 0, payload.length);
            if (!assembly.add(fragment)) {
                return; // held until its instruction completes, else counted when abandoned
            }
            inst = assembly.assemble();
        } catch (WireFormatException e) {
            stats.drop(DropReason.MALFORMED_INSTRUCTION);
            throw e;
        } finally {
            long abandoned = assembly.abandoned() - abandonedBefore;
            if (abandoned > 0) {
                stats.drop(DropReason.ABANDONED_FRAGMENT, abandoned);
            }
        }
        if (inst.protocolVersion() != Instruction.PROTOCOL_VERSION) {
            stats.drop(DropReason.VERSION_MISMATCH);
            throw new WireFormatException("mosh protocol version mismatch");
        }
        process(inst);
    }

    private void process(Instruction inst) throws WireFormatException {
        sender.processAcknowledgmentThrough(inst.ackNum());
        connection.setLastRoundtripSuccess(sender.sentStateAckedTimestamp());
        TimestampedState<R> held = received.find(inst.newNum());
        if (held != null) {
            stats.drop(DropReason.DUPLICATE_STATE);
            if (inst.diff().length > 0) {
                sender.duplicateArrived(clock.millis() - held.timestamp);
            }
            return;
        }
        TimestampedState<R> reference = received.find(inst.oldNum());
        if (reference == null) {
            stats.drop(DropReason.UNKNOWN_REFERENCE);
            return;
        }
        received.throwAwayBelow(inst.throwawayNum(), reference);
        long now = clock.millis();
        if (received.size() > RECEIVED_STATES_MAX) {
            if (now < receiverQuenchTimer) {
                stats.drop(DropReason.QUEUE_FULL);
                return;
            }
            receiverQuenchTimer = now + RECEIVER_QUENCH_MS;
        }
        if (received.addedBytes() + inst.diff().length > RECEIVED_BYTES_MAX) {
            stats.drop(DropReason.QUEUE_FULL);
            throw new LimitExceededException("the peer's states would hold " + (received.addedBytes() + inst.diff().length)
                    + " bytes of diffs, more than " + RECEIVED_BYTES_MAX + " (" + received.size() + " states kept)");
        }
        R state = reference.state.copy();
        if (inst.diff().length > 0) {
            try {
                state.applyDiff(inst.diff());
            } catch (WireFormatException e) {
                stats.drop(DropReason.BAD_DIFF);
                throw e;
            }
        }
        long newestBefore = received.back().num;
        TimestampedState<R> arrived = new TimestampedState<>(now, inst.newNum(), state);
        arrived.addedBytes = inst.diff().length;
        boolean atEnd = received.insert(arrived);
        stats.stateReceived(atEnd);
        if (!atEnd) {
            return;
        }
        if (inst.newNum() != StateNumbers.SHUTDOWN && Long.compareUnsigned(inst.newNum(), newestBefore + 1) > 0) {
            sender.peerStatesMissed(); // the peer numbers its states one by one: some did not arrive
        }
        sender.setAckNum(inst.newNum());
        sender.remoteHeard(now);
        if (inst.diff().length > 0) {
            sender.setDataAck();
        }
    }

    /** Sends a diff or ack if one is due. */
    public void tick() throws CryptoException {
        sender.tick();
    }

    /** Milliseconds until {@link #tick} has something to do; {@link Long#MAX_VALUE} with no peer. */
    public long waitTime() {
        return sender.waitTime();
    }

    /**
     * The events in the newest remote state that were not in the state of the previous call,
     * as a diff, after which acknowledged history is trimmed (mosh {@code get_remote_diff}).
     */
    public byte[] remoteDiff() {
        R newest = received.back().state;
        byte[] diff = newest.diffFrom(lastReceiverState);
        received.subtractAll(received.front().state);
        lastReceiverState = received.back().state.copy();
        return diff;
    }

    /** The newest remote state with its number and arrival time. */
    public TimestampedState<R> latestRemoteState() {
        return received.back();
    }

    /** The bytes of diff the held remote states were made with (bounded by {@link #RECEIVED_BYTES_MAX}). */
    public long receivedAddedBytes() {
        return received.addedBytes();
    }

    /** The number of the newest remote state. */
    public long remoteStateNum() {
        return received.back().num;
    }

    /** The sender of our state. */
    public TransportSender<L> sender() {
        return sender;
    }

    /** The datagram layer. */
    public Connection connection() {
        return connection;
    }

    /** What was received, sent and dropped. */
    public TransportStats stats() {
        return stats;
    }

    /** Shorthand for {@code sender().currentState()}. */
    public L currentState() {
        return sender.currentState();
    }

    /** Starts the shutdown handshake. */
    public void startShutdown() {
        sender.startShutdown();
    }

    public boolean shutdownInProgress() {
        return sender.shutdownInProgress();
    }

    public boolean shutdownAcknowledged() {
        return sender.shutdownAcknowledged();
    }

    public boolean shutdownAckTimedOut() {
        return sender.shutdownAckTimedOut();
    }

    public boolean counterpartyShutdownAckSent() {
        return sender.counterpartyShutdownAckSent();
    }

    /** Whether the peer has started a shutdown (its newest state is number 2^64-1). */
    public boolean counterpartyShutdown() {
        return received.back().num == StateNumbers.SHUTDOWN;
    }

    public boolean hasRemoteAddress() {
        return connection.hasRemote();
    }
}
