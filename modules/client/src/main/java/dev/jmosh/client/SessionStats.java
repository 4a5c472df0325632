package dev.jmosh.client;

import dev.jmosh.ssp.DropReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a session's transport received, sent and dropped, at one moment.
 *
 * @param datagramsReceived datagrams that arrived, dropped ones included
 * @param datagramsSent datagrams sent, copies included
 * @param statesReceived server states taken in
 * @param outOfOrderStates of those, the ones that arrived out of order
 * @param lossEvents states of ours that went unacknowledged too long, and gaps in the server's numbers
 * @param duplicates datagrams sent again as copies under loss (jmosh's send timing)
 * @param drops datagrams and instructions not used, by reason (only reasons that occurred)
 */
public record SessionStats(long datagramsReceived, long datagramsSent, long statesReceived, long outOfOrderStates,
        long lossEvents, long duplicates, Map<DropReason, Long> drops) {
    /** Copies the map. */
    public SessionStats {
        drops = drops.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(drops));
    }

    /** How many were dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    @Override
    public String toString() {
        return "received=" + datagramsReceived + " sent=" + datagramsSent + " states=" + statesReceived
                + " outOfOrder=" + outOfOrderStates + " lossEvents=" + lossEvents + " duplicates=" + duplicates
                + " drops=" + drops;
    }
}
