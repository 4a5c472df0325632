package dev.jmosh.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void readsEveryOptionInBothSpellings() {
        Options o = Options.parse(new String[] {"--root", "/r", "--quick", "--only=echo,draw", "--only", "jmh",
            "--results=/out", "--no-build"});
        assertThat(o.root()).isEqualTo(Path.of("/r"));
        assertThat(o.quick()).isTrue();
        assertThat(o.only()).containsExactly("echo", "draw", "jmh");
        assertThat(o.results()).isEqualTo(Path.of("/out"));
        assertThat(o.noBuild()).isTrue();
        assertThat(o.list()).isFalse();
    }

    @Test
    void theDefaultsRunEverythingInFull() {
        Options o = Options.parse(new String[0]);
        assertThat(o.quick()).isFalse();
        assertThat(o.only()).isEmpty();
        assertThat(o.results()).isNull();
        assertThat(o.noBuild()).isFalse();
    }

    @Test
    void badInputNamesWhatIsWrong() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--frob"}))
                .hasMessage("unknown option --frob (see --help)");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only", "echo,nope"}))
                .hasMessage("no measurement named 'nope' (see --list)");
        assertThatThrownBy(() -> Options.parse(new String[] {"--only"}))
                .hasMessage("option --only needs a value");
    }

    @Test
    void everyMeasurementHasAUniqueNameAndBothRuns() {
        List<String> names = Part.ALL.stream().map(Part::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains(Part.JMH);
        for (Part p : Part.ALL) {
            assertThat(p.conformance()).isEqualTo(p.reportFile() != null);
            assertThat(p.options(true) != null).isEqualTo(p.inQuickRun());
            assertThat(p.options(false)).isNotNull();
        }
    }
}
