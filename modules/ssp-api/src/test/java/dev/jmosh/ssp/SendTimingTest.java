package dev.jmosh.ssp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTimingTest {
    @Test
    void theVariableSelectsMoshOrJmoshAndAnythingElseIsReportedInOneLine() {
        List<String> warnings = new ArrayList<>();
        assertThat(SendTiming.fromEnvironment(null, warnings::add)).isEqualTo(SendTiming.JMOSH);
        assertThat(SendTiming.fromEnvironment("", warnings::add)).isEqualTo(SendTiming.JMOSH);
        assertThat(SendTiming.fromEnvironment("jmosh", warnings::add)).isEqualTo(SendTiming.JMOSH);
        assertThat(SendTiming.fromEnvironment(" MOSH ", warnings::add)).isEqualTo(SendTiming.MOSH);
        assertThat(warnings).isEmpty();
        assertThat(SendTiming.fromEnvironment("off", warnings::add)).isEqualTo(SendTiming.JMOSH);
        assertThat(warnings).containsExactly("JMOSH_SEND_TIMING=off is neither mosh nor jmosh; using jmosh");
    }
}
