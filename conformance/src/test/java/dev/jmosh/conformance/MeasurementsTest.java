package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The measurements' shared selection, options and statistics. */
class MeasurementsTest {
    private final String measure = System.getProperty("jmosh.measure");
    private final String rounds = System.getProperty("jmosh.measure.rounds");

    @AfterEach
    void restore() {
        set("jmosh.measure", measure);
        set("jmosh.measure.rounds", rounds);
        System.clearProperty("jmosh.measure.draw.rounds");
    }

    @Test
    void oneBuildSelectsSeveralMeasurements() {
        System.setProperty("jmosh.measure", "startup, draw");
        assertThat(Measurements.selected("draw")).isTrue();
        assertThat(Measurements.selected("startup")).isTrue();
        assertThat(Measurements.selected("echo")).isFalse();
        assertThat(Measurements.selected("star")).isFalse();
    }

    @Test
    void aMeasurementsOwnOptionWinsOverTheSharedOne() {
        System.setProperty("jmosh.measure.rounds", "3");
        System.setProperty("jmosh.measure.draw.rounds", "12");
        assertThat(Measurements.intOption("draw", "rounds", 10)).isEqualTo(12);
        assertThat(Measurements.intOption("echo", "rounds", 4)).isEqualTo(3);
        System.clearProperty("jmosh.measure.rounds");
        assertThat(Measurements.intOption("echo", "rounds", 4)).isEqualTo(4);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        List<Double> v = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertThat(Measurements.percentile(v, 0)).isEqualTo(1.0);
        assertThat(Measurements.percentile(v, 50)).isEqualTo(3.0);
        assertThat(Measurements.percentile(v, 90)).isCloseTo(4.6, within(1e-9));
        assertThat(Measurements.percentile(v, 100)).isEqualTo(5.0);
        assertThat(Measurements.mean(v)).isEqualTo(3.0);
        assertThat(Measurements.percentile(List.<Double>of(), 50)).isNaN();
        assertThat(Measurements.mean(List.<Double>of())).isNaN();
    }

    @Test
    void samplesAreCsvWithEveryNameQuoted() throws Exception {
        Map<String, Map<String, List<Double>>> groups = new LinkedHashMap<>();
        groups.put("echo (ms)", Map.of("a pair, \"quoted\"", List.of(1.5, 2.0)));
        Measurements.samples("measurements-test.csv", groups);
        Path file = Conformance.root().resolve("conformance/target/measurements-test.csv");
        assertThat(Files.readString(file)).isEqualTo("group,series,value\n"
                + "\"echo (ms)\",\"a pair, \"\"quoted\"\"\",1.5\n"
                + "\"echo (ms)\",\"a pair, \"\"quoted\"\"\",2.0\n");
        Files.delete(file);
    }

    private static void set(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
