package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.ssp.SessionKey;
import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jmosh client with jmosh-server, while another local port floods the server with garbage
 * datagrams: the attached client is not disturbed (its typing still echoes, it quits cleanly)
 * and the server, run with -v, reports every dropped datagram.
 */
class JmoshServerUnderFireTest {
    private static final int GARBAGE = 300;

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void aGarbageFloodIsDroppedAndCountedAndTheClientCarriesOn() throws Exception {
        File out = dir.resolve("out").toFile();
        File err = dir.resolve("err").toFile();
        ProcessBuilder pb = new ProcessBuilder(MoshServer.jmoshServer(), "new", "-v", "-p", "0", "-i", "127.0.0.1",
                "--", "/bin/bash", "--norc", "--noprofile").redirectOutput(out).redirectError(err);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        Process launcher = pb.start();
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Matcher connect = Pattern.compile("MOSH CONNECT (\\d+) (\\S{22})").matcher(Files.readString(out.toPath()));
        Matcher pid = Pattern.compile("pid = (\\d+)").matcher(Files.readString(err.toPath()));
        assertThat(connect.find()).isTrue();
        assertThat(pid.find()).isTrue();
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        int port = Integer.parseInt(connect.group(1));
        try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            ClientSession session = new ClientSession(ClientConfig.of(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SessionKey.parse(connect.group(2)),
                    80, 24), screen);
            session.start();
            assertThat(screen.await(Conformance::hasPrompt, 15_000)).matches(Conformance::hasPrompt);

            Random random = new Random(11);
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (int i = 0; i < GARBAGE; i++) {
                byte[] junk = new byte[40 + random.nextInt(1000)];
                random.nextBytes(junk);
                attacker.send(new DatagramPacket(junk, junk.length, server));
                if (i % 25 == 24) {
                    Thread.sleep(5); // paced, so the kernel's socket buffer does not drop much of it
                }
            }
            screen.assertEchoes(session, "unbothered-");

            byte[] quit = {0x1E, '.'};
            session.input(quit, 0, quit.length);
            assertThat(session.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
            assertThat(daemon.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            if (daemon.isAlive()) {
                daemon.destroy();
            }
        }
        List<String> log = Files.readAllLines(err.toPath());
        // each one that reached the server is reported; the kernel may drop a few of a flood
        assertThat(log.stream().filter(l -> l.equals("Crypto exception: Packet failed integrity check.")).count())
                .as("garbage datagrams reported").isBetween(GARBAGE * 95L / 100, (long) GARBAGE);
        assertThat(log).anyMatch(l -> l.startsWith("Server now attached to client at 127.0.0.1:"));
        assertThat(log.stream().filter(l -> l.startsWith("Server now attached")).count())
                .as("the flood never moved the server's target").isEqualTo(1);
    }
}
