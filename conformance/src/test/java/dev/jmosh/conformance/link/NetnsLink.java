package dev.jmosh.conformance.link;

import dev.jmosh.conformance.relay.Impairment;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A delayed, lossy IP link between two network namespaces that this object creates and removes:
 * a "client" namespace holding {@link #CLIENT_ADDRESS} and a "server" namespace holding
 * {@link #SERVER_ADDRESS}, each with a TUN device whose packets a forwarder in this JVM carries to
 * the other, one {@link LinkDirection} each way (this kernel has no netem). Everything IP crosses
 * it, UDP and TCP alike, so mosh, jmosh and OpenSSH see the same link. Programs run in a namespace
 * through {@link #inClient}/{@link #inServer} ({@code ip netns exec}).
 *
 * <p>Needs root and iproute2's {@code ip}. {@link #close} stops the forwarder and deletes both
 * namespaces, which ends their devices and every socket still in them; a shutdown hook does the
 * same if the JVM ends first. The namespaces are named {@code PREFIX-c}/{@code PREFIX-s}: what a
 * killed run left, {@code bench/run} removes by the prefix ({@code dev.jmosh.bench.run.Namespaces}).
 */
public final class NetnsLink implements AutoCloseable {
    /** The client namespace's address. */
    public static final String CLIENT_ADDRESS = "10.251.0.1";
    /** The server namespace's address. */
    public static final String SERVER_ADDRESS = "10.251.0.2";

    private final String clientNs;
    private final String serverNs;
    private final List<Tun> devices = new ArrayList<>();
    private final LinkDirection up;
    private final LinkDirection down;
    private final Thread hook;
    private boolean closed;

    private NetnsLink(String prefix, long seed) throws IOException, InterruptedException {
        clientNs = prefix + "-c";
        serverNs = prefix + "-s";
        hook = new Thread(this::closeQuietly, "netns-link-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (String ns : List.of(clientNs, serverNs)) {
                ip("netns", "add", ns);
                ip("-n", ns, "link", "set", "lo", "up");
                // no IPv6 on the link: only what the programs send crosses it
                run(List.of("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                        "net.ipv6.conf.default.disable_ipv6=1"));
            }
            Tun c = Tun.create(clientNs, "jlink0");
            devices.add(c);
            Tun s = Tun.create(serverNs, "jlink0");
            devices.add(s);
            configure(clientNs, CLIENT_ADDRESS, SERVER_ADDRESS);
            configure(serverNs, SERVER_ADDRESS, CLIENT_ADDRESS);
            up = new LinkDirection("up", c, s, seed);
            down = new LinkDirection("down", s, c, seed + 1);
            up.start();
            down.start();
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Creates the namespaces {@code PREFIX-c} and {@code PREFIX-s} and the link between them,
     * perfect until {@link #impair} says otherwise.
     *
     * @param prefix at most 20 characters of {@code [A-Za-z0-9-]}
     * @param seed the seed of the loss and jitter draws
     * @throws IOException if this is not root, {@code ip} is missing, or a namespace exists
     */
    public static NetnsLink create(String prefix, long seed) throws IOException, InterruptedException {
        if (!prefix.matches("[A-Za-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("bad namespace prefix: " + prefix);
        }
        return new NetnsLink(prefix, seed);
    }

    /** Why this machine can't make a link, in one line, or null if it can (root and iproute2). */
    public static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "network namespaces need root (this is " + System.getProperty("user.name") + ")";
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
            return "iproute2's ip is not installed";
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return "this kernel has no /dev/net/tun";
        }
        return null;
    }

    private static void configure(String ns, String local, String peer) throws IOException, InterruptedException {
        ip("-n", ns, "addr", "add", local, "peer", peer, "dev", "jlink0");
        ip("-n", ns, "link", "set", "jlink0", "up");
    }

    /** Sets both directions' impairment (each direction draws its own losses). */
    public void impair(Impairment impairment) {
        up.impair(impairment);
        down.impair(impairment);
    }

    /** Client to server. */
    public LinkDirection up() {
        return up;
    }

    /** Server to client. */
    public LinkDirection down() {
        return down;
    }

    /** The command prefix that runs a program in the client namespace. */
    public List<String> inClient() {
        return List.of("ip", "netns", "exec", clientNs);
    }

    /** The command prefix that runs a program in the server namespace. */
    public List<String> inServer() {
        return List.of("ip", "netns", "exec", serverNs);
    }

    /** Runs {@code action} on a thread inside the client namespace: sockets it opens live there. */
    public <T> T inClient(Callable<T> action) throws IOException, InterruptedException {
        return Tun.inNamespace(clientNs, action);
    }

    /** Runs {@code action} on a thread inside the server namespace: sockets it opens live there. */
    public <T> T inServer(Callable<T> action) throws IOException, InterruptedException {
        return Tun.inNamespace(serverNs, action);
    }

    /** Whether both namespaces exist. */
    public boolean exists() {
        return Files.exists(Path.of("/run/netns", clientNs)) && Files.exists(Path.of("/run/netns", serverNs));
    }

    /** The same as a shell words prefix, for command lines given to a shell. */
    public String inClientShell() {
        return String.join(" ", inClient());
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": no answer in 10 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
    }

    private void closeQuietly() {
        try {
            shutDown();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("netns link: " + e.getMessage());
        }
    }

    private synchronized void shutDown() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        for (LinkDirection d : new LinkDirection[] {up, down}) {
            if (d != null) {
                d.stop();
            }
        }
        devices.forEach(Tun::close);
        IOException failure = null;
        for (String ns : List.of(clientNs, serverNs)) {
            if (Files.exists(Path.of("/run/netns", ns))) {
                try {
                    ip("netns", "del", ns);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the forwarder and deletes both namespaces. */
    @Override
    public void close() throws IOException, InterruptedException {
        shutDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** Per-flow counters of one direction, keyed by the server side's port (see {@link LinkDirection#flows}). */
    public record Traffic(long packets, long bytes) {
        Traffic plus(int length) {
            return new Traffic(packets + 1, bytes + length);
        }
    }

    /** The IPv4 protocol and server-side port of a packet, e.g. {@code "udp/60001"}, or null. */
    static String flowKey(MemorySegment packet, int length, boolean towardServer) {
        if (length < 20 || (packet.get(ValueLayout.JAVA_BYTE, 0) & 0xF0) != 0x40) {
            return null;
        }
        int ihl = (packet.get(ValueLayout.JAVA_BYTE, 0) & 0x0F) * 4;
        int protocol = packet.get(ValueLayout.JAVA_BYTE, 9) & 0xFF;
        String name = protocol == 17 ? "udp" : protocol == 6 ? "tcp" : null;
        if (name == null || length < ihl + 4) {
            return null;
        }
        int offset = ihl + (towardServer ? 2 : 0); // destination port going up, source port coming down
        int port = ((packet.get(ValueLayout.JAVA_BYTE, offset) & 0xFF) << 8) | (packet.get(ValueLayout.JAVA_BYTE, offset + 1) & 0xFF);
        return name + "/" + port;
    }

    /** A snapshot of both directions' flows: {@code up} and {@code down}. */
    public Map<String, Map<String, Traffic>> flows() {
        return Map.of("up", up.flows(), "down", down.flows());
    }
}
