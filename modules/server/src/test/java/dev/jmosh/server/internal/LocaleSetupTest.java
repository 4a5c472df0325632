package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The character set of a launcher's locale does not depend on its {@code PATH}. */
class LocaleSetupTest {
    @Test
    void aPathWithoutLocaleStillFindsTheCharacterSet() {
        Map<String, String> env = Map.of("LANG", "C.UTF-8", "PATH", "/nonexistent");
        assertThat(LocaleSetup.localeProgram(env)).startsWith("/").endsWith("/locale");
        assertThat(LocaleSetup.charsetOf(env)).isEqualTo("UTF-8");
        assertThat(LocaleSetup.charsetOf(Map.of("LANG", "C", "PATH", "/nonexistent"))).isEqualTo("ANSI_X3.4-1968");
    }
}
