package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.DropReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SSP end to end over the in-memory link: delivery, acks, timers, loss, reordering, shutdown. */
class TransportTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void clientStateReachesServerAndIsAcknowledged() throws Exception {
        SimPair p = new SimPair(1);
        p.link.setDelay(30);
        p.client.currentState().append(ascii("echo hi\r"));
        assertThat(p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000)).isTrue();
        assertThat(new String(p.serverView(), StandardCharsets.US_ASCII)).isEqualTo("echo hi\r");
        assertThat(p.server.remoteStateNum()).isEqualTo(1);
        assertThat(p.errors).isZero();
    }

    @Test
    void theFirstStateGoesOutAtOnceAndTheNextAfterAFrameInterval() throws Exception {
        SimPair p = new SimPair(2);
        long start = p.clock.millis();
        p.client.currentState().append(ascii("x"));
        // the ack deadline starts at construction, so the first state is sent immediately
        // (measured with mosh-client 1.4.0: its first datagram leaves as soon as it has started)
        assertThat(p.client.waitTime()).isZero();
        p.step();
        assertThat(p.link.nextArrival()).isEqualTo(start);
        // no RTT sample yet: the next change waits for the 250 ms frame interval
        p.client.currentState().append(ascii("y"));
        assertThat(p.client.waitTime()).isEqualTo(250);
    }

    @Test
    void idleEndpointsExchangeHeartbeatsEveryThreeSecondsWithRisingStateNumbers() throws Exception {
        SimPair p = new SimPair(3);
        p.link.setDelay(10);
        p.client.currentState().append(ascii("a"));
        p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000);
        long before = p.link.delivered();
        long num = p.server.remoteStateNum();
        p.runFor(30_000);
        long heartbeats = p.link.delivered() - before;
        // each side sends one empty ack every 3 s: about 20 datagrams in 30 s
        assertThat(heartbeats).isBetween(16L, 24L);
        assertThat(p.server.remoteStateNum()).isGreaterThanOrEqualTo(num + 9);
        assertThat(p.errors).isZero();
    }

    @Test
    void rttSamplesShortenTheFrameInterval() throws Exception {
        SimPair p = new SimPair(4);
        p.link.setDelay(25);
        for (int i = 0; i < 20; i++) {
            p.client.currentState().append(ascii("k"));
            p.runFor(300);
        }
        RttEstimator rtt = p.client.connection().rtt();
        assertThat(rtt.hasSample()).isTrue();
        assertThat(rtt.srtt()).isBetween(45.0, 160.0);
        assertThat(p.client.sender().sendInterval()).isLessThan(250);
    }

    @Test
    void everyByteArrivesOnceAndInOrderUnderLossDelayAndReordering() throws Exception {
        SimPair p = new SimPair(5);
        p.link.setLoss(0.29);
        p.link.setDelay(50);
        p.link.setJitter(40);
        p.link.setDuplication(0.1);
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String cmd = "cmd" + i + "\r";
            typed.append(cmd);
            p.client.currentState().append(ascii(cmd));
            p.runFor(120);
        }
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals(typed.toString()),
                60_000)).isTrue();
        assertThat(p.server.stats().outOfOrderStates() + p.server.stats().dropped(DropReason.DUPLICATE_STATE))
                .isPositive();
    }

    @Test
    void clientShutdownIsAcknowledgedByTheServer() throws Exception {
        SimPair p = new SimPair(6);
        p.link.setDelay(20);
        p.client.currentState().append(ascii("bye"));
        p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000);
        p.client.startShutdown();
        assertThat(p.runUntil(() -> p.client.shutdownAcknowledged(), 5_000)).isTrue();
        assertThat(p.server.counterpartyShutdown()).isTrue();
        assertThat(p.server.counterpartyShutdownAckSent()).isTrue();
    }

    @Test
    void shutdownGivesUpAfterSixteenTriesWhenThePeerIsGone() throws Exception {
        SimPair p = new SimPair(7);
        p.client.currentState().append(ascii("x"));
        p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000);
        p.link.setBlackout(true);
        p.client.startShutdown();
        assertThat(p.runUntil(() -> p.client.shutdownAckTimedOut(), 20_000)).isTrue();
        assertThat(p.client.shutdownAcknowledged()).isFalse();
    }

    @Test
    void aThirtySecondBlackoutLosesNothing() throws Exception {
        SimPair p = new SimPair(8);
        p.link.setDelay(30);
        p.client.currentState().append(ascii("before;"));
        p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000);
        p.link.setBlackout(true);
        p.client.currentState().append(ascii("during;"));
        p.runFor(30_000);
        p.link.setBlackout(false);
        p.client.currentState().append(ascii("after;"));
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII)
                .equals("before;during;after;"), 20_000)).isTrue();
        // the client hopped to new source ports during the outage and the server followed
        assertThat(p.clientEnd.hops()).isPositive();
        assertThat(p.server.connection().remote().getPort()).isEqualTo(p.clientEnd.localAddress().getPort());
    }

    @Test
    void theServerFallsSilentAfterFortySecondsWithoutTheClientAndResumesWhenItReturns() throws Exception {
        SimPair p = new SimPair(9);
        p.link.setDelay(10);
        p.client.currentState().append(ascii("x"));
        p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000);
        p.link.setBlackout(true);
        p.runFor(45_000);
        long sentAt45 = p.serverEnd.sent();
        p.runFor(10_000);
        assertThat(p.serverEnd.sent()).as("no heartbeats after the 40 s association timeout").isEqualTo(sentAt45);
        assertThat(p.server.hasRemoteAddress()).isFalse();
        p.link.setBlackout(false);
        p.client.currentState().append(ascii("y"));
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals("xy")
                && p.serverEnd.sent() > sentAt45, 10_000)).isTrue();
        assertThat(p.server.hasRemoteAddress()).isTrue();
    }
}
