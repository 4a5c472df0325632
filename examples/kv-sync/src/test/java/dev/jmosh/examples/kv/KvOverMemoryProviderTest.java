package dev.jmosh.examples.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.TransportProvider;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport SPI's second provider, selected by name: both ends of a kv session on the
 * provider named {@code memory} (the process's in-memory network, in real time), with UDP's
 * provider present too.
 */
class KvOverMemoryProviderTest {
    @Test
    @Timeout(30)
    void bothEndsOfASessionOnTheMemoryTransportChosenByName() throws Exception {
        TransportProvider memory = Providers.select(TransportProvider.class, "memory");
        assertThat(Providers.select(TransportProvider.class, null, "udp").name()).as("the fallback").isEqualTo("udp");
        SessionKey key = SessionKey.generate(new SecureRandom());
        try (DatagramTransport serverSide = memory.bind(null, 0, 0);
             DatagramTransport clientSide = memory.connect(serverSide.localAddress())) {
            KvPeer server = KvPeer.server(serverSide, key, Clock.system());
            KvPeer client = KvPeer.client(clientSide, key, serverSide.localAddress(), Clock.system());
            client.edit("from", "client");
            server.edit("to", "server");
            Map<String, String> want = Map.of("from", "client", "to", "server");
            long end = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < end && !(client.view().equals(want) && server.view().equals(want))) {
                server.step(5);
                client.step(5);
            }
            assertThat(server.view()).isEqualTo(want);
            assertThat(client.view()).isEqualTo(want);
        }
    }
}
