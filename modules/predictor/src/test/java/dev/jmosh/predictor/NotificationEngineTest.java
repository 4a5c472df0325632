package dev.jmosh.predictor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** mosh's notification bar texts and timings. */
class NotificationEngineTest {
    private long now = 100_000;
    private final NotificationEngine engine = new NotificationEngine(() -> now);

    {
        engine.setEscapeKeyName("Ctrl-^");
    }

    @Test
    void noBarWhileTheServerIsHeard() {
        now += 6_000;
        assertThat(engine.bar()).isEmpty();
    }

    @Test
    void lastContactCountsUpAfterSixAndAHalfSeconds() {
        now += 12_400;
        assertThat(engine.bar()).contains("mosh: Last contact 12 seconds ago. [To quit: Ctrl-^ .]");
        assertThat(engine.waitTime()).isEqualTo(1000);
    }

    @Test
    void onlyTheUplinkBrokenSaysLastReply() {
        long start = now;
        now += 34_000;
        engine.serverHeard(now - 1_000);
        engine.serverAcked(start);
        assertThat(engine.bar()).contains("mosh: Last reply 34 seconds ago. [To quit: Ctrl-^ .]");
    }

    @Test
    void longOutagesUseClockFormatAndSlowerRefresh() {
        now += 3_725_000;
        assertThat(engine.bar()).contains("mosh: Last contact 1:02:05 ago. [To quit: Ctrl-^ .]");
        assertThat(engine.waitTime()).isEqualTo(3000);
        assertThat(NotificationEngine.duration(125, "s")).isEqualTo("2:05");
    }

    @Test
    void aMessageWithALateServerShowsBoth() {
        now += 10_000;
        engine.setMessage("Nothing received from server on UDP port 60001.");
        assertThat(engine.bar()).contains(
                "mosh: Nothing received from server on UDP port 60001. (10 s without contact.) [To quit: Ctrl-^ .]");
    }

    @Test
    void transientMessagesExpireAfterOneSecondPermanentOnesStay() {
        engine.setMessage("Crypto exception: Packet failed integrity check.");
        assertThat(engine.bar()).contains("mosh: Crypto exception: Packet failed integrity check. [To quit: Ctrl-^ .]");
        now += 1_000;
        assertThat(engine.bar()).isEmpty();
        engine.setMessage("Exiting on user request...", true, true);
        now += 5_000;
        assertThat(engine.bar()).contains("mosh: Exiting on user request... [To quit: Ctrl-^ .]");
    }

    @Test
    void escapeHelpHidesTheQuitHint() {
        engine.setMessage("Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^", true, false);
        assertThat(engine.bar()).contains("mosh: Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^");
    }

    @Test
    void networkErrorsLastThreeSecondsAndClearWithinOne() {
        engine.setNetworkError("sendto: Network is unreachable");
        now += 3_000;
        assertThat(engine.bar()).isPresent();
        engine.clearNetworkError();
        now += 1_000;
        assertThat(engine.bar()).isEqualTo(Optional.empty());
    }
}
