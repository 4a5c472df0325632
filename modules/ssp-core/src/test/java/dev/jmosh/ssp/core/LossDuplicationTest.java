package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.SendTiming;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Loss duplication (beyond mosh): small states go out as many extra times as the estimated loss
 * rate calls for; a clean link never pays; the switch turns it off. Latencies are simulated time
 * on the seeded lossy link.
 */
class LossDuplicationTest {
    /** Types {@code n} short commands one at a time; returns the mean ms until each reached the server. */
    private static double meanDelivery(SimPair p, int n) throws Exception {
        long total = 0;
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String cmd = "k" + i + "\r";
            typed.append(cmd);
            String want = typed.toString();
            long start = p.clock.millis();
            p.client.currentState().append(cmd.getBytes(StandardCharsets.US_ASCII));
            assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals(want), 60_000))
                    .as("keystroke %d arrives", i).isTrue();
            total += p.clock.millis() - start;
            p.runFor(300);
        }
        return (double) total / n;
    }

    private static SimPair lossy(long seed, boolean duplication) {
        SimPair p = new SimPair(seed);
        p.link.setLoss(0.29);
        p.link.setDelay(50);
        SendTiming timing = duplication ? SendTiming.JMOSH : SendTiming.MOSH;
        p.client.sender().setTiming(timing);
        p.server.sender().setTiming(timing);
        return p;
    }

    @Test
    void anEchoingSessionOnACleanLinkHasNoLossEvents() throws Exception {
        SimPair p = cleanLink(300);
        p.runFor(3000);
        EchoSim.echoTimes(p, 100, 1); // idle pauses let empty acks go unanswered past mosh's timeout
        assertThat(p.client.stats().lossEvents()).isZero();
        assertThat(p.server.stats().lossEvents()).isZero();
        assertThat(p.client.stats().duplicates() + p.server.stats().duplicates()).isZero();
    }

    @Test
    void aBookkeepingChangeIsSentButNotCopiedUnlessARealChangeGoesWithIt() throws Exception {
        SimPair p = lossy(500, true);
        EchoSim.echoTimes(p, 20, 5); // loss events switch duplication on at both ends
        assertThat(p.server.stats().lossEvents()).isPositive();
        p.link.setLoss(0);
        p.runFor(1000);
        long copies = p.server.stats().duplicates();
        long states = p.client.stats().statesReceived();
        ByteLog bookkept = p.server.currentState().copy();
        bookkept.append(new byte[] {'!'});
        p.server.sender().setBookkeepingState(bookkept);
        p.runFor(1000);
        assertThat(p.client.stats().statesReceived()).as("the bookkeeping state arrives").isGreaterThan(states);
        assertThat(p.server.stats().duplicates()).as("and is not copied").isEqualTo(copies);
        p.server.currentState().append(new byte[] {'x'}); // a real change ...
        ByteLog both = p.server.currentState().copy();
        both.append(new byte[] {'!'});
        p.server.sender().setBookkeepingState(both); // ... with bookkeeping on top, before it went out
        p.runFor(1000);
        assertThat(p.server.stats().duplicates()).as("a real change is copied").isGreaterThan(copies);
    }

    @Test
    void aCleanLinkNeverDuplicates() throws Exception {
        SimPair p = new SimPair(21);
        p.link.setDelay(50);
        meanDelivery(p, 100);
        assertThat(p.client.stats().lossEvents()).isZero();
        assertThat(p.client.stats().duplicates()).isZero();
        assertThat(p.server.stats().duplicates()).isZero();
    }

    @Test
    void afterLossSmallStatesAreCopiedAndArriveSooner() throws Exception {
        double[] on = new double[3];
        double[] off = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            SimPair a = lossy(100 + seed, true);
            on[seed] = meanDelivery(a, 100);
            assertThat(a.client.stats().lossEvents()).isPositive();
            assertThat(a.client.stats().duplicates()).isPositive();
            assertThat(a.errors).isZero();
            SimPair b = lossy(100 + seed, false);
            off[seed] = meanDelivery(b, 100);
            assertThat(b.client.stats().duplicates()).isZero();
        }
        double meanOn = (on[0] + on[1] + on[2]) / 3;
        double meanOff = (off[0] + off[1] + off[2]) / 3;
        System.out.printf("keystroke delivery at 29%% loss, 50 ms: duplication %.1f ms, without %.1f ms (%.2fx)%n",
                meanOn, meanOff, meanOn / meanOff);
        assertThat(meanOn).isLessThan(meanOff);
    }

    @Test
    void keystrokeToEchoAt29PercentLoss() throws Exception {
        int seeds = Integer.getInteger("jmosh.sim.seeds", 5);
        long[] on = new long[0];
        long[] off = new long[0];
        for (int seed = 0; seed < seeds; seed++) {
            on = concat(on, EchoSim.echoTimes(warmThenLossy(200 + seed, true), 100, seed));
            off = concat(off, EchoSim.echoTimes(warmThenLossy(200 + seed, false), 100, seed));
        }
        long[] clean = EchoSim.echoTimes(cleanLink(300), 100, 1);
        System.out.printf("keystroke to echo at 29%% loss, 50 ms: jmosh %.1f ms (median %d, p90 %d), mosh's timing %.1f ms"
                        + " (median %d, p90 %d), %.2fx; clean link %.1f ms%n",
                EchoSim.mean(on), EchoSim.percentile(on, 50), EchoSim.percentile(on, 90), EchoSim.mean(off),
                EchoSim.percentile(off, 50), EchoSim.percentile(off, 90), EchoSim.mean(on) / EchoSim.mean(off),
                EchoSim.mean(clean));
        if (Boolean.getBoolean("jmosh.sim.verbose")) {
            for (int i = 0; i < on.length; i++) { if (on[i] > 200) { System.out.print(i + ":" + on[i] + " "); } } System.out.println();
        }
        assertThat(EchoSim.mean(on)).isLessThan(EchoSim.mean(off));
    }

    /** A session that ran 3 s on a clean link (as the end-to-end measurement's does) before the loss begins. */
    private static SimPair warmThenLossy(long seed, boolean duplication) throws Exception {
        SimPair p = lossy(seed, duplication);
        p.link.setLoss(0);
        p.runFor(3000);
        p.link.setLoss(0.29);
        return p;
    }

    /** A clean link with {@code timing} at both ends. */
    private static SimPair cleanLink(long seed, SendTiming timing) {
        SimPair p = cleanLink(seed);
        p.client.sender().setTiming(timing);
        p.server.sender().setTiming(timing);
        return p;
    }

    private static SimPair cleanLink(long seed) {
        SimPair p = new SimPair(seed);
        p.link.setDelay(50);
        return p;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void onACleanLinkEveryEchoTakesTheRoundTripPlusTheMindelaysWithJmoshTiming() throws Exception {
        long[] jmosh = EchoSim.echoTimes(cleanLink(300), 100, 1);
        SimPair m = cleanLink(300);
        m.client.sender().setTiming(SendTiming.MOSH);
        m.server.sender().setTiming(SendTiming.MOSH);
        long[] mosh = EchoSim.echoTimes(m, 100, 1);
        // 50 ms each way, 1 ms client mindelay, 8 ms server mindelay
        assertThat(java.util.Arrays.stream(jmosh).boxed().toList()).as("jmosh timing").allMatch(t -> t == 108 || t == 109);
        // mosh holds a keystroke typed just after the client's empty ack for a frame interval
        assertThat(java.util.Arrays.stream(mosh).filter(t -> t > 109).count()).as("mosh timing").isPositive();
    }

    @Test
    void anExpeditedEchoSkipsTheServersCollectionDelayWithJmoshTimingOnly() throws Exception {
        long[] jmosh = EchoSim.echoTimes(cleanLink(300), 100, 1, true);
        long[] mosh = EchoSim.echoTimes(cleanLink(300, SendTiming.MOSH), 100, 1, true);
        long[] moshPlain = EchoSim.echoTimes(cleanLink(300, SendTiming.MOSH), 100, 1, false);
        // 50 ms each way, 1 ms client mindelay, 2 ms instead of 8 at the server
        assertThat(java.util.Arrays.stream(jmosh).boxed().toList()).as("jmosh timing").allMatch(t -> t == 102 || t == 103);
        assertThat(mosh).as("mosh timing ignores it").containsExactly(moshPlain);
        SimPair fast = cleanLink(300);
        EchoSim.echoTimes(fast, 100, 1, true);
        SimPair plain = cleanLink(300);
        EchoSim.echoTimes(plain, 100, 1, false);
        assertThat(fast.server.stats().duplicates()).as("no copies on a clean link").isZero();
        assertThat(fast.server.stats().datagramsSent()).as("no datagram more").isLessThanOrEqualTo(plain.server.stats().datagramsSent());
    }

    @Test
    void aGapInThePeersNumbersIsALossEventAndTheNextKeystrokeIsCopiedOnce() throws Exception {
        for (SendTiming timing : SendTiming.values()) {
            SimPair p = cleanLink(400, timing);
            p.runFor(2000);
            EchoSim.echoTimes(p, 3, 1);
            p.runFor(3500); // heartbeats only
            assertThat(p.client.stats().lossEvents()).isZero();
            p.link.setBlackout(true); // the server's next state is lost ...
            p.server.currentState().append(new byte[] {'x'});
            p.runFor(30);
            p.link.setBlackout(false);
            p.runFor(60);
            p.server.currentState().append(new byte[] {'y'}); // ... and a newer one is numbered past it
            assertThat(p.runUntil(() -> new String(p.client.latestRemoteState().state().bytes(),
                    java.nio.charset.StandardCharsets.US_ASCII).endsWith("xy"), 5_000)).isTrue();
            assertThat(p.client.stats().lossEvents()).as("%s: the client saw the gap", timing).isEqualTo(1);
            long before = p.client.stats().duplicates();
            p.client.currentState().append(new byte[] {'k'});
            p.runFor(200);
            // one datagram lost in 30-odd puts the estimate just above the target: one copy
            assertThat(p.client.stats().duplicates() - before).as("%s: copies of the keystroke", timing)
                    .isEqualTo(timing == SendTiming.JMOSH ? 1 : 0);
        }
    }

    /** Echo times and datagrams per key each way ({up, down}) over {@code seeds} sessions of 100 keys. */
    private static double[] echoCost(double loss, SendTiming timing, int seeds) throws Exception {
        long up = 0;
        long down = 0;
        long[] all = new long[0];
        for (int seed = 0; seed < seeds; seed++) {
            SimPair p = lossy(700 + seed, timing == SendTiming.JMOSH);
            p.link.setLoss(0);
            p.runFor(3000);
            p.link.setLoss(loss);
            long u0 = p.client.stats().datagramsSent();
            long d0 = p.server.stats().datagramsSent();
            all = concat(all, EchoSim.echoTimes(p, 100, seed));
            up += p.client.stats().datagramsSent() - u0;
            down += p.server.stats().datagramsSent() - d0;
        }
        return new double[] {EchoSim.mean(all), (double) up / all.length, (double) down / all.length};
    }

    /** Prints both timings' echo cost, {@link #echoCost}'s figures. */
    private static void report(String condition, double[] jmosh, double[] mosh) {
        System.out.printf("echo %s: jmosh %.1f ms, %.2f/%.2f datagrams per key; mosh's timing %.1f ms, %.2f/%.2f%n",
                condition, jmosh[0], jmosh[1], jmosh[2], mosh[0], mosh[1], mosh[2]);
    }

    @Test
    void onACleanLinkEchoesCostNoMoreThanMoshsDatagrams() throws Exception {
        double[] jmosh = echoCost(0, SendTiming.JMOSH, 3);
        double[] mosh = echoCost(0, SendTiming.MOSH, 3);
        report("on a clean link", jmosh, mosh);
        assertThat(jmosh[1]).as("up").isLessThanOrEqualTo(mosh[1]);
        assertThat(jmosh[2]).as("down").isLessThanOrEqualTo(mosh[2]);
        assertThat(jmosh[0]).as("and no slower").isLessThanOrEqualTo(mosh[0]);
    }

    @Test
    void at29PercentLossTheClientSendsLittleMoreThanMoshForHalfTheWait() throws Exception {
        double[] jmosh = echoCost(0.29, SendTiming.JMOSH, 5);
        double[] mosh = echoCost(0.29, SendTiming.MOSH, 5);
        report("at 29% loss", jmosh, mosh);
        assertThat(jmosh[0]).as("mean echo").isLessThan(0.6 * mosh[0]);
        // the client's keystrokes: the copies replace mosh's resends. (The server's echo costs more
        // here than end to end, where mosh-server also sends the echo ack and resends at the frame rate.)
        assertThat(jmosh[1]).as("client datagrams per key").isLessThanOrEqualTo(1.2 * mosh[1]);
    }

    @Test
    void theFirstKeystrokeAfterAQuietSpellOnALossyLinkIsCopied() throws Exception {
        SimPair p = lossy(800, true);
        EchoSim.echoTimes(p, 30, 1);
        p.runFor(120_000); // two minutes of heartbeats only, the loss going on
        long before = p.client.stats().duplicates();
        p.client.currentState().append(new byte[] {'k'});
        p.runFor(100);
        assertThat(p.client.stats().duplicates() - before).as("copies of the first keystroke").isPositive();
    }

    @Test
    void whenTheLinkHasBeenCleanForAWhileNothingIsCopied() throws Exception {
        SimPair p = lossy(801, true);
        EchoSim.echoTimes(p, 30, 1);
        p.link.setLoss(0);
        EchoSim.echoTimes(p, 60, 2); // the estimate decays with every datagram that arrives in order
        long before = p.client.stats().duplicates() + p.server.stats().duplicates();
        EchoSim.echoTimes(p, 10, 3);
        assertThat(p.client.stats().duplicates() + p.server.stats().duplicates() - before).isZero();
    }

    @Test
    void aStateThatArrivesAgainLaterIsAcknowledgedAgainWithJmoshTimingOnly() throws Exception {
        for (SendTiming timing : SendTiming.values()) {
            SimPair p = cleanLink(900, timing);
            p.runFor(2000);
            int before = p.recorded().size();
            p.client.currentState().append(new byte[] {'k'});
            p.runFor(1500); // arrives, the server's delayed ack goes out, and more than a timeout passes
            byte[] keystroke = p.recorded().get(before);
            long sent = p.server.stats().datagramsSent();
            p.link.inject(p.clientEnd.localAddress(), p.serverEnd.localAddress(), keystroke); // as a resend would
            p.runFor(500);
            assertThat(p.server.stats().datagramsSent() - sent).as("%s: acks of the state arriving again", timing)
                    .isEqualTo(timing == SendTiming.JMOSH ? 1 : 0);
            int again = p.recorded().size();
            p.client.currentState().append(new byte[] {'j'});
            p.runFor(60); // mosh's resend at the frame rate comes while our ack is on its way
            long early = p.server.stats().datagramsSent();
            p.link.inject(p.clientEnd.localAddress(), p.serverEnd.localAddress(), p.recorded().get(again));
            p.runFor(30);
            assertThat(p.server.stats().datagramsSent() - early).as("%s: a copy or an early resend is not answered",
                    timing).isZero();
        }
    }
}
