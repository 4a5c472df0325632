package dev.jmosh.ssp.core;

import dev.jmosh.ssp.DropReason;
import java.util.EnumMap;
import java.util.Map;

/** Counters of what a {@link Transport} received, sent and dropped, by reason. */
public final class TransportStats {
    private final long[] drops = new long[DropReason.values().length];
    private long datagramsReceived;
    private long datagramsSent;
    private long statesReceived;
    private long outOfOrderStates;
    private long oversizeInstructions;
    private long duplicates;
    private long lossEvents;

    void received() {
        datagramsReceived++;
    }

    void sent() {
        datagramsSent++;
    }

    void stateReceived(boolean inOrder) {
        statesReceived++;
        if (!inOrder) {
            outOfOrderStates++;
        }
    }

    void duplicated(int datagrams) {
        duplicates += datagrams;
    }

    void lossObserved() {
        lossEvents++;
    }

    /** Datagrams sent again as copies by loss duplication (beyond mosh; counted in {@link #datagramsSent}). */
    public long duplicates() {
        return duplicates;
    }

    /**
     * Loss events: a sent state with data still unacknowledged past its retransmission timeout
     * (plus a grace), or a gap in the peer's state numbers (see {@link TransportSender}).
     */
    public long lossEvents() {
        return lossEvents;
    }

    void oversizeInstruction() {
        oversizeInstructions++;
    }

    /** Instructions not sent because they exceeded what a peer accepts (4 MiB, 0x8000 fragments). */
    public long oversizeInstructions() {
        return oversizeInstructions;
    }

    void drop(DropReason reason) {
        drop(reason, 1);
    }

    void drop(DropReason reason, long count) {
        drops[reason.ordinal()] += count;
    }

    /** How many were dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return drops[reason.ordinal()];
    }

    /** Every non-zero drop counter. */
    public Map<DropReason, Long> drops() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            if (drops[r.ordinal()] != 0) {
                m.put(r, drops[r.ordinal()]);
            }
        }
        return m;
    }

    /** Datagrams handed to {@link Transport#receive}. */
    public long datagramsReceived() {
        return datagramsReceived;
    }

    /** Datagrams sent. */
    public long datagramsSent() {
        return datagramsSent;
    }

    /** New peer states accepted. */
    public long statesReceived() {
        return statesReceived;
    }

    /** Of those, the ones that arrived out of order. */
    public long outOfOrderStates() {
        return outOfOrderStates;
    }

    @Override
    public String toString() {
        return "received=" + datagramsReceived + " sent=" + datagramsSent + " states=" + statesReceived
                + " outOfOrder=" + outOfOrderStates + " lossEvents=" + lossEvents + " duplicates=" + duplicates
                + " drops=" + drops();
    }
}
