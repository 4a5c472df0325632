package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * design.md practice 10 on the jlink image, checked by the image's own {@code java} (through
 * {@link ImageProbe}) in a clean environment: only explicit modules, exactly the JDK modules
 * jmosh needs, and ServiceLoader in the image finds exactly the expected providers of each SPI
 * (the same set as {@link JpmsIntegrityTest} expects of the checkout's module path).
 */
class ImageModulesTest {
    /** What Bouncy Castle (java.naming, java.sql, java.logging) and the apps (jdk.unsupported) require, and their requirements. */
    private static final Set<String> JDK_MODULES = Set.of("java.base", "java.logging", "java.naming",
            "java.security.sasl", "java.sql", "java.transaction.xa", "java.xml", "jdk.unsupported");
    private static final Set<String> JMOSH_MODULES = Set.of("dev.jmosh.cli", "dev.jmosh.client", "dev.jmosh.predictor",
            "dev.jmosh.pty", "dev.jmosh.server", "dev.jmosh.ssp", "dev.jmosh.ssp.core", "dev.jmosh.ssp.crypto.ocb",
            "dev.jmosh.ssp.crypto.chacha", "dev.jmosh.ssp.transport.udp", "dev.jmosh.statesync", "dev.jmosh.vt");
    private static final Set<String> LIBRARIES = Set.of("com.googlecode.lanterna", "org.bouncycastle.provider");

    private static List<String> facts;

    @BeforeAll
    static void probe() throws Exception {
        DistImage image = DistImage.find();
        if (image == null) {
            return; // each test skips or fails with the reason
        }
        Path classes = Path.of(ImageProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path scratch = DistImage.scratch();
        try {
            DistImage.Result r = DistImage.run(DistImage.cleanEnvironment(scratch), 60, image.bin("java"),
                    "--add-modules", "dev.jmosh.cli,dev.jmosh.server", "-cp", classes.toString(), ImageProbe.class.getName());
            assertThat(r.status()).as("the probe in the image: %s", r.err()).isZero();
            facts = r.out().lines().toList();
        } finally {
            DistImage.delete(scratch);
        }
    }

    @BeforeEach
    void requireImage() {
        DistImage.require();
    }

    private static List<String> facts(String kind) {
        return facts.stream().filter(l -> l.startsWith(kind + " ")).map(l -> l.substring(kind.length() + 1)).toList();
    }

    @Test
    @Timeout(60)
    void theImageHoldsOnlyExplicitModulesAndOnlyTheJdkModulesJmoshNeeds() {
        Map<String, String> modules = facts("module").stream().map(l -> l.split(" "))
                .collect(Collectors.toMap(a -> a[0], a -> a[1], (a, b) -> a, TreeMap::new));
        assertThat(modules).as("automatic modules cannot be linked").doesNotContainValue("automatic");
        assertThat(modules.keySet()).containsAll(JMOSH_MODULES).containsAll(LIBRARIES);
        assertThat(modules.keySet().stream().filter(m -> m.startsWith("java.") || m.startsWith("jdk.")))
                .as("JDK modules (a new requirement of a dependency changes this list on purpose)")
                .containsExactlyInAnyOrderElementsOf(JDK_MODULES);
        assertThat(modules.keySet().stream().filter(m -> !m.startsWith("java.") && !m.startsWith("jdk.")
                && !JMOSH_MODULES.contains(m) && !LIBRARIES.contains(m))).as("nothing else").isEmpty();
    }

    @Test
    @Timeout(60)
    void serviceLoaderInTheImageFindsExactlyTheExpectedProviders() {
        Map<String, String> providers = new TreeMap<>();
        for (String line : facts("provider")) {
            String[] a = line.split(" ");
            providers.merge(a[0], a[1], JpmsIntegrityTest::sortedUnion);
        }
        assertThat(providers).containsExactlyInAnyOrderEntriesOf(JpmsIntegrityTest.EXPECTED_PROVIDERS);
    }

    @Test
    @Timeout(60)
    void eachProgramsGraphResolvesInTheImageWithItsProviders() {
        assertThat(facts("app").stream().filter(l -> l.startsWith("dev.jmosh.server ")).map(l -> l.split(" ")[1]))
                .contains("dev.jmosh.pty", "dev.jmosh.ssp.crypto.ocb", "dev.jmosh.ssp.crypto.chacha", "dev.jmosh.ssp.transport.udp",
                        "dev.jmosh.statesync", "org.bouncycastle.provider");
        assertThat(facts("app").stream().filter(l -> l.startsWith("dev.jmosh.cli ")).map(l -> l.split(" ")[1]))
                .contains("dev.jmosh.client", "com.googlecode.lanterna", "dev.jmosh.ssp.crypto.ocb", "dev.jmosh.ssp.crypto.chacha",
                        "dev.jmosh.ssp.transport.udp", "dev.jmosh.statesync", "dev.jmosh.predictor");
        // (binding adds java.base's service providers, Bouncy Castle's JCA provider among them)
        assertThat(facts("app").stream().filter(l -> l.startsWith("dev.jmosh.vt ")).map(l -> l.split(" ")[1])
                .filter(m -> m.startsWith("dev.jmosh."))).containsExactly("dev.jmosh.vt");
    }

    @Test
    @Timeout(60)
    void theImageIsStripped() throws Exception {
        assertThat(facts("lines")).as("stack traces without line numbers: debug attributes stripped")
                .hasSize(ImageProbe.SAMPLED.size()).allMatch(l -> l.endsWith(" no"));
        DistImage image = DistImage.require();
        assertThat(image.dir.resolve("include")).as("no headers").doesNotExist();
        assertThat(image.dir.resolve("man")).as("no man pages").doesNotExist();
        assertThat(image.dir.resolve("jmods")).doesNotExist();
        try (var bin = Files.list(image.dir.resolve("bin"))) {
            assertThat(bin.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "java", "jmosh", "jmosh-client", "jmosh-server", "jmosh-vt", "jmosh-env");
        }
        assertThat(image.dir.resolve("lib/jmosh-server.aot")).as("the server's AOT cache").isNotEmptyFile();
        assertThat(image.dir.resolve("lib/jmosh-client.aot")).as("the client's AOT cache").isNotEmptyFile();
    }
}
