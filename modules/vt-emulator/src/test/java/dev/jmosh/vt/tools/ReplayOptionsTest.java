package dev.jmosh.vt.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of {@code jmosh-vt replay}. */
class ReplayOptionsTest {
    @Test
    void sizeFormatCursorAndFiles() throws Exception {
        ReplayOptions o = ReplayOptions.parse(new String[] {"--size", "80x24", "--format", "sgr", "--cursor", "a", "-", "b"});
        assertThat(o.columns).isEqualTo(80);
        assertThat(o.rows).isEqualTo(24);
        assertThat(o.format).isEqualTo(ReplayOptions.Format.SGR);
        assertThat(o.cursor).isTrue();
        assertThat(o.files).containsExactly("a", "-", "b");
    }

    @Test
    void equalsFormsDefaultsAndStandardInput() throws Exception {
        ReplayOptions o = ReplayOptions.parse(new String[] {"--size=132X50"});
        assertThat(o.columns).isEqualTo(132);
        assertThat(o.rows).isEqualTo(50);
        assertThat(o.format).isEqualTo(ReplayOptions.Format.TEXT);
        assertThat(o.cursor).isFalse();
        assertThat(o.files).containsExactly("-");
        assertThat(ReplayOptions.parse(new String[] {"--format=text", "--size", "1x1"}).format)
                .isEqualTo(ReplayOptions.Format.TEXT);
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        assertThat(ReplayOptions.parse(new String[] {"--size", "10x2", "--", "--cursor", "-x"}).files)
                .isEqualTo(List.of("--cursor", "-x"));
    }

    @Test
    void help() throws Exception {
        assertThat(ReplayOptions.parse(new String[] {"--help"}).help).isTrue();
        assertThat(ReplayOptions.parse(new String[] {"-h", "--bogus"}).help).isTrue();
    }

    @Test
    void mistakes() {
        assertUsage("--size COLSxROWS is required", "file");
        assertUsage("bad --size '80': expected COLSxROWS", "--size", "80");
        assertUsage("bad --size '0x24': each side must be 1..4096", "--size", "0x24");
        assertUsage("bad --size '5000x2'", "--size", "5000x2");
        assertUsage("bad --size '99999999999x2'", "--size", "99999999999x2");
        assertUsage("--size needs a value", "--size");
        assertUsage("bad --format 'html': expected text or sgr", "--size", "8x2", "--format", "html");
        assertUsage("unknown option --colour", "--size", "8x2", "--colour");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> ReplayOptions.parse(args))
                .isInstanceOf(ReplayOptions.UsageException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }
}
