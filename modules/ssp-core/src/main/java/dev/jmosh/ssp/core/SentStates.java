package dev.jmosh.ssp.core;

import dev.jmosh.ssp.SyncState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sender's list of states it has sent (mosh {@code sent_states}): the front is the newest
 * state the peer acknowledged, the back the newest sent, and a cursor marks the state the peer
 * is assumed to have.
 */
final class SentStates<S extends SyncState<S>> {
    private final List<TimestampedState<S>> states = new ArrayList<>();
    private int assumed;

    SentStates(TimestampedState<S> initial) {
        states.add(initial);
    }

    TimestampedState<S> front() {
        return states.get(0);
    }

    TimestampedState<S> back() {
        return states.get(states.size() - 1);
    }

    TimestampedState<S> assumed() {
        return states.get(assumed);
    }

    boolean assumedIsFront() {
        return assumed == 0;
    }

    void assumeFront() {
        assumed = 0;
    }

    void assumeBack() {
        assumed = states.size() - 1;
    }

    /**
     * The peer is assumed to hold the newest state of an unbroken run, from the front, of states
     * sent less than {@code graceMs} ago; an old unacknowledged state breaks the run (mosh).
     *
     * <p>With {@code trust} (beyond mosh), a {@link TimestampedState#trusted trusted} state sent
     * less than {@code graceMs} ago as a diff from the front or a state already assumed is assumed as well, run
     * or no run: the peer can apply it whatever became of the states in between, and it is resent
     * when its own timeout passes, not at the frame rate from the moment an older state (most often
     * an empty ack the peer had no reason to answer yet) breaks the run.
     */
    void updateAssumed(long now, long graceMs, boolean trust) {
        assumed = 0;
        boolean run = true;
        long held = 1; // bit i: state i is the front or assumed (at most SENT_STATES_MAX = 32 states)
        for (int i = 1; i < states.size(); i++) {
            TimestampedState<S> s = states.get(i);
            boolean recent = now - s.timestamp < graceMs;
            if (!(run && recent)) {
                run = false;
                if (!trust) {
                    return;
                }
                if (!(recent && s.trusted && holds(held, s.base))) {
                    continue;
                }
            }
            assumed = i;
            held |= 1L << i;
        }
    }

    /** Whether one of the states marked in {@code held} is numbered {@code num}. */
    private boolean holds(long held, long num) {
        for (int i = 0; i < states.size() && i < Long.SIZE; i++) {
            if ((held & (1L << i)) != 0 && states.get(i).num == num) {
                return true;
            }
        }
        return false;
    }

    /** Appends; beyond {@code max} entries the 16th from the newest is dropped. */
    void add(TimestampedState<S> s, int max) {
        states.add(s);
        if (states.size() > max) {
            int victim = states.size() - 16;
            states.remove(victim);
            if (assumed >= victim && assumed > 0) {
                assumed--;
            }
        }
    }

    /** Forgets every state older than {@code num}, if {@code num} is still held. */
    void acknowledge(long num) {
        int idx = -1;
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).num == num) {
                idx = i;
                break;
            }
        }
        if (idx < 0) {
            return;
        }
        states.removeIf(s -> StateNumbers.less(s.num, num));
        assumed = 0;
    }

    void subtractAll(S known) {
        for (int i = states.size() - 1; i >= 0; i--) {
            states.get(i).state.subtract(known);
        }
    }

    void forEach(Consumer<TimestampedState<S>> action) {
        states.forEach(action);
    }
}
