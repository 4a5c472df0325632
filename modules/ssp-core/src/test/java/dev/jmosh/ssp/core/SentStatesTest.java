package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which sent state the peer is assumed to hold: mosh's unbroken run, and jmosh's trusted states. */
class SentStatesTest {
    private static final long GRACE = 250;

    /** The acknowledged state 10 (sent at 0), an empty ack 11 sent at 1000, a keystroke 12 at 1100 from base 10. */
    private static SentStates<ByteLog> states(boolean copied) {
        SentStates<ByteLog> s = new SentStates<>(new TimestampedState<>(0, 10, new ByteLog()));
        TimestampedState<ByteLog> ack = new TimestampedState<>(1000, 11, new ByteLog());
        ack.base = 10;
        s.add(ack, 32);
        TimestampedState<ByteLog> key = new TimestampedState<>(1100, 12, new ByteLog());
        key.base = 10;
        key.trusted = copied;
        s.add(key, 32);
        return s;
    }

    @Test
    void moshAssumesOnlyAnUnbrokenRunOfRecentStates() {
        SentStates<ByteLog> s = states(true);
        s.updateAssumed(1200, GRACE, false);
        assertThat(s.assumed().num).as("both recent").isEqualTo(12);
        s.updateAssumed(1300, GRACE, false);
        assertThat(s.assumed().num).as("the old empty ack 11 breaks the run: 12 is resent at the frame rate")
                .isEqualTo(10);
    }

    @Test
    void aRecentTrustedStateFromAnAssumedBaseIsAssumedThoughTheRunIsBroken() {
        SentStates<ByteLog> s = states(true);
        s.updateAssumed(1300, GRACE, true);
        assertThat(s.assumed().num).isEqualTo(12);
        s.updateAssumed(1100 + GRACE, GRACE, true);
        assertThat(s.assumed().num).as("until its own timeout").isEqualTo(10);
    }

    @Test
    void anUntrustedStateOrOneFromAnotherBaseIsNot() {
        SentStates<ByteLog> s = states(false);
        s.updateAssumed(1300, GRACE, true);
        assertThat(s.assumed().num).as("not trusted").isEqualTo(10);
        SentStates<ByteLog> t = states(true);
        t.back().base = 11; // a diff from the lost empty ack: the peer cannot apply it
        t.updateAssumed(1300, GRACE, true);
        assertThat(t.assumed().num).isEqualTo(10);
    }

    @Test
    void aTrustedStateFromTheFrontFollowsAnotherAssumedOne() {
        SentStates<ByteLog> s = states(true);
        TimestampedState<ByteLog> echoAck = new TimestampedState<>(1150, 13, new ByteLog());
        echoAck.base = 10; // from the front again, not from 12
        echoAck.trusted = true;
        s.add(echoAck, 32);
        s.updateAssumed(1300, GRACE, true);
        assertThat(s.assumed().num).isEqualTo(13);
    }
}
