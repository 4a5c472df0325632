package dev.jmosh.ssp.core;

import dev.jmosh.ssp.SyncState;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiver's states of the peer, sorted by (unsigned) number (mosh {@code received_states}),
 * and the bytes of diff they were made with: since a copy shares its reference's content, that
 * sum is what they hold between them.
 */
final class ReceivedStates<S extends SyncState<S>> {
    private final List<TimestampedState<S>> states = new ArrayList<>();
    private long addedBytes;

    ReceivedStates(TimestampedState<S> initial) {
        states.add(initial);
    }

    int size() {
        return states.size();
    }

    TimestampedState<S> front() {
        return states.get(0);
    }

    TimestampedState<S> back() {
        return states.get(states.size() - 1);
    }

    boolean contains(long num) {
        return find(num) != null;
    }

    TimestampedState<S> find(long num) {
        for (TimestampedState<S> s : states) {
            if (s.num == num) {
                return s;
            }
        }
        return null;
    }

    /**
     * Drops states numbered below {@code throwaway}. The state about to be used as a reference
     * is always kept, so a hostile or confused throwaway number can never empty the list.
     */
    void throwAwayBelow(long throwaway, TimestampedState<S> keep) {
        states.removeIf(s -> {
            boolean drop = s != keep && StateNumbers.less(s.num, throwaway);
            if (drop) {
                addedBytes -= s.addedBytes;
            }
            return drop;
        });
    }

    /** The bytes of diff the states held were made with. */
    long addedBytes() {
        return addedBytes;
    }

    /** Inserts in order; returns whether the state became the newest. */
    boolean insert(TimestampedState<S> s) {
        addedBytes += s.addedBytes;
        for (int i = 0; i < states.size(); i++) {
            if (StateNumbers.greater(states.get(i).num, s.num)) {
                states.add(i, s);
                return false;
            }
        }
        states.add(s);
        return true;
    }

    void subtractAll(S oldest) {
        for (int i = states.size() - 1; i >= 0; i--) {
            states.get(i).state.subtract(oldest);
        }
    }
}
