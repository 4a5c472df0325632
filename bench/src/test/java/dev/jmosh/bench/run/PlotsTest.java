package dev.jmosh.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    private static final String SAMPLES = """
            group,series,value
            "keystroke to echo (ms)","mosh-client + mosh-server",120.0
            "keystroke to echo (ms)","mosh-client + mosh-server",868.0
            "keystroke to echo (ms)","jmosh pair, mosh's timing",117.0
            "client RSS (MB)","mosh",15.0
            """;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void readsGroupsAndSeriesInFileOrder(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("s.csv"), SAMPLES);
        Map<String, Map<String, List<Double>>> g = Plots.read(csv);
        assertThat(g.keySet()).containsExactly("keystroke to echo (ms)", "client RSS (MB)");
        assertThat(g.get("keystroke to echo (ms)")).containsExactly(
                Map.entry("mosh-client + mosh-server", List.of(120.0, 868.0)),
                Map.entry("jmosh pair, mosh's timing", List.of(117.0)));
    }

    @Test
    void drawsOnePngPerGroup(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("s.csv"), SAMPLES);
        for (Plots.Kind kind : List.of(Plots.Kind.CDF, Plots.Kind.BARS)) {
            Map<String, String> pngs = Plots.draw(kind, csv, dir, kind.name());
            assertThat(pngs).containsExactly(Map.entry(kind.name() + "-1.png", "keystroke to echo (ms)"),
                    Map.entry(kind.name() + "-2.png", "client RSS (MB)"));
            BufferedImage image = ImageIO.read(dir.resolve(kind.name() + "-1.png").toFile());
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(500);
        }
        assertThat(Plots.draw(Plots.Kind.NONE, csv, dir, "none")).isEmpty();
    }

    @Test
    void aMalformedLineIsAnError(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("s.csv"), "group,series,value\n\"a\",1.0\n");
        assertThatThrownBy(() -> Plots.read(csv)).hasMessageContaining("not group,series,value");
    }
}
