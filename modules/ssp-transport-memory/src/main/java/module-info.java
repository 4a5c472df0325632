/**
 * An in-memory network for SSP: {@link dev.jmosh.ssp.transport.memory.MemoryNetwork} carries
 * datagrams between {@link dev.jmosh.ssp.transport.memory.MemoryEndpoint}s (each a
 * {@link dev.jmosh.ssp.DatagramTransport}) with seeded loss, delay, jitter, reordering and
 * duplication, a blackout switch, port hopping and roaming. Simulated on a
 * {@link dev.jmosh.ssp.transport.memory.ManualClock} it is deterministic and needs no threads,
 * sockets or sleeps (jmosh's own tests run on it); in real time it lets a program run a client
 * and a server session in one process. No static state, no threads of its own.
 */
module dev.jmosh.ssp.transport.memory {
    requires transitive dev.jmosh.ssp;

    exports dev.jmosh.ssp.transport.memory;
}
