package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.ssp.SessionKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * jmosh-server's per-user server (issue 17): a user's sessions share one process, each still
 * with its own port, key, shell and timeouts, each ending alone; the process ends with its last
 * session; {@code JMOSH_SERVER_MODE=process} keeps one process per session. Each test has a
 * rendezvous directory of its own ({@code JMOSH_TMPDIR}).
 */
class PerUserServerTest {
    private static final String[] SHELL = {"/bin/bash", "--norc", "--noprofile"};

    @TempDir
    Path tmp;

    private Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("JMOSH_TMPDIR", tmp.toString()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        env.putIfAbsent("JMOSH_SERVER_MODE", "user");
        return env;
    }

    static ClientSession connect(MoshServer server, HeadlessClientVsMoshServerTest.Recorder screen)
            throws Exception {
        ClientConfig config = ClientConfig.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port),
                SessionKey.parse(server.key), 80, 24);
        ClientSession session = new ClientSession(config, screen);
        session.start();
        assertThat(screen.await(Conformance::hasPrompt, 10_000)).as("a shell prompt").matches(Conformance::hasPrompt);
        return session;
    }

    private static boolean exitsWithin(long pid, long millis) throws InterruptedException {
        java.util.Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) {
            return true;
        }
        try {
            h.get().onExit().get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !h.get().isAlive();
        }
    }

    private static void type(ClientSession session, String text) {
        byte[] keys = text.getBytes(StandardCharsets.UTF_8);
        session.input(keys, 0, keys.length);
    }

    @Test
    @Timeout(90)
    void twoSessionsShareOneProcessEachEndsAloneAndTheProcessEndsWithTheLast() throws Exception {
        Conformance.require("bash");
        Map<String, String> env = env();
        try (MoshServer a = MoshServer.startWith(MoshServer.jmoshServer(), env, SHELL);
             MoshServer b = MoshServer.startWith(MoshServer.jmoshServer(), env, SHELL)) {
            assertThat(b.pid).as("the second session is handed to the first one's process").isEqualTo(a.pid);
            assertThat(b.port).isNotEqualTo(a.port);
            assertThat(b.key).isNotEqualTo(a.key);
            HeadlessClientVsMoshServerTest.Recorder screenA = new HeadlessClientVsMoshServerTest.Recorder();
            HeadlessClientVsMoshServerTest.Recorder screenB = new HeadlessClientVsMoshServerTest.Recorder();
            try (ClientSession clientA = connect(a, screenA); ClientSession clientB = connect(b, screenB)) {
                screenA.assertEchoes(clientA, "a-");
                screenB.assertEchoes(clientB, "b-");

                type(clientA, "exit\r");
                assertThat(clientA.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
                assertThat(a.awaitExit(5_000)).as("session a has closed its port").isTrue();
                assertThat(ProcessHandle.of(b.pid).map(ProcessHandle::isAlive)).as("the process serves b on")
                        .contains(true);
                screenB.assertEchoes(clientB, "b-again-");

                type(clientB, "exit\r");
                assertThat(clientB.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
                assertThat(exitsWithin(b.pid, 10_000)).as("the process ends with its last session").isTrue();
            }
            String log = Files.readString(MoshServer.rendezvous(env).resolve("log"));
            assertThat(log).contains("session " + a.port + ": ended", "session " + b.port + ": ended",
                    "last session ended; exiting");
            assertThat(MoshServer.rendezvous(env).resolve("pid")).as("withdrawn").doesNotExist();
        }
    }

    @Test
    @Timeout(60)
    void sigusr1EndsOnlyTheSessionsWhoseClientWasSilentLongerThanTheirOwnSignalTimeout() throws Exception {
        Conformance.require("bash");
        try (MoshServer silent = MoshServer.startWith(MoshServer.jmoshServer(),
                env("MOSH_SERVER_SIGNAL_TMOUT", "1"), "cat");
             MoshServer heard = MoshServer.startWith(MoshServer.jmoshServer(),
                env("MOSH_SERVER_SIGNAL_TMOUT", "60"), SHELL)) {
            assertThat(heard.pid).isEqualTo(silent.pid);
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            try (ClientSession client = connect(heard, screen)) {
                Thread.sleep(1_500); // the silent session's timeout (1 s) passes; this is not a wait for an outcome
                silent.signal("USR1");
                assertThat(silent.awaitExit(5_000)).as("no client for over 1 s: SIGUSR1 ends it").isTrue();
                assertThat(heard.alive()).as("its client was heard within 60 s: it runs on").isTrue();
                screen.assertEchoes(client, "after-usr1-");
            }
        }
    }

    @Test
    @Timeout(60)
    void processModeKeepsOneProcessPerSession() throws Exception {
        Map<String, String> env = env("JMOSH_SERVER_MODE", "process");
        try (MoshServer a = MoshServer.startWith(MoshServer.jmoshServer(), env, "cat");
             MoshServer b = MoshServer.startWith(MoshServer.jmoshServer(), env, "cat")) {
            assertThat(b.pid).isNotEqualTo(a.pid);
            assertThat(MoshServer.rendezvous(env)).as("no rendezvous is made").doesNotExist();
            a.signal("TERM");
            assertThat(a.awaitExit(5_000)).isTrue();
            assertThat(b.alive()).isTrue();
        }
    }

    @Test
    @Timeout(60)
    void aRendezvousOpenToOtherUsersIsNotUsedAndEachSessionRunsAlone() throws Exception {
        Map<String, String> env = env();
        Path dir = MoshServer.rendezvous(env);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try (MoshServer a = start(env, "cat"); MoshServer b = start(env, "cat")) {
            assertThat(b.pid).isNotEqualTo(a.pid);
            assertThat(dir.resolve("socket")).doesNotExist();
            assertThat(dir.resolve("pid")).doesNotExist();
            assertThat(dir.resolve("lock")).as("not even locked").doesNotExist();
        }
    }

    /** {@code jmosh-server new -p 0 -i 127.0.0.1 -- command} with {@code env}, read as a server of its own. */
    private static MoshServer start(Map<String, String> env, String... command) throws IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(MoshServer.jmoshServer(), "new", "-p", "0",
                "-i", "127.0.0.1", "--"));
        cmd.addAll(java.util.List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        return MoshServer.parse(pb.start());
    }
}
