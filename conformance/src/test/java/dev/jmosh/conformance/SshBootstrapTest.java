package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jmosh user@127.0.0.1} end to end through a real OpenSSH server of the test's own
 * ({@link Sshd}), under tmux as a user types it: the system ssh with jmosh as its ProxyCommand,
 * a real mosh-server or jmosh-server on the far side, then the jmosh client in the same process.
 * The failures (ssh cannot connect, a server that prints no MOSH CONNECT, a host without mosh)
 * print exactly what the real perl mosh prints for the same command, and exit as it does.
 */
class SshBootstrapTest {
    @TempDir
    static Path dir;
    private static Sshd sshd;

    @BeforeAll
    static void startSshd() throws Exception {
        Sshd.require();
        Conformance.require("tmux", "mosh-server", "mosh");
        sshd = Sshd.start(dir);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static String jmosh() {
        return Conformance.root().resolve("bin/jmosh").toString();
    }

    private static String target() {
        return sshd.user + "@127.0.0.1";
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    private static boolean udpPortTaken(int port) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return false;
        } catch (BindException e) {
            return true;
        }
    }

    /** Runs a whole session: prompt, the remote command's output, typing, the port, and Ctrl-^ . exiting 0. */
    private static void session(String options, int port) throws Exception {
        String remote = "sh -c 'echo REMOTE-$((40+2)); exec bash --norc --noprofile'";
        try (Tmux tmux = new Tmux(120, 30, "env LANG=C.UTF-8 " + jmosh() + " --ssh='" + sshd.sshCommand(sshd.port)
                + "' " + options + " -p " + port + " " + target() + " -- " + remote + "; echo JMOSH_RC=$?; sleep 60")) {
            String screen = tmux.await(s -> s.contains("REMOTE-42") && Conformance.hasPrompt(s), 45_000);
            assertThat(screen).as("sshd log: %s", sshd.log()).contains("REMOTE-42").matches(Conformance::hasPrompt);
            assertThat(udpPortTaken(port)).as("the server listens on the -p port %d", port).isTrue();
            tmux.assertEchoes("over-ssh-");
            tmux.keys("C-^");
            tmux.type(".");
            String end = tmux.await(s -> s.contains("JMOSH_RC="), 20_000);
            assertThat(end).contains("[mosh is exiting.]").contains("JMOSH_RC=0");
        }
    }

    @Test
    @Timeout(120)
    void withMoshServerPredictionOffAPortAndACommand() throws Exception {
        session("--predict=never", freeUdpPort());
    }

    @Test
    @Timeout(120)
    void withJmoshServerPredictionAlways() throws Exception {
        session("--server='" + MoshServer.jmoshServerCommand() + "' --predict=always", freeUdpPort());
    }

    @Test
    @Timeout(120)
    void theLoginShellWithDefaults() throws Exception {
        try (Tmux tmux = new Tmux(120, 30, "env LANG=C.UTF-8 " + jmosh() + " --ssh='" + sshd.sshCommand(sshd.port)
                + "' " + target() + "; echo JMOSH_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 45_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("login-");
            tmux.keys("C-^");
            tmux.type(".");
            assertThat(tmux.await(s -> s.contains("JMOSH_RC="), 20_000)).contains("JMOSH_RC=0");
        }
    }

    /** ssh asks for the key's passphrase on the terminal while jmosh waits, and the session follows. */
    @Test
    @Timeout(120)
    void aPassphraseAskedOnTheTerminal() throws Exception {
        try (Tmux tmux = new Tmux(120, 30, "env LANG=C.UTF-8 SSH_AUTH_SOCK= " + jmosh() + " --ssh='"
                + sshd.sshCommand(sshd.port, sshd.passphraseKey) + "' " + target() + " -- bash --norc --noprofile"
                + "; echo JMOSH_RC=$?; sleep 60")) {
            assertThat(tmux.await(s -> s.contains("Enter passphrase for key"), 45_000)).contains("Enter passphrase for key");
            tmux.type(Sshd.PASSPHRASE);
            tmux.keys("Enter");
            String screen = tmux.await(Conformance::hasPrompt, 45_000);
            assertThat(screen).matches(Conformance::hasPrompt).doesNotContain(Sshd.PASSPHRASE);
            tmux.assertEchoes("passphrase-");
            tmux.keys("C-^");
            tmux.type(".");
            assertThat(tmux.await(s -> s.contains("JMOSH_RC="), 20_000)).contains("JMOSH_RC=0");
        }
    }

    /** The screen a failing wrapper leaves, with its own name replaced by PROG. */
    private static String failure(String program, String options) throws Exception {
        try (Tmux tmux = new Tmux(200, 30, "env LANG=C.UTF-8 " + program + " " + options + " " + target()
                + "; echo WRAPPER_RC=$?; sleep 60")) {
            String s = tmux.await(t -> t.contains("WRAPPER_RC="), 45_000);
            assertThat(s).contains("WRAPPER_RC=");
            return s.replace(program, "PROG").strip();
        }
    }

    private static void sameFailure(String options, String expected) throws Exception {
        String mosh = failure("/usr/bin/mosh", options);
        String jmosh = failure(jmosh(), options);
        assertThat(mosh).as("real mosh, the reference").contains(expected);
        assertThat(jmosh).isEqualTo(mosh);
    }

    @Test
    @Timeout(180)
    void sshThatCannotConnect() throws Exception {
        sameFailure("--ssh='" + sshd.sshCommand(sshd.port).replace("-p " + sshd.port, "-p 1") + "'",
                "Did not find remote IP address (is SSH ProxyCommand disabled?).\nWRAPPER_RC=10");
    }

    @Test
    @Timeout(180)
    void aServerThatPrintsNoConnectLine() throws Exception {
        sameFailure("--ssh='" + sshd.sshCommand(sshd.port) + "' --server='echo no-connect-here; true'",
                "Did not find mosh server startup message. (Have you installed mosh on your server?)\nWRAPPER_RC=10");
    }

    @Test
    @Timeout(180)
    void aHostWithoutMosh() throws Exception {
        sameFailure("--ssh='" + sshd.sshCommand(sshd.portWithoutMosh) + "'",
                "Did not find mosh server startup message. (Have you installed mosh on your server?)\nWRAPPER_RC=10");
    }
}
