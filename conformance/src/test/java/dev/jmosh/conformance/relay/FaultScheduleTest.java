package dev.jmosh.conformance.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The soak test's fault schedules: repeatable, gapless, and holding every kind of fault. */
class FaultScheduleTest {
    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        Duration d = Duration.ofSeconds(15);
        assertThat(FaultSchedule.draw(7, d).toString()).isEqualTo(FaultSchedule.draw(7, d).toString());
        assertThat(FaultSchedule.draw(7, d).phases()).isNotEqualTo(FaultSchedule.draw(8, d).phases());
    }

    @Test
    void phasesFillTheTimeWithoutGapsAndHoldEveryKind() {
        for (long seed = 0; seed < 200; seed++) {
            for (int seconds : new int[] {10, 15, 60, 600}) {
                FaultSchedule s = FaultSchedule.draw(seed, Duration.ofSeconds(seconds));
                List<FaultSchedule.Phase> phases = s.phases();
                long t = 0;
                for (FaultSchedule.Phase p : phases) {
                    assertThat(p.startMillis()).as(s::toString).isEqualTo(t);
                    assertThat(p.lengthMillis()).as(s::toString).isPositive().isLessThanOrEqualTo(5_000);
                    t += p.lengthMillis();
                }
                assertThat(t).isEqualTo(seconds * 1000L);
                assertThat(phases.stream().map(FaultSchedule.Phase::kind).collect(Collectors.toSet()))
                        .as(s::toString).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(FaultSchedule.Kind.class));
            }
        }
    }

    @Test
    void impairmentsStayWithinTheirKindsRanges() {
        for (long seed = 0; seed < 200; seed++) {
            for (FaultSchedule.Phase p : FaultSchedule.draw(seed, Duration.ofSeconds(60)).phases()) {
                switch (p.kind()) {
                    case CLEAN -> assertThat(List.of(p.up(), p.down())).containsOnly(Impairment.NONE);
                    case BLACKOUT -> assertThat(List.of(p.up(), p.down())).containsOnly(Impairment.BLACKOUT);
                    case LOSSY -> {
                        assertThat(p.up().loss()).isBetween(0.10, 0.50);
                        assertThat(p.up().delayMillis()).isBetween(0, 150);
                    }
                    case REORDER_DUPLICATE -> {
                        assertThat(p.up().reorder()).isPositive();
                        assertThat(p.up().duplicate()).isPositive();
                    }
                    case ASYMMETRIC -> assertThat(Math.abs(p.up().loss() - p.down().loss())).isGreaterThan(0.3);
                    case ROAM -> assertThat(p.up().loss()).isLessThanOrEqualTo(0.10);
                }
            }
        }
    }

    @Test
    void refusesTimesTooShortForEveryKind() {
        assertThatThrownBy(() -> FaultSchedule.draw(1, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
