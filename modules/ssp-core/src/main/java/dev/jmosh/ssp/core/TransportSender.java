package dev.jmosh.ssp.core;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.SendTiming;
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
 * <p>Beyond mosh, with {@link SendTiming#JMOSH} (the default; {@link SendTiming#MOSH} is mosh
 * exactly):
 * <ul>
 * <li><b>Loss duplication.</b> mosh resends a lost state only after its retransmission timeout
 * (RTO + 100 ms). Here every new state that fits in {@value #DUPLICATE_MAX_FRAGMENTS} datagrams is
 * sent again, 5, 10 and 20 ms later, as many times as pays: up to {@value #COPIES} copies, each
 * only if it saves at least {@value #COPY_MIN_SAVING_MS} ms of expected wait, a state whose every
 * sending is lost waiting RTO + 100 ms for its resend. The loss rate is {@link LossEstimate}'s,
 * from the gaps in the peer's datagram numbers (and, where they show none, our own states that
 * went unacknowledged past their timeout). With a 250 ms timeout that is no copy on a clean link
 * or at 1% loss, one from 2% to 10%, two at 20% and three at 29%. A copy is the same instruction in
 * new datagrams (fresh nonces, identical fragments), which mosh 1.4.0 receivers drop as a state
 * they already have. Only a state's first sending is copied: a resend means the copies went
 * unacknowledged, most often because the acknowledgment was lost, and copying it again would
 * mostly repeat what already arrived. Bookkeeping ({@link #setBookkeepingState}) is not copied.
 * A <i>loss event</i> (counted in the stats) is a state with data unacknowledged {@value
 * #LOSS_GRACE_MS} ms past its timeout counted from its first sending, or the peer's state
 * numbers skipping.
 * <li><b>Resends on time.</b> mosh resends its newest state at the frame rate whenever an older
 * unacknowledged state has passed its timeout, which breaks its run of assumed states, even if the
 * newest was sent a moment ago as a diff from a state the peer has; on a clean link the older one
 * is most often an empty ack the peer had no reason to answer yet, and after a timeout it goes on
 * resending at the frame rate until an ack comes, though a mosh receiver answers a state it already
 * has only with its next datagram. Here each sending of a small state is trusted until its own
 * timeout (see {@link SentStates#updateAssumed}): it is resent once per timeout, and its copies, if
 * the loss calls for any, stand in for mosh's early resends. In turn, a state that arrives again
 * later than our acknowledgment could have reached its sender ({@value #ACK_DELAY_MS} ms plus a
 * timeout after it first did) is acknowledged as a new one would be: the sender evidently missed
 * our acknowledgment.
 * <li><b>Quiet into a dead link.</b> While a state with data has gone unacknowledged for {@value
 * #SILENT_TIMEOUTS} retransmission timeouts and nothing new has come from the peer since it was
 * sent, nothing is copied and states go out {@value #SILENT_PACE} frame intervals apart: an outage
 * costs about half the datagrams mosh's timing sends, and the first word after the link returns
 * comes at most one frame interval later than mosh's.
 * <li><b>Ack-free pacing.</b> mosh holds a new state back until one frame interval after the
 * previous datagram of any kind, so a keystroke typed just after the client sent an empty ack
 * waits up to half a round trip, and an echo that follows a resend waits for the frame interval
 * after it. Here the interval counts from the last new state, or the last resend too large to be
 * copied: acks and small resends are a few dozen bytes and do not use up the link's frame budget.
 * <li><b>Echo without the collection delay.</b> A change the application marks as a keystroke's
 * echo ({@link #expedite}) waits {@value #EXPEDITED_MINDELAY_MS} ms instead of the server's 8.
 * </ul>
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
    /** Beyond the retransmission timeout, how late an acknowledgment must be to count as a loss, in ms. */
    public static final long LOSS_GRACE_MS = 50;
    /** Delay between a state's datagrams and their duplicates, in ms. */
    public static final long DUPLICATE_GAP_MS = 5;
    /** Most extra copies of a small state. */
    public static final int COPIES = 3;
    /** A copy is sent only if it saves at least this much expected wait per state, in ms. */
    public static final double COPY_MIN_SAVING_MS = 3;
    /**
     * Retransmission timeouts without a word from the peer, counted from the oldest state with data
     * it has not acknowledged, after which the link counts as dead and nothing is copied.
     */
    public static final int SILENT_TIMEOUTS = 3;
    /** While the link looks dead, states go out this many frame intervals apart (mosh: one). */
    public static final int SILENT_PACE = 2;
    /** Collection delay of a change {@linkplain #expedite expedited} as a keystroke's echo, in ms. */
    public static final long EXPEDITED_MINDELAY_MS = 2;
    /** Largest state, in datagrams, that loss duplication copies. */
    public static final int DUPLICATE_MAX_FRAGMENTS = 2;
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
    private SendTiming timing = SendTiming.JMOSH;
    /** When the last state went out that counts against the frame interval (jmosh's timing). */
    private long lastPacedSend = Long.MIN_VALUE / 2;
    private long watchedNum = NONE;
    private long watchedSince;
    private boolean watchedLost;
    private final PendingCopies copies = new PendingCopies();
    /** Whether the pending change is a keystroke's echo, sent after {@link #EXPEDITED_MINDELAY_MS}. */
    private boolean expedited;
    /** Whether everything not yet sent is bookkeeping ({@link #setBookkeepingState}), not worth copying. */
    private boolean bookkeeping;

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
        sent.updateAssumed(now, resendTimeout(), timing == SendTiming.JMOSH);
        watchForLoss(now);
        rationalize();
        if (pendingDataAck && nextAckTime > now + ACK_DELAY_MS) {
            nextAckTime = now + ACK_DELAY_MS;
        }
        boolean pending = !current.equals(sent.back().state);
        expedited = expedited && pending;
        long mindelay = expedited ? Math.min(EXPEDITED_MINDELAY_MS, sendMindelayMs) : sendMindelayMs;
        if (pending) {
            if (mindelayClock == NONE) {
                mindelayClock = now;
            }
            // mosh paces from any send; with our timing an empty ack does not hold back a new diff
            long pacedFrom = timing == SendTiming.JMOSH ? lastPacedSend : sent.back().timestamp;
            nextSendTime = Math.max(mindelayClock + mindelay, pacedFrom + pace(now));
        } else if (!current.equals(sent.assumed().state) && lastHeard + ACTIVE_RETRY_TIMEOUT_MS > now) {
            nextSendTime = sent.back().timestamp + pace(now);
            if (mindelayClock != NONE) {
                nextSendTime = Math.max(nextSendTime, mindelayClock + mindelay);
            }
        } else if (!current.equals(sent.front().state) && lastHeard + ACTIVE_RETRY_TIMEOUT_MS > now) {
            nextSendTime = sent.back().timestamp + resendTimeout();
        } else {
            nextSendTime = NONE;
        }
        if (shutdownInProgress || ackNum == StateNumbers.SHUTDOWN) {
            nextAckTime = sent.back().timestamp + sendInterval();
        }
    }

    /** How long a sent state waits for its acknowledgment before it is resent: RTO + 100 ms (mosh). */
    private long resendTimeout() {
        return connection.rtt().rto() + ACK_DELAY_MS;
    }

    /** Copies that save at least {@link #COPY_MIN_SAVING_MS} each, a lost state waiting RTO + 100 ms. */
    private int copiesWorthSending() {
        return connection.loss().copiesFor(resendTimeout(), COPY_MIN_SAVING_MS, COPIES);
    }

    /** The frame interval, or {@value #SILENT_PACE} of them while the link looks dead (jmosh's timing). */
    private long pace(long now) {
        return timing == SendTiming.JMOSH && peerSilent(now) ? SILENT_PACE * sendInterval() : sendInterval();
    }

    /**
     * Records a loss event when the watched state (one with data) is still unacknowledged
     * {@link #LOSS_GRACE_MS} past its timeout, counted from its first sending. mosh's timeout
     * alone is no evidence: an empty ack goes unanswered until the peer's next datagram, and an
     * unacknowledged one that is old breaks the run of assumed states on every clean link.
     */
    private void watchForLoss(long now) {
        if (watchedNum == NONE) {
            return;
        }
        if (Long.compareUnsigned(sent.front().num, watchedNum) >= 0) {
            watchedNum = NONE; // acknowledged (or superseded by a later acknowledged state)
        } else if (!watchedLost && now - watchedSince >= resendTimeout() + LOSS_GRACE_MS) {
            watchedLost = true;
            lossEvent();
            if (copiesWorthSending() == 0) {
                // the peer's datagrams arrive: evidence of loss our way, which their numbers cannot show
                // (where they do show loss, this timeout is most likely one of those losses, not more)
                connection.loss().lost();
            }
        }
    }

    /**
     * Whether the link looks dead: a state with data has waited {@link #SILENT_TIMEOUTS}
     * retransmission timeouts for its acknowledgment and the peer has sent nothing new since it
     * went out. (A quiet spell alone is no sign: an idle peer speaks only every 3 s.)
     */
    private boolean peerSilent(long now) {
        return watchedNum != NONE && lastHeard < watchedSince
                && now - watchedSince > SILENT_TIMEOUTS * resendTimeout();
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
        long next = Math.min(Math.min(nextAckTime, nextSendTime), copies.dueAt());
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
        sendDuplicateIfDue(now);
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
            expedited = false;
        }
    }

    /** Sends the pending copy once due, unless its state was acknowledged meanwhile. */
    private void sendDuplicateIfDue(long now) throws CryptoException {
        if (!copies.isDue(now)) {
            return;
        }
        if (Long.compareUnsigned(sent.front().num, copies.num()) >= 0 || peerSilent(now)) {
            copies.cancel(); // already acknowledged, or nobody is listening
            return;
        }
        List<byte[]> datagrams = copies.take(now);
        transmit(datagrams);
        stats.duplicated(datagrams.size());
    }

    private void transmit(List<byte[]> datagrams) throws CryptoException {
        for (byte[] d : datagrams) {
            connection.send(d);
            stats.sent();
        }
    }

    /** Selects mosh's timing exactly, or with jmosh's refinements (the default; see the class comment). */
    public void setTiming(SendTiming timing) {
        this.timing = timing;
        if (timing == SendTiming.MOSH) {
            copies.cancel();
        }
    }

    /** The timing in force. */
    public SendTiming timing() {
        return timing;
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
        sendInFragments(new byte[0], newNum, false);
        nextAckTime = now + ACK_INTERVAL_MS;
        nextSendTime = NONE;
    }

    private void sendToReceiver(byte[] diff) throws CryptoException {
        long now = clock.millis();
        long newNum = current.equals(sent.back().state) ? sent.back().num : sent.back().num + 1;
        if (shutdownInProgress) {
            newNum = StateNumbers.SHUTDOWN;
        }
        boolean resend = newNum == sent.back().num;
        if (resend) {
            sent.back().timestamp = now;
        } else {
            sent.add(new TimestampedState<>(now, newNum, current.copy()), SENT_STATES_MAX);
        }
        int datagrams = sendInFragments(diff, newNum, !resend);
        bookkeeping = false;
        if (!resend || datagrams > DUPLICATE_MAX_FRAGMENTS) {
            lastPacedSend = now; // a small resend does not hold back the next new state
        }
        if (watchedNum == NONE && newNum != StateNumbers.SHUTDOWN) {
            watchedNum = newNum;
            watchedSince = now;
            watchedLost = false;
        }
        sent.assumeBack();
        nextAckTime = now + ACK_INTERVAL_MS;
        nextSendTime = NONE;
    }

    /**
     * Sends one instruction; {@code fresh} if it is a state's first sending, which is copied unless
     * it is bookkeeping (a resend is never copied). Returns the datagrams sent.
     */
    private int sendInFragments(byte[] diff, long newNum, boolean fresh) throws CryptoException {
        boolean copyable = fresh && !bookkeeping;
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
            return 0;
        }
        List<byte[]> datagrams = new ArrayList<>(fragments.size());
        for (Fragment f : fragments) {
            datagrams.add(f.toBytes());
        }
        transmit(datagrams);
        long now = clock.millis();
        boolean trusted = timing == SendTiming.JMOSH && diff.length > 0
                && fragments.size() <= DUPLICATE_MAX_FRAGMENTS && !peerSilent(now);
        TimestampedState<S> sentState = sent.back();
        sentState.base = sent.assumed().num;
        sentState.trusted = trusted;
        if (trusted && copyable) { // a resend is trusted too, but never copied
            copies.schedule(datagrams, newNum, copiesWorthSending(), now);
        }
        lastAckSent = ackNum;
        pendingDataAck = false;
        return datagrams.size();
    }

    /** The peer acknowledged our state {@code num}: forget every older one (ignored if {@code num} was culled). */
    void processAcknowledgmentThrough(long num) {
        sent.acknowledge(num);
    }

    /** The newest peer state we have; sent as {@code ack_num}. */
    void setAckNum(long num) {
        ackNum = num;
    }

    /**
     * A state with data that we already hold arrived again, {@code sinceFirstMs} after it first
     * did: with jmosh's timing it is acknowledged again if it came later than our acknowledgment
     * could have reached its sender and stopped it ({@link #ACK_DELAY_MS} plus a retransmission
     * timeout), which means that acknowledgment was lost. Copies come sooner, and so do mosh's
     * resends at the frame rate while the acknowledgment is on its way.
     */
    void duplicateArrived(long sinceFirstMs) {
        if (timing == SendTiming.JMOSH && sinceFirstMs >= resendTimeout()) {
            pendingDataAck = true;
        }
    }

    /** A peer state with data arrived: ack it within {@link #ACK_DELAY_MS}. */
    void setDataAck() {
        pendingDataAck = true;
    }

    /**
     * The peer's newest state skipped numbers, so datagrams were lost (or reordered) on the way
     * here: a loss event as much as one of our own states timing out, and seen a round trip sooner.
     */
    void peerStatesMissed() {
        lossEvent(); // the datagrams that carried them already count in the loss estimate
    }

    private void lossEvent() {
        stats.lossObserved();
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
        bookkeeping = false; // the caller may change it
        return current;
    }

    /** Replaces the live local state. */
    public void setCurrentState(S state) {
        if (shutdownInProgress) {
            throw new IllegalStateException("the state is frozen during shutdown");
        }
        current = state;
        bookkeeping = false;
    }

    /**
     * Replaces the live local state with one that differs from it only in bookkeeping the peer
     * can wait for, such as mosh's echo ack (which only confirms predictions the client already
     * shows): it is sent as any change is, but loss duplication does not copy it, unless a change
     * made the usual way is waiting to go out with it.
     */
    public void setBookkeepingState(S state) {
        if (shutdownInProgress) {
            throw new IllegalStateException("the state is frozen during shutdown");
        }
        bookkeeping = bookkeeping || current.equals(sent.back().state);
        current = state;
    }

    /**
     * Marks the pending change as the echo of a keystroke, which the caller knows to come in one
     * piece (a printable key's echo from a tty): with jmosh's timing it goes out {@value
     * #EXPEDITED_MINDELAY_MS} ms after it happened instead of after the whole send mindelay, which
     * exists to collect a burst of output. Pacing still applies. No effect with mosh's timing, or
     * when no change is pending at the next timer update.
     */
    public void expedite() {
        expedited = timing == SendTiming.JMOSH;
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
