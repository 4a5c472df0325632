package dev.jmosh.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.transport.memory.MemoryNetwork;
import dev.jmosh.ssp.transport.memory.MemoryTransportProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An embedder's own transport: a client session on an in-memory network that loses a fifth of everything. */
class SessionOverMemoryTest {
    @Test
    @Timeout(30)
    void aSessionRunsOnAnInMemoryNetworkTheProgramChose() throws Exception {
        MemoryTransportProvider memory = new MemoryTransportProvider(
                MemoryNetwork.realTime(3).setDelay(20).setJitter(5).setLoss(0.2));
        CountDownLatch shown = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer("over memory", memory);
             ClientSession session = new ClientSession(ClientConfig.builder(server.address(), server.key).size(20, 4)
                     .transport(memory).build(), (frame, bar) -> {
                         if (frame.rowText(0).contains("over memory") || frame.rowText(1).contains("over memory")) {
                             shown.countDown();
                         }
                     })) {
            assertThat(session.localAddress().getPort()).as("an in-memory port").isGreaterThanOrEqualTo(49152);
            session.start();
            assertThat(shown.await(10, TimeUnit.SECONDS)).as("the server's screen").isTrue();
            session.input(new byte[] {0x1E, '.'}, 0, 2);
            assertThat(session.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
            assertThat(server.awaitShutdownAcked(5_000)).isTrue();
        }
    }
}
