package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.SendTiming;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Into a dead link jmosh sends no more than mosh (issue 15): a 30 s blackout while the client types
 * a line a second and the server's screen changes as often, counted in datagrams each end sent,
 * jmosh's timing against mosh's in the same code, after a lossy spell that switched loss
 * duplication on. Once the peer has been silent for {@link TransportSender#SILENT_TIMEOUTS}
 * retransmission timeouts (at most 3.3 s: the timeout is at most 1 s, plus the 100 ms ack delay)
 * jmosh resends at half mosh's pace; before that, it sends at most the copies of each new state.
 * Everything typed arrives once the link is back.
 */
class BlackoutTest {
    private static final int SECONDS = 30;
    /** When the link counts as dead at the latest, in whole seconds after the blackout began. */
    private static final int SILENT_BY = 4;

    /** {client, server} datagrams sent during the whole blackout and from {@link #SILENT_BY} on. */
    private static long[][] blackout(SendTiming timing, long seed) throws Exception {
        SimPair p = new SimPair(seed);
        p.client.sender().setTiming(timing);
        p.server.sender().setTiming(timing);
        p.link.setDelay(50);
        p.runFor(3000);
        p.link.setLoss(0.29); // a lossy spell: loss events switch duplication on
        EchoSim.echoTimes(p, 20, seed);
        p.link.setLoss(0);
        p.runFor(2000);
        StringBuilder typed = new StringBuilder(new String(p.serverView(), StandardCharsets.US_ASCII)); // all so far
        long[] start = sent(p);
        long[] silent = null;
        p.link.setBlackout(true);
        for (int s = 0; s < SECONDS; s++) {
            if (s == SILENT_BY) {
                silent = sent(p);
            }
            String line = "line " + s + "\r";
            typed.append(line);
            p.client.currentState().append(line.getBytes(StandardCharsets.US_ASCII));
            p.server.currentState().append(("out " + s + "\n").getBytes(StandardCharsets.US_ASCII));
            p.runFor(1000);
        }
        long[] end = sent(p);
        p.link.setBlackout(false);
        String want = typed.toString();
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals(want), 30_000))
                .as("%s: everything typed arrives after the blackout", timing).isTrue();
        assertThat(p.errors).isZero();
        return new long[][] {{end[0] - start[0], end[1] - start[1]}, {end[0] - silent[0], end[1] - silent[1]}};
    }

    private static long[] sent(SimPair p) {
        return new long[] {p.client.stats().datagramsSent(), p.server.stats().datagramsSent()};
    }

    @Test
    void jmoshSendsNoMoreThanMoshIntoADeadLink() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            long[][] jmosh = blackout(SendTiming.JMOSH, seed);
            long[][] mosh = blackout(SendTiming.MOSH, seed);
            System.out.printf("datagrams during a %d s blackout (seed %d), jmosh's timing / mosh's: client %d / %d "
                            + "(%d / %d after %d s), server %d / %d (%d / %d)%n", SECONDS, seed, jmosh[0][0], mosh[0][0],
                    jmosh[1][0], mosh[1][0], SILENT_BY, jmosh[0][1], mosh[0][1], jmosh[1][1], mosh[1][1]);
            for (int end = 0; end < 2; end++) {
                String who = end == 0 ? "client" : "server";
                assertThat(jmosh[1][end]).as("%s datagrams once the link is dead", who).isLessThanOrEqualTo(mosh[1][end]);
                if (end == 0) { // the client has a state to resend all along; the server's screen changes too
                    assertThat(jmosh[1][end]).as("client: half mosh's pace while the link is dead")
                            .isLessThan(mosh[1][end] * 3 / 4);
                }
                assertThat(jmosh[0][end]).as("%s datagrams in all: at most the copies of the first states", who)
                        .isLessThanOrEqualTo(mosh[0][end] + (long) SILENT_BY * TransportSender.COPIES);
                assertThat(mosh[1][end]).as("mosh's timing keeps sending into the blackout").isPositive();
            }
        }
    }
}
