package dev.jmosh.ssp.core;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Fragmenter;
import dev.jmosh.ssp.core.wire.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The sending half of SSP (mosh {@code TransportSender}): numbers versions of the local state,
 * decides when to send a diff, an empty ack or nothing, and which acknowledged or assumed state
 * the diff starts from.
 *
 * <p>Timing, in mosh's words: a change is sent {@code SEND_MINDELAY} after it happens but no
 * sooner than one frame interval after the previous send; an unacknowledged state is resent at
 * the frame rate while the peer was heard in the last 10 s; an empty ack goes out 100 ms after a
 * state with data arrived and every 3 s regardless; a shutdown is retried at the frame rate.
 *
 * @param <S> the local state type
 */
public final class TransportSender<S extends SyncState<S>> {
    /** Period of heartbeats (empty acks), in ms. */
    public static final long ACK_INTERVAL_MS = 3000;
    /** Delay of the ack of a state that carried data, in ms. */
    public static final long ACK_DELAY_MS = 100;
    /** Shutdown packets sent before giving up. */
    public static final int SHUTDOWN_RETRIES = 16;
    /** Resend at the frame rate only while the peer was heard within this, in ms. */
    public static final long ACTIVE_RETRY_TIMEOUT_MS = 10_000;
    /** Most sent states kept; beyond it the 16th from the newest is dropped. */
    public static final int SENT_STATES_MAX = 32;
    /** Most chaff bytes per instruction. */
    public static final int CHAFF_MAX = 16;
    private static final long NONE = Long.MAX_VALUE;

    private final Connection connection;
    private final Clock clock;
    private final RandomGenerator random;
    private final TransportStats stats;
    private final Fragmenter fragmenter = new Fragmenter();
    private final SentStates<S> sent;

    private S current;
    private long nextAckTime;
    private long nextSendTime;
    private long mindelayClock = NONE;
    private long sendMindelayMs = 8;
    private long ackNum;
    private boolean pendingDataAck;
    private long lastHeard = Long.MIN_VALUE;
    private boolean shutdownInProgress;
    private int shutdownTries;
    private long shutdownStart;
    private long lastAckSent;

    TransportSender(Connection connection, S initial, Clock clock, RandomGenerator random, TransportStats stats) {
        this.connection = connection;
        this.clock = clock;
        this.random = random;
        this.stats = stats;
        this.current = initial.copy();
        long now = clock.millis();
        this.sent = new SentStates<>(new TimestampedState<>(now, 0, initial.copy()));
        this.nextAckTime = now;
        this.nextSendTime = now;
    }

    /** Frame interval in ms: half the smoothed RTT, clamped to [20, 250]. */
    public long sendInterval() {
        return connection.rtt().sendInterval();
    }

    private void calculateTimers() {
        long now = clock.millis();
        sent.updateAssumed(now, connection.rtt().rto() + ACK_DELAY_MS);
        rationalize();
        if (pendingDataAck && nextAckTime > now + ACK_DELAY_MS) {
            nextAckTime = now + ACK_DELAY_MS;
        }
        if (!current.equals(sent.back().state)) {
            if (mindelayClock == NONE) {
                mindelayClock = now;
            }
            nextSendTime = Math.max(mindelayClock + sendMindelayMs, sent.back().timestamp + sendInterval());
        } else if (!current.equals(sent.assumed().state) && lastHeard + ACTIVE_RETRY_TIMEOUT_MS > now) {
            nextSendTime = sent.back().timestamp + sendInterval();
            if (mindelayClock != NONE) {
                nextSendTime = Math.max(nextSendTime, mindelayClock + sendMindelayMs);
            }
        } else if (!current.equals(sent.front().state) && lastHeard + ACTIVE_RETRY_TIMEOUT_MS > now) {
            nextSendTime = sent.back().timestamp + connection.rtt().rto() + ACK_DELAY_MS;
        } else {
            nextSendTime = NONE;
        }
        if (shutdownInProgress || ackNum == StateNumbers.SHUTDOWN) {
            nextAckTime = sent.back().timestamp + sendInterval();
        }
    }

    private void rationalize() {
        S known = sent.front().state;
        current.subtract(known);
        sent.subtractAll(known);
    }

    /** Milliseconds until the next send or ack is due; {@link Long#MAX_VALUE} with no peer address. */
    public long waitTime() {
        calculateTimers();
        if (!connection.hasRemote()) {
            return Long.MAX_VALUE;
        }
        long next = Math.min(nextAckTime, nextSendTime);
        long now = clock.millis();
        return next > now ? next - now : 0;
    }

    /** Sends a diff or an empty ack if one is due. */
    public void tick() throws CryptoException {
        calculateTimers();
        if (!connection.hasRemote()) {
            return;
        }
        long now = clock.millis();
        if (now < nextAckTime && now < nextSendTime) {
            return;
        }
        byte[] diff = current.diffFrom(sent.assumed().state);
        diff = prospectiveResend(diff);
        if (diff.length == 0) {
            if (now >= nextAckTime) {
                sendEmptyAck(now);
                mindelayClock = NONE;
            }
            if (now >= nextSendTime) {
                nextSendTime = NONE;
                mindelayClock = NONE;
            }
        } else if (now >= nextSendTime || now >= nextAckTime) {
            sendToReceiver(diff);
            mindelayClock = NONE;
        }
    }

    /** Resends from the acknowledged state instead when that diff is no longer, or barely longer. */
    private byte[] prospectiveResend(byte[] proposed) {
        if (sent.assumedIsFront()) {
            return proposed;
        }
        byte[] resend = current.diffFrom(sent.front().state);
        if (resend.length <= proposed.length
                || (resend.length < 1000 && resend.length - proposed.length < 100)) {
            sent.assumeFront();
            return resend;
        }
        return proposed;
    }

    private void sendEmptyAck(long now) throws CryptoException {
        long newNum = shutdownInProgress ? StateNumbers.SHUTDOWN : sent.back().num + 1;
        sent.add(new TimestampedState<>(now, newNum, current.copy()), SENT_STATES_MAX);
        sendInFragments(new byte[0], newNum);
        nextAckTime = now + ACK_INTERVAL_MS;
        nextSendTime = NONE;
    }

    private void sendToReceiver(byte[] diff) throws CryptoException {
        long now = clock.millis();
        long newNum = current.equals(sent.back().state) ? sent.back().num : sent.back().num + 1;
        if (shutdownInProgress) {
            newNum = StateNumbers.SHUTDOWN;
        }
        if (newNum == sent.back().num) {
            sent.back().timestamp = now;
        } else {
            sent.add(new TimestampedState<>(now, newNum, current.copy()), SENT_STATES_MAX);
        }
        sendInFragments(diff, newNum);
        sent.assumeBack();
        nextAckTime = now + ACK_INTERVAL_MS;
        nextSendTime = NONE;
    }

    private void sendInFragments(byte[] diff, long newNum) throws CryptoException {
        byte[] chaff = new byte[random.nextInt(CHAFF_MAX + 1)];
        random.nextBytes(chaff);
        Instruction inst = new Instruction(Instruction.PROTOCOL_VERSION, sent.assumed().num, newNum,
                ackNum, sent.front().num, diff, chaff);
        if (newNum == StateNumbers.SHUTDOWN) {
            shutdownTries++;
        }
        List<Fragment> fragments;
        try {
            fragments = fragmenter.fragment(inst, connection.maxFragmentBytes() - Fragment.HEADER_BYTES);
        } catch (IllegalStateException tooLarge) {
            // over 4 MiB or 0x8000 fragments: the peer could never accept it (mosh would abort);
            // send nothing, and let the state shrink as the peer acknowledges what it has
            stats.oversizeInstruction();
            return;
        }
        for (Fragment f : fragments) {
            connection.send(f.toBytes());
            stats.sent();
        }
        lastAckSent = ackNum;
        pendingDataAck = false;
    }

    /** The peer acknowledged our state {@code num}: forget every older one (ignored if {@code num} was culled). */
    void processAcknowledgmentThrough(long num) {
        sent.acknowledge(num);
    }

    /** The newest peer state we have; sent as {@code ack_num}. */
    void setAckNum(long num) {
        ackNum = num;
    }

    /** A peer state with data arrived: ack it within {@link #ACK_DELAY_MS}. */
    void setDataAck() {
        pendingDataAck = true;
    }

    /** A new peer state arrived at {@code millis}. */
    void remoteHeard(long millis) {
        lastHeard = millis;
    }

    /** Starts the shutdown handshake; the current state is frozen from now on. */
    public void startShutdown() {
        if (!shutdownInProgress) {
            shutdownStart = clock.millis();
            shutdownInProgress = true;
        }
    }

    /** The live local state; change it, and the sender sends the difference. */
    public S currentState() {
        if (shutdownInProgress) {
            throw new IllegalStateException("the state is frozen during shutdown");
        }
        return current;
    }

    /** Replaces the live local state. */
    public void setCurrentState(S state) {
        if (shutdownInProgress) {
            throw new IllegalStateException("the state is frozen during shutdown");
        }
        current = state;
    }

    /** Sets the delay that collects a burst of changes into one send, in ms (mosh: server 8, client 1). */
    public void setSendMindelay(long millis) {
        sendMindelayMs = millis;
    }

    public boolean shutdownInProgress() {
        return shutdownInProgress;
    }

    /** Whether the peer acknowledged our shutdown state. */
    public boolean shutdownAcknowledged() {
        return sent.front().num == StateNumbers.SHUTDOWN;
    }

    /** Whether we have sent an ack of the peer's shutdown state. */
    public boolean counterpartyShutdownAckSent() {
        return lastAckSent == StateNumbers.SHUTDOWN;
    }

    /** Whether the shutdown handshake should be given up: 16 tries or 10 s. */
    public boolean shutdownAckTimedOut() {
        return shutdownInProgress
                && (shutdownTries >= SHUTDOWN_RETRIES || clock.millis() - shutdownStart >= ACTIVE_RETRY_TIMEOUT_MS);
    }

    /** Send time of the newest state the peer acknowledged. */
    public long sentStateAckedTimestamp() {
        return sent.front().timestamp;
    }

    /** Number of the newest state the peer acknowledged. */
    public long sentStateAcked() {
        return sent.front().num;
    }

    /** Number of the newest state sent. */
    public long sentStateLast() {
        return sent.back().num;
    }

    /** States kept for diffing, oldest (acknowledged) first; for tests and diagnostics. */
    List<Long> sentStateNumbers() {
        List<Long> nums = new ArrayList<>();
        sent.forEach(s -> nums.add(s.num));
        return nums;
    }
}
