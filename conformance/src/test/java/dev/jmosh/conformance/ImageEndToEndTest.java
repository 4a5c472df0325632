package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The jlink image end to end, as on a machine without a JDK ({@link DistImage#cleanEnvironment}):
 * jmosh-server prints MOSH CONNECT and serves the stock mosh-client, {@code jmosh --local} gives
 * a working session that {@code Ctrl-^ .} ends with status 0, jmosh-vt replays a file, the AOT
 * caches made at build time match the launchers while a mismatched, broken or truncated cache
 * changes nothing a user sees; and afterwards nothing was written inside the image.
 */
class ImageEndToEndTest {
    private static DistImage image;
    private static Map<String, String> env;
    private static Map<String, String> before;
    private static Path scratch;

    @BeforeAll
    static void setUp() throws Exception {
        image = DistImage.find();
        if (image == null) {
            return; // each test skips or fails with the reason
        }
        scratch = DistImage.scratch();
        env = DistImage.cleanEnvironment(scratch);
        before = image.listing();
    }

    @BeforeEach
    void requireImage() {
        DistImage.require();
    }

    @AfterAll
    static void nothingWasWrittenInsideTheImage() throws Exception {
        if (image == null) {
            return;
        }
        long end = System.nanoTime() + 30_000_000_000L; // servers end shortly after their clients
        while (!image.javaProcesses().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        DistImage.delete(scratch);
        assertThat(image.javaProcesses()).as("processes of the image still running").isEmpty();
        Map<String, String> after = image.listing();
        List<String> changes = new java.util.ArrayList<>();
        after.forEach((f, what) -> {
            if (!what.equals(before.get(f))) {
                changes.add((before.containsKey(f) ? "changed " : "new ") + f + " (" + what + ")");
            }
        });
        before.keySet().stream().filter(f -> !after.containsKey(f)).forEach(f -> changes.add("removed " + f));
        assertThat(changes).as("what the launchers wrote inside the image").isEmpty();
    }

    @Test
    @Timeout(120)
    void jmoshServerServesTheStockMoshClient() throws Exception {
        Conformance.require("mosh-client", "tmux");
        String moshClient = Conformance.which("mosh-client").toString();
        try (MoshServer server = MoshServer.startIn(env, image.bin("jmosh-server"), "/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, DistImage.envPrefix(env) + " MOSH_KEY=" + server.key + " " + moshClient
                     + " 127.0.0.1 " + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            assertThat(Files.readSymbolicLink(Paths.get("/proc/" + server.pid + "/exe")))
                    .as("the server runs on the image's own runtime").isEqualTo(image.dir.resolve("bin/java").toRealPath());
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("image-");
            tmux.type("exit");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("CLIENT_RC="), 15_000)).contains("CLIENT_RC=0");
            assertThat(server.awaitExit(10_000)).as("jmosh-server exits after the shell").isTrue();
        }
    }

    @Test
    @Timeout(120)
    void jmoshLocalGivesASessionThatCtrlCaretDotEnds() throws Exception {
        Conformance.require("tmux");
        try (Tmux tmux = new Tmux(80, 24, DistImage.envPrefix(env) + " " + image.bin("jmosh")
                + " --local -- /bin/bash --norc --noprofile; echo JMOSH_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("local-");
            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("JMOSH_RC="), 15_000);
            assertThat(end).contains("[mosh is exiting.]").contains("JMOSH_RC=0");
        }
    }

    @Test
    @Timeout(60)
    void jmoshVtReplaysAFile() throws Exception {
        Path stream = scratch.resolve("stream.vt");
        Files.write(stream, "hello \u001b[1mworld\u001b[0m\r\nsecond".getBytes(StandardCharsets.UTF_8));
        DistImage.Result r = DistImage.run(env, 30, image.bin("jmosh-vt"), "replay", "--size", "20x3", stream.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("hello world\nsecond\n\n");
        assertThat(r.status()).isZero();
    }

    @Test
    @Timeout(60)
    void theLaunchersStartFromTheAotCachesMadeAtBuildTime() throws Exception {
        // AOTMode=on makes an unusable cache an error instead of a silent fallback; the log names the cache
        String options = "-XX:AOTMode=on -Xlog:aot=info";
        assertUsesCache(withOptions("JMOSH_SERVER_JAVA_OPTS", options, image.bin("jmosh-server")), "jmosh-server.aot");
        assertUsesCache(withOptions("JMOSH_JAVA_OPTS", options, image.bin("jmosh-client")), "jmosh-client.aot");
        assertUsesCache(withOptions("JMOSH_JAVA_OPTS", options, image.bin("jmosh"), "--help"), "jmosh-client.aot");
    }

    private static void assertUsesCache(DistImage.Result r, String cache) {
        assertThat(r.out()).contains("Opened AOT cache " + image.dir.resolve("lib").resolve(cache));
        assertThat(r.status()).as("started from %s: %s%s", cache, r.out(), r.err()).isZero();
    }

    @Test
    @Timeout(120)
    void aMismatchedBrokenOrTruncatedCacheChangesNothingAUserSees() throws Exception {
        Map<String, String> env = processMode(); // each run starts a JVM with the cache under test
        DistImage.Result reference = version(env, image.bin("jmosh-server"));
        assertThat(reference.status()).isZero();
        assertThat(reference.out()).startsWith("jmosh-server ");

        // options the cache was not made with (object layout): the JVM drops the cache
        assertThat(withOptions("JMOSH_SERVER_JAVA_OPTS", "-XX:+UseCompactObjectHeaders -XX:AOTMode=on",
                image.bin("jmosh-server")).status()).as("the cache really is unusable with these options").isNotZero();
        assertThat(withOptions("JMOSH_SERVER_JAVA_OPTS", "-XX:+UseCompactObjectHeaders", image.bin("jmosh-server")))
                .isEqualTo(reference);

        byte[] cache = Files.readAllBytes(image.dir.resolve("lib/jmosh-server.aot"));
        Map<String, byte[]> broken = Map.of("garbage", "not an AOT cache\n".repeat(100).getBytes(StandardCharsets.US_ASCII),
                "truncated", java.util.Arrays.copyOf(cache, cache.length / 2));
        for (Map.Entry<String, byte[]> b : broken.entrySet()) {
            Path shadow = shadowImage(scratch.resolve(b.getKey()), b.getValue());
            String server = shadow.resolve("bin/jmosh-server").toString();
            assertThat(withOptions("JMOSH_SERVER_JAVA_OPTS", "-XX:AOTMode=on", server).status())
                    .as("the %s cache really is unusable", b.getKey()).isNotZero();
            assertThat(version(env, server)).as("with a %s cache", b.getKey()).isEqualTo(reference);
            try (MoshServer started = MoshServer.startIn(env, server, "/bin/cat")) {
                assertThat(started.port).as("MOSH CONNECT with a %s cache", b.getKey()).isPositive();
            }
        }
    }

    /**
     * The image's launchers in {@code dir} with its runtime linked in and {@code serverCache} as
     * the server's AOT cache: what an install whose cache went bad looks like to the launcher.
     */
    private static Path shadowImage(Path dir, byte[] serverCache) throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("lib"));
        for (String f : List.of("jmosh-server", "jmosh-env")) {
            Files.copy(image.dir.resolve("bin").resolve(f), dir.resolve("bin").resolve(f));
        }
        Files.createSymbolicLink(dir.resolve("bin/java"), image.dir.resolve("bin/java"));
        Files.createSymbolicLink(dir.resolve("lib/modules"), image.dir.resolve("lib/modules"));
        Files.write(dir.resolve("lib/jmosh-server.aot"), serverCache);
        return dir;
    }

    /** Runs {@code program --version} (or {@code args}) with JVM options in {@code variable}. */
    private static DistImage.Result withOptions(String variable, String options, String program, String... args)
            throws Exception {
        return withOptions(processMode(), variable, options, program, args);
    }

    /**
     * The clean environment with one session per process: a run that checks how a JVM starts must
     * start one, never hand its request to a per-user server that is running.
     */
    private static Map<String, String> processMode() {
        Map<String, String> e = new HashMap<>(env);
        e.put("JMOSH_SERVER_MODE", "process");
        return e;
    }

    private static DistImage.Result withOptions(Map<String, String> environment, String variable, String options,
            String program, String... args) throws Exception {
        Map<String, String> e = new HashMap<>(environment);
        e.put(variable, options);
        return args.length == 0 ? version(e, program) : DistImage.run(e, 30, concat(program, args));
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static DistImage.Result version(Map<String, String> environment, String program) throws Exception {
        return DistImage.run(environment, 30, program, "--version");
    }
}
