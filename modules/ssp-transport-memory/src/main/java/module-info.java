/**
 * An in-memory network for SSP: {@link dev.jmosh.ssp.transport.memory.MemoryNetwork} carries
 * datagrams between {@link dev.jmosh.ssp.transport.memory.MemoryEndpoint}s (each a
 * {@link dev.jmosh.ssp.DatagramTransport}) with seeded loss, delay, jitter, reordering and
 * duplication, a blackout switch, port hopping and roaming. Simulated on a
 * {@link dev.jmosh.ssp.transport.memory.ManualClock} it is deterministic and needs no threads,
 * sockets or sleeps (jmosh's own tests run on it); in real time it lets a program run a client
 * and a server session in one process. It is also the {@link dev.jmosh.ssp.spi.TransportProvider}
 * named {@code memory}. No threads of its own; its only static state is the process network
 * that providers made by {@link java.util.ServiceLoader} share, created when first asked for.
 */
module dev.jmosh.ssp.transport.memory {
    requires transitive dev.jmosh.ssp;

    exports dev.jmosh.ssp.transport.memory;

    provides dev.jmosh.ssp.spi.TransportProvider with dev.jmosh.ssp.transport.memory.MemoryTransportProvider;
}
