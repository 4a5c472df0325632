package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and copying in {@link PtySpec}. */
class PtySpecTest {
    private static final Path ROOT = Path.of("/");

    @Test
    void copiesItsCollections() {
        Map<String, String> env = new HashMap<>(Map.of("A", "1"));
        PtySpec spec = new PtySpec("/bin/sh", List.of("sh"), env, ROOT, 80, 24);
        env.put("B", "2");
        assertThat(spec.environment()).containsExactly(Map.entry("A", "1"));
        assertThatThrownBy(() -> spec.environment().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new PtySpec("", List.of("sh"), Map.of(), ROOT, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtySpec("/bin/sh", List.of(), Map.of(), ROOT, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtySpec("/bin/sh", List.of("sh"), Map.of("A=B", "1"), ROOT, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtySpec("/bin/sh", List.of("sh", "a\0b"), Map.of(), ROOT, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtySpec("/bin/sh", List.of("sh"), Map.of("A", "\0"), ROOT, 80, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtySpec("/bin/sh", List.of("sh"), Map.of(), ROOT, 0, 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PtySpec("/bin/sh", List.of("sh"), Map.of(), ROOT, 80, 65536))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withSizeKeepsTheRest() {
        PtySpec spec = new PtySpec("/bin/sh", List.of("sh"), Map.of("A", "1"), ROOT, 80, 24).withSize(100, 30);
        assertThat(spec.columns()).isEqualTo(100);
        assertThat(spec.rows()).isEqualTo(30);
        assertThat(spec.argv()).containsExactly("sh");
    }
}
