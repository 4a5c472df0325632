package dev.jmosh.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server of the test's own, on two loopback ports, with a generated host key and a
 * generated user key, touching nothing outside its folder: {@link #port} serves sessions as usual,
 * {@link #portWithoutMosh} serves sessions whose PATH finds no mosh-server (a host without mosh).
 *
 * <p>As root, sshd insists on its privilege-separation directory {@code /run/sshd}; where that
 * is missing it runs in a mount namespace of its own ({@code unshare -m}) with a private
 * {@code /run}, so the machine's {@code /run} is never written. {@link #close} stops it by PID.
 */
final class Sshd implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    final int port;
    final int portWithoutMosh;
    final Path userKey;
    /** A second user key, protected by {@link #PASSPHRASE}: ssh asks for it on the terminal. */
    final Path passphraseKey;
    static final String PASSPHRASE = "open sesame";
    final String user = System.getProperty("user.name");
    private final Process process;
    private final Path log;

    private Sshd(Process process, int port, int portWithoutMosh, Path userKey, Path log) {
        this.process = process;
        this.passphraseKey = userKey.resolveSibling("passphrase_key");
        this.port = port;
        this.portWithoutMosh = portWithoutMosh;
        this.userKey = userKey;
        this.log = log;
    }

    /** Skips or fails (as {@link Conformance#require}) unless OpenSSH's server and client are installed. */
    static void require() {
        Conformance.require("ssh", "ssh-keygen");
        if (!Files.isExecutable(SSHD)) {
            Conformance.require("sshd"); // reports "sshd is not installed" the usual way
        }
    }

    /** Starts sshd with its keys and configuration in {@code dir}; returns once it listens. */
    static Sshd start(Path dir) throws IOException, InterruptedException {
        return start(dir, List.of(), "127.0.0.1", true);
    }

    /**
     * The same, run through {@code prefix} (e.g. {@code ip netns exec NAME}) and listening on
     * {@code address}, ports 2201 and 2202: in a namespace of the caller's own they are free.
     */
    static Sshd startVia(Path dir, List<String> prefix, String address) throws IOException, InterruptedException {
        return start(dir, prefix, address, false);
    }

    private static Sshd start(Path dir, List<String> prefix, String address, boolean freePorts)
            throws IOException, InterruptedException {
        keygen(dir.resolve("host_key"), "");
        Path userKey = dir.resolve("user_key");
        keygen(userKey, "");
        keygen(dir.resolve("passphrase_key"), PASSPHRASE);
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(dir.resolve("user_key.pub"))
                + Files.readString(dir.resolve("passphrase_key.pub")));
        for (int attempt = 0; attempt < 3; attempt++) {
            int a = freePorts ? freePort() : 2201;
            int b = freePorts ? freePort() : 2202;
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n",
                    "Port " + a, "Port " + b, "ListenAddress " + address,
                    "HostKey " + dir.resolve("host_key"), "AuthorizedKeysFile " + authorized, "PidFile none",
                    "UsePAM no", "StrictModes no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password", "PrintMotd no",
                    "Match LocalPort " + b, "  SetEnv PATH=/opt/jmosh-test-has-no-mosh", ""));
            Path log = dir.resolve("sshd-" + attempt + ".log");
            List<String> cmd = new ArrayList<>(prefix);
            String sshd = SSHD + " -D -e -f " + config;
            if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(Path.of("/run/sshd"))) {
                cmd.addAll(List.of("unshare", "-m", "--propagation", "private", "--", "/bin/sh", "-c",
                        "mount -t tmpfs -o mode=755 tmpfs /run && mkdir -m 755 /run/sshd && exec " + sshd));
            } else {
                cmd.addAll(List.of("/bin/sh", "-c", "exec " + sshd));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < end && p.isAlive()) {
                String text = Files.readString(log);
                if (text.contains("port " + a + ".") && text.contains("port " + b + ".")) {
                    return new Sshd(p, a, b, userKey, log);
                }
                Thread.sleep(50);
            }
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
            if (!Files.readString(log).contains("Address already in use")) {
                throw new IOException("sshd did not start: " + Files.readString(log));
            }
        }
        throw new IOException("sshd found no free port in 3 attempts");
    }

    /** The ssh command line for {@code --ssh=}: this server's port and key, no user configuration, no prompts. */
    String sshCommand(int p) {
        return sshCommand(p, userKey) + " -o BatchMode=yes";
    }

    /** The same with another key, and prompts allowed. */
    String sshCommand(int p, Path key) {
        return "ssh -F /dev/null -p " + p + " -i " + key + " -o IdentitiesOnly=yes"
                + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR";
    }

    /** What sshd logged so far (for failure messages). */
    String log() throws IOException {
        return Files.readString(log);
    }

    private static void keygen(Path key, String passphrase) throws IOException, InterruptedException {
        Command.Result r = Command.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "jmosh-test",
                "-f", key.toString()), java.util.Map.of(), 30);
        if (r.code() != 0) {
            throw new IOException("ssh-keygen failed: " + r.err());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
