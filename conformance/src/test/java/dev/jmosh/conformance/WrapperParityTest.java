package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jmosh} against the real perl {@code mosh} wrapper of mosh 1.4.0, given the same
 * command lines: an ssh stand-in records the words and environment it is run with and prints a
 * scripted server answer, and a client stand-in ({@code --client}) records what the wrapper
 * hands the client. The ssh command (ProxyCommand included), the server's arguments, the
 * client's arguments and environment, every message and the exit status must be the same, with
 * only the program's own name told apart.
 */
class WrapperParityTest {
    private static final String KEY = "jeYHHLGDF4noDdb3vKJtZQ";
    private static final String CONNECT = "MOSH IP 10.1.2.3\nMOSH CONNECT 60017 " + KEY + "\n";

    @TempDir
    Path dir;
    private Path fakeSsh;
    private Path fakeClient;

    @BeforeEach
    void standIns() throws IOException {
        fakeSsh = script("fake-ssh", """
                { for a in "$@"; do printf '%s\\n' "$a"; done; } > "$FAKE_DIR/ssh.argv"
                printf 'SHELL=%s PID=%s DISPLAY=%s OVERWRITE=%s PWD=%s\\n' "$SHELL" "${MOSH_CLIENT_PID:+set}" \\
                  "${MOSH_PREDICTION_DISPLAY-unset}" "${MOSH_PREDICTION_OVERWRITE-unset}" "$PWD" > "$FAKE_DIR/ssh.env"
                printf '%b' "$FAKE_OUT"
                exit "${FAKE_RC:-0}"
                """);
        fakeClient = script("fake-client", """
                if [ "$1" = -c ]; then echo 256; exit 0; fi
                { for a in "$@"; do printf '%s\\n' "$a"; done; } > "$FAKE_DIR/client.argv"
                printf 'KEY=%s DISPLAY=%s NOINIT=%s OVERWRITE=%s PID=%s\\n' "${MOSH_KEY-unset}" \\
                  "${MOSH_PREDICTION_DISPLAY-unset}" "${MOSH_NO_TERM_INIT-unset}" "${MOSH_PREDICTION_OVERWRITE-unset}" \\
                  "${MOSH_CLIENT_PID:+set}" > "$FAKE_DIR/client.env"
                exit 7
                """);
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        p.toFile().setExecutable(true);
        return p;
    }

    /** What one wrapper did with one command line. */
    record Run(int code, String out, String err, String ssh, String sshEnv, String client, String clientEnv) {
    }

    private Run run(String program, String fakeOut, Map<String, String> extraEnv, String... args) throws Exception {
        Path work = Files.createDirectories(dir.resolve("run-" + Conformance.token()));
        Map<String, String> env = new HashMap<>();
        env.put("FAKE_DIR", work.toString());
        env.put("FAKE_OUT", fakeOut);
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", null);
        env.put("MOSH_PREDICTION_DISPLAY", null);
        env.put("MOSH_PREDICTION_OVERWRITE", null);
        env.put("HOME", dir.toString());
        env.putAll(extraEnv);
        List<String> cmd = new ArrayList<>(List.of(program, "--client=" + fakeClient));
        for (String a : args) {
            cmd.add(a.replace("FAKESSH", fakeSsh.toString()));
        }
        Command.Result r = Command.run(cmd, env, 60);
        return new Run(r.code(), normalise(r.out(), program), normalise(r.err(), program), normalise(read(work.resolve("ssh.argv")), program),
                read(work.resolve("ssh.env")), normalise(read(work.resolve("client.argv")), program),
                read(work.resolve("client.env")));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "<not run>";
    }

    /** The program's own name becomes PROG; Perl's "at FILE line N." after a die is dropped. */
    private static String normalise(String s, String program) {
        return s.replace(program, "PROG").replaceAll(" at PROG line \\d+\\.", "");
    }

    private void same(String fakeOut, Map<String, String> env, String... args) throws Exception {
        Run mosh = run("/usr/bin/mosh", fakeOut, env, args);
        Run jmosh = run(Conformance.root().resolve("bin/jmosh").toString(), fakeOut, env, args);
        String what = String.join(" ", args) + " with ssh printing " + fakeOut.replace("\n", "\\n");
        assertThat(jmosh.ssh()).as("ssh's words for %s", what).isEqualTo(mosh.ssh());
        assertThat(jmosh.sshEnv()).as("ssh's environment for %s", what).isEqualTo(mosh.sshEnv());
        assertThat(jmosh.client()).as("the client's arguments for %s", what).isEqualTo(mosh.client());
        assertThat(jmosh.clientEnv()).as("the client's environment for %s", what).isEqualTo(mosh.clientEnv());
        assertThat(jmosh.out()).as("stdout for %s", what).isEqualTo(mosh.out());
        if (mosh.err().contains("Usage: PROG")) {
            // the usage text itself is jmosh's (it names jmosh's defaults); what comes before it is mosh's
            assertThat(jmosh.err().substring(0, jmosh.err().indexOf("Usage: PROG")))
                    .as("stderr for %s", what).isEqualTo(mosh.err().substring(0, mosh.err().indexOf("Usage: PROG")));
        } else {
            assertThat(jmosh.err()).as("stderr for %s", what).isEqualTo(mosh.err());
        }
        assertThat(jmosh.code()).as("exit status for %s", what).isEqualTo(mosh.code());
    }

    private void same(String fakeOut, String... args) throws Exception {
        same(fakeOut, Map.of(), args);
    }

    @Test
    @Timeout(300)
    void theSshCommandAndTheClientAreMoshs() throws Exception {
        Conformance.require("mosh");
        same(CONNECT, "--ssh=FAKESSH", "h");
        same(CONNECT, "--ssh=FAKESSH -p 2222 -o 'User Name'", "-p", "60001", "--predict=always", "-o", "--no-init",
                "user@h", "--", "ls", "-l", "it's here");
        same(CONNECT, "--ssh=FAKESSH", "-4", "-a", "--no-ssh-pty", "--bind-server=any", "h", "--", "sh");
        same(CONNECT, "--ssh=FAKESSH", "-6", "-n", "--bind-server=10.9.8.7", "-p", "60010:60020", "h");
        same(CONNECT, Map.of("MOSH_PREDICTION_DISPLAY", "experimental", "LC_ALL", "C.UTF-8", "LANGUAGE", "en"),
                "--ssh", "FAKESSH", "--family=all", "h");
        same(CONNECT.replace("\n", "\r\n") + "after the connect line\n", "--ssh=FAKESSH", "h");
        same("some banner\n" + CONNECT, "--ssh=FAKESSH", "h", "-p", "61000", "--", "-x");
    }

    @Test
    @Timeout(300)
    void remoteAndLocalAddressDiscovery() throws Exception {
        Conformance.require("mosh");
        same("\nMOSH SSH_CONNECTION 10.9.9.9 5555 10.1.1.1 22\nMOSH CONNECT 60001 " + KEY + "\n",
                "--ssh=FAKESSH", "--experimental-remote-ip=remote", "-4", "h");
        same("MOSH CONNECT 60001 " + KEY + "\n", "--ssh=FAKESSH", "--experimental-remote-ip=local", "u@127.0.0.1");
        same("MOSH IP 10.0.0.1\nMOSH CONNECT 60001 " + KEY + "\n", "--ssh=FAKESSH", "--experimental-remote-ip=local", "127.0.0.1");
    }

    @Test
    @Timeout(300)
    void startupFailures() throws Exception {
        Conformance.require("mosh");
        same("", "--ssh=FAKESSH", "h");
        same("MOSH IP 10.1.2.3\nhello\n", "--ssh=FAKESSH", "h");
        same("hello\n", Map.of("FAKE_RC", "255"), "--ssh=FAKESSH", "h");
        same("MOSH IP 10.1.2.3\nMOSH CONNECT 1 2\n", "--ssh=FAKESSH", "h");
        same("MOSH IP 10.1.2.3\nMOSH IP 10.1.2.3\n", "--ssh=FAKESSH", "h");
        same("MOSH IP \n", "--ssh=FAKESSH", "h");
        same("MOSH SSH_CONNECTION a b\n", "--ssh=FAKESSH", "h");
        same("MOSH IP 10.1.2.3\nmosh-server: Bad UDP port range (1:2)\n", "--ssh=FAKESSH", "-p", "1:2", "h");
        same("", "--ssh=/nonexistent/ssh", "h");
    }

    @Test
    @Timeout(300)
    void badCommandLines() throws Exception {
        Conformance.require("mosh");
        same(CONNECT, "--ssh=FAKESSH");
        same(CONNECT, "--ssh=FAKESSH", "--bogus", "-x", "h");
        same(CONNECT, "--ssh=FAKESSH", "-s", "h");
        same(CONNECT, "--ssh=FAKESSH", "--predict=sometimes", "h");
        same(CONNECT, Map.of("MOSH_PREDICTION_DISPLAY", "sometimes"), "--ssh=FAKESSH", "h");
        same(CONNECT, "--ssh=FAKESSH", "-p", "70000", "h");
        same(CONNECT, "--ssh=FAKESSH", "-p", "0:5", "h");
        same(CONNECT, "--ssh=FAKESSH", "-p", "9:5", "h");
        same(CONNECT, "--ssh=FAKESSH", "-p", "x", "h");
        same(CONNECT, "--ssh=FAKESSH", "--experimental-remote-ip=sideways", "h");
        same(CONNECT, "--ssh=FAKESSH", "--port");
    }

    @Test
    @Timeout(120)
    void localRunsTheServerInHomeWithoutSsh() throws Exception {
        Conformance.require("mosh");
        Path server = script("fake-server", """
                { for a in "$@"; do printf '%s\\n' "$a"; done; echo "PWD=$PWD SSH=${SSH_CONNECTION-unset}"; } \\
                  > "$FAKE_DIR/ssh.argv"
                printf 'MOSH CONNECT 60002 %s\\n' jeYHHLGDF4noDdb3vKJtZQ
                """);
        same("", Map.of("SSH_CONNECTION", "1 2 3 4"), "--local", "--server=" + server, "127.0.0.1", "--", "top");
    }

    /** Beyond mosh: what would make the client fail is refused before any server is started. */
    @Test
    @Timeout(120)
    void jmoshRefusesANonUtf8LocaleAndAMissingTerminalBeforeStartingAServer() throws Exception {
        String jmosh = Conformance.root().resolve("bin/jmosh").toString();
        Path work = Files.createDirectories(dir.resolve("refusals"));
        Map<String, String> env = new HashMap<>(Map.of("FAKE_DIR", work.toString(), "FAKE_OUT", CONNECT, "LC_ALL", "C"));
        Command.Result c = Command.run(List.of(jmosh, "--ssh=" + fakeSsh, "h"), env, 60);
        assertThat(c.err()).startsWith("mosh-client needs a UTF-8 native locale to run.\n\n"
                + "Unfortunately, the client's environment (LC_ALL=C) specifies\nthe character set \"US-ASCII\".");
        assertThat(c.code()).isEqualTo(1);
        assertThat(work.resolve("ssh.argv")).as("ssh was not run").doesNotExist();

        env.put("LC_ALL", "C.UTF-8");
        Command.Result t = Command.run(List.of(jmosh, "--ssh=" + fakeSsh, "h"), env, 60);
        assertThat(t.err()).isEqualTo("tcgetattr: Inappropriate ioctl for device\n");
        assertThat(t.code()).isEqualTo(1);
        assertThat(work.resolve("ssh.argv")).as("ssh was not run").doesNotExist();
    }

    /** ssh's ProxyCommand ({@code --fake-proxy}): what it resolves, says, relays, and how it fails. */
    @Test
    @Timeout(300)
    void theProxyCommandIsMoshs() throws Exception {
        Conformance.require("mosh");
        for (String family : List.of("inet6", "inet", "auto", "all", "prefer-inet6")) {
            for (String hostPort : List.of("127.0.0.1 1", "::1 1", "localhost 1", "nosuch.invalid 1", "127.0.0.1 x")) {
                sameProxy(null, "--family=" + family, "--fake-proxy", "--", hostPort.split(" ")[0], hostPort.split(" ")[1]);
            }
        }
        sameProxy(null, "--family=prefer-bogus", "--fake-proxy", "--", "localhost", "1");
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (java.net.Socket s = listener.accept()) {
                        s.getOutputStream().write("hello from the server\n".getBytes(StandardCharsets.UTF_8));
                        byte[] got = s.getInputStream().readAllBytes();
                        s.getOutputStream().write(("you sent " + got.length + " bytes\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            peer.setDaemon(true);
            peer.start();
            Path input = Files.writeString(dir.resolve("proxy-input"), "SSH-2.0-client\r\nmore\n");
            sameProxy(input, "--fake-proxy", "--", "localhost", Integer.toString(listener.getLocalPort()));
        }
    }

    private void sameProxy(Path stdin, String... args) throws Exception {
        java.io.File in = stdin == null ? new java.io.File("/dev/null") : stdin.toFile();
        String jmosh = Conformance.root().resolve("bin/jmosh").toString();
        List<String> m = new ArrayList<>(List.of("/usr/bin/mosh"));
        m.addAll(List.of(args));
        List<String> j = new ArrayList<>(List.of(jmosh));
        j.addAll(List.of(args));
        Command.Result mosh = Command.run(m, Map.of(), 60, in);
        Command.Result jm = Command.run(j, Map.of(), 60, in);
        String what = String.join(" ", args);
        assertThat(normalise(jm.err(), jmosh)).as("stderr of %s", what).isEqualTo(normalise(mosh.err(), "/usr/bin/mosh"));
        assertThat(jm.out()).as("stdout of %s", what).isEqualTo(mosh.out());
        assertThat(jm.code()).as("exit status of %s", what).isEqualTo(mosh.code());
    }
}
