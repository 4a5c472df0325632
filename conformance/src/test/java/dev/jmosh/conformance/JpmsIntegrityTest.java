package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * design.md practice 10: the launcher's module path holds only explicit modules (so jlink can
 * take it), resolves from {@code dev.jmosh.cli} with services bound, and every SPI has exactly
 * the expected provider.
 */
class JpmsIntegrityTest {
    /** Each SPI's providers on the launchers' module path and in the image, comma-separated. */
    static final Map<String, String> EXPECTED_PROVIDERS = Map.of(
            // mosh's cipher, and a second for two jmosh ends (selected by name, the key names it)
            "dev.jmosh.ssp.spi.CipherProvider", "dev.jmosh.ssp.crypto.chacha.internal.ChachaCipherProvider,"
                    + "dev.jmosh.ssp.crypto.ocb.internal.OcbCipherProvider",
            "dev.jmosh.ssp.spi.TransportProvider", "dev.jmosh.ssp.transport.udp.internal.UdpTransportProvider",
            "dev.jmosh.ssp.spi.StateTypeProvider", "dev.jmosh.statesync.internal.MoshStateTypes",
            // two prediction engines by design: mosh's local echo and "never"
            "dev.jmosh.ssp.spi.PredictorProvider", "dev.jmosh.predictor.internal.MoshPredictorProvider,"
                    + "dev.jmosh.predictor.internal.NeverPredictorProvider");

    /** Two comma-separated provider lists as one, sorted: module resolution has no order. */
    static String sortedUnion(String a, String b) {
        return Stream.of((a + "," + b).split(",")).sorted().collect(Collectors.joining(","));
    }

    /** Each jmosh SPI's providers in a resolved configuration, as {@link #EXPECTED_PROVIDERS} lists them. */
    private static Map<String, String> providersIn(Configuration cf) {
        Map<String, String> providers = new TreeMap<>();
        for (ResolvedModule m : cf.modules()) {
            for (ModuleDescriptor.Provides p : m.reference().descriptor().provides()) {
                if (p.service().startsWith("dev.jmosh.")) {
                    for (String impl : p.providers()) {
                        providers.merge(p.service(), impl, JpmsIntegrityTest::sortedUnion);
                    }
                }
            }
        }
        return providers;
    }

    private static Path[] launcherModulePath() throws Exception {
        return launcherModulePath("cli-lanterna");
    }

    /** The module path a launcher in bin/ uses for the application module {@code app}. */
    private static Path[] launcherModulePath(String app) throws Exception {
        Path target = Conformance.root().resolve("modules/" + app + "/target");
        Path lib = target.resolve("lib");
        assertThat(lib).as("%s packaged (mvn package)", app).isDirectory();
        try (Stream<Path> jars = Files.list(target)) {
            Path jar = jars.filter(p -> p.getFileName().toString().matches(app + "-.*\\.jar"))
                    .findFirst().orElseThrow();
            return new Path[] {jar, lib};
        }
    }

    @Test
    void theServersModulePathIsExplicitAndResolves() throws Exception {
        ModuleFinder finder = ModuleFinder.of(launcherModulePath("server"));
        assertThat(finder.findAll().stream().map(ModuleReference::descriptor).filter(ModuleDescriptor::isAutomatic)
                .map(ModuleDescriptor::name)).isEmpty();
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.jmosh.server"));
        assertThat(cf.modules().stream().map(ResolvedModule::name)).contains("dev.jmosh.pty",
                "dev.jmosh.ssp.crypto.ocb", "dev.jmosh.ssp.crypto.chacha", "dev.jmosh.ssp.transport.udp", "dev.jmosh.statesync");
    }

    @Test
    void everyModuleIsExplicitAndEachSpiHasExactlyTheExpectedProviders() throws Exception {
        ModuleFinder finder = ModuleFinder.of(launcherModulePath());
        List<String> automatic = finder.findAll().stream().map(ModuleReference::descriptor)
                .filter(ModuleDescriptor::isAutomatic).map(ModuleDescriptor::name).collect(Collectors.toList());
        assertThat(automatic).as("automatic modules cannot be jlinked").isEmpty();

        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.jmosh.cli"));
        Map<String, String> providers = providersIn(cf);
        assertThat(providers).containsExactlyInAnyOrderEntriesOf(EXPECTED_PROVIDERS);
        Set<String> names = cf.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertThat(names).contains("dev.jmosh.ssp", "dev.jmosh.ssp.core", "dev.jmosh.vt", "dev.jmosh.statesync",
                "dev.jmosh.client", "org.bouncycastle.provider", "com.googlecode.lanterna");
    }

    /**
     * The server's layer, resolved from {@code dev.jmosh.server} with services bound: the same
     * ciphers, transport and state types as the client's, and no prediction engine (it predicts nothing).
     */
    @Test
    void theServersLayerHasTheExpectedProviders() throws Exception {
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(launcherModulePath("server")), ModuleFinder.of(), Set.of("dev.jmosh.server"));
        Map<String, String> providers = providersIn(cf);
        Map<String, String> expected = new TreeMap<>(EXPECTED_PROVIDERS);
        expected.remove("dev.jmosh.ssp.spi.PredictorProvider");
        assertThat(providers).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** What {@code Providers.select(SERVICE, name)} says inside a layer made of {@code modules}: the provider's class, or the error. */
    private static String selectIn(Path[] modules, String root, String service, String name) throws Exception {
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(modules), ModuleFinder.of(), Set.of(root));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("dev.jmosh.ssp");
        Class<?> providers = loader.loadClass("dev.jmosh.ssp.Providers");
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            Object p = providers.getMethod("select", Class.class, String.class).invoke(null, loader.loadClass(service), name);
            return p.getClass().getName();
        } catch (java.lang.reflect.InvocationTargetException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** In the real layers, selection names the candidates when it cannot choose. */
    @Test
    void inTheApplicationsLayersAnAmbiguousOrMissingProviderIsAnErrorNamingTheCandidates() throws Exception {
        Path[] client = launcherModulePath();
        assertThat(selectIn(client, "dev.jmosh.cli", "dev.jmosh.ssp.spi.CipherProvider", null))
                .isEqualTo("ProviderSelectionException: several CipherProvider providers found (aes-128-ocb, "
                        + "chacha20-poly1305); choose one with -Djmosh.cipher=NAME");
        assertThat(selectIn(client, "dev.jmosh.cli", "dev.jmosh.ssp.spi.CipherProvider", "chacha20-poly1305"))
                .isEqualTo("dev.jmosh.ssp.crypto.chacha.internal.ChachaCipherProvider");
        assertThat(selectIn(client, "dev.jmosh.cli", "dev.jmosh.ssp.spi.PredictorProvider", "mosh "))
                .isEqualTo("ProviderSelectionException: no PredictorProvider named 'mosh '; candidates: mosh, never");
        assertThat(selectIn(launcherModulePath("server"), "dev.jmosh.server", "dev.jmosh.ssp.spi.PredictorProvider", null))
                .isEqualTo("ProviderSelectionException: no PredictorProvider found on the module path");
    }

    /** Each jmosh module's exports (qualified ones with their targets): the API, and nothing else by accident. */
    static final Map<String, Set<String>> EXPORTS = Map.ofEntries(
            Map.entry("dev.jmosh.ssp", Set.of("dev.jmosh.ssp", "dev.jmosh.ssp.spi")),
            Map.entry("dev.jmosh.ssp.core", Set.of("dev.jmosh.ssp.core", "dev.jmosh.ssp.core.wire to [dev.jmosh.statesync]")),
            Map.entry("dev.jmosh.ssp.crypto.ocb", Set.of()),
            Map.entry("dev.jmosh.ssp.crypto.chacha", Set.of()),
            Map.entry("dev.jmosh.ssp.transport.udp", Set.of()),
            Map.entry("dev.jmosh.ssp.transport.memory", Set.of("dev.jmosh.ssp.transport.memory")),
            Map.entry("dev.jmosh.vt", Set.of("dev.jmosh.vt")),
            Map.entry("dev.jmosh.statesync", Set.of("dev.jmosh.statesync")),
            Map.entry("dev.jmosh.predictor", Set.of("dev.jmosh.predictor")),
            Map.entry("dev.jmosh.client", Set.of("dev.jmosh.client")),
            Map.entry("dev.jmosh.cli", Set.of()),
            Map.entry("dev.jmosh.pty", Set.of("dev.jmosh.pty")),
            Map.entry("dev.jmosh.server", Set.of()));

    @Test
    void everyModuleExportsExactlyItsListedPackages() throws Exception {
        Path memory = Conformance.root().resolve("modules/ssp-transport-memory/target/classes");
        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.of(launcherModulePath()),
                ModuleFinder.of(launcherModulePath("server")), ModuleFinder.of(memory));
        Map<String, Set<String>> exports = new TreeMap<>();
        for (ModuleReference ref : finder.findAll()) {
            ModuleDescriptor d = ref.descriptor();
            if (d.name().startsWith("dev.jmosh.")) {
                exports.put(d.name(), d.exports().stream()
                        .map(e -> e.isQualified() ? e.source() + " to " + new java.util.TreeSet<>(e.targets()) : e.source())
                        .collect(Collectors.toSet()));
            }
        }
        assertThat(exports).containsExactlyInAnyOrderEntriesOf(EXPORTS);
    }

    @Test
    void exportedPackagesAreTheApiAndInternalsStayHidden() throws Exception {
        ModuleFinder finder = ModuleFinder.of(launcherModulePath());
        for (ModuleReference ref : finder.findAll()) {
            ModuleDescriptor d = ref.descriptor();
            if (!d.name().startsWith("dev.jmosh")) {
                continue;
            }
            for (ModuleDescriptor.Exports e : d.exports()) {
                assertThat(e.source()).as("%s exports an internal package", d.name()).doesNotContain(".internal");
            }
        }
    }
}
