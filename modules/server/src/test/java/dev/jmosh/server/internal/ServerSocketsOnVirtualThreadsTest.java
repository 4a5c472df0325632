package dev.jmosh.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.TransportProvider;
import dev.jmosh.ssp.ReceivedDatagram;
import java.net.InetAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The udp transport's server sockets, received from on virtual threads as a per-user server's
 * sessions do, share the JDK's poller: no platform thread each.
 */
class ServerSocketsOnVirtualThreadsTest {
    private static final int SERVERS = 60;
    private final TransportProvider provider = Providers.select(TransportProvider.class, "udp");

    @Test
    @Timeout(30)
    void manyServersBlockedInReceiveOnVirtualThreadsAddNoPlatformThreadEach() throws Exception {
        List<DatagramTransport> servers = new ArrayList<>();
        List<Thread> receivers = new ArrayList<>();
        List<CompletableFuture<Object>> got = new ArrayList<>();
        long before = osThreads();
        try (DatagramTransport client = provider.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 9))) {
            for (int i = 0; i < SERVERS; i++) {
                DatagramTransport server = provider.bind(InetAddress.getLoopbackAddress(), 0, 0);
                servers.add(server);
                CompletableFuture<Object> f = new CompletableFuture<>();
                got.add(f);
                receivers.add(Thread.ofVirtual().start(() -> {
                    try {
                        ReceivedDatagram d = server.receive(-1);
                        f.complete(d.data()[0]);
                        server.receive(-1); // until closed
                        f.complete("not closed");
                    } catch (Throwable t) {
                        f.complete(t);
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Thread r : receivers) {
                while (r.getState() != Thread.State.WAITING) {
                    assertThat(System.nanoTime()).as("every receiver parked").isLessThan(deadline);
                    Thread.sleep(1);
                }
            }
            assertThat(osThreads() - before).as("platform threads added for %d blocked receivers", SERVERS)
                    .isLessThan(SERVERS / 4);
            for (int i = 0; i < SERVERS; i++) {
                client.send(new byte[] {(byte) i}, 0, 1, servers.get(i).localAddress());
            }
            for (int i = 0; i < SERVERS; i++) {
                assertThat(got.get(i).get(5, TimeUnit.SECONDS)).as("server %d", i).isEqualTo((byte) i);
            }
        } finally {
            servers.forEach(DatagramTransport::close);
        }
        for (Thread r : receivers) {
            assertThat(r.join(java.time.Duration.ofSeconds(5))).as("a receive ends when its socket closes").isTrue();
        }
    }

    @Test
    @Timeout(10)
    void aReceiveAfterCloseSaysClosed() throws Exception {
        DatagramTransport server = provider.bind(InetAddress.getLoopbackAddress(), 0, 0);
        server.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.receive(0))
                .isInstanceOf(ClosedChannelException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.receive(-1))
                .isInstanceOf(ClosedChannelException.class);
    }

    /** The process's kernel threads: every platform thread, no virtual one. */
    private static long osThreads() throws java.io.IOException {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }
}
