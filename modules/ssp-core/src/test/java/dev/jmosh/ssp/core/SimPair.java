package dev.jmosh.ssp.core;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.core.wire.TestCiphers;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.transport.memory.ManualClock;
import dev.jmosh.ssp.transport.memory.MemoryEndpoint;
import dev.jmosh.ssp.transport.memory.MemoryNetwork;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A client and a server {@link Transport} of {@link ByteLog}s over a simulated {@link MemoryNetwork},
 * advanced event by event on a manual clock.
 */
final class SimPair {
    static final int SERVER_PORT = 60001;
    static final int CLIENT_PORT = 40000;

    final ManualClock clock = new ManualClock(1_000_000);
    final MemoryNetwork link;
    final MemoryEndpoint clientEnd;
    final MemoryEndpoint serverEnd;
    final Transport<ByteLog, ByteLog> client;
    final Transport<ByteLog, ByteLog> server;
    long errors;

    SimPair(long seed) {
        link = MemoryNetwork.simulated(clock, seed);
        clientEnd = link.endpoint(CLIENT_PORT);
        serverEnd = link.endpoint(SERVER_PORT);
        clientEnd.keepArrivals();
        serverEnd.keepArrivals();
        Connection cc = Connection.client(clientEnd, TestCiphers.ocb(42), serverEnd.localAddress(), clock);
        Connection sc = Connection.server(serverEnd, TestCiphers.ocb(42), clock);
        client = new Transport<>(cc, new ByteLog(), new ByteLog(), clock, new SplittableRandom(seed));
        server = new Transport<>(sc, new ByteLog(), new ByteLog(), clock, new SplittableRandom(seed + 1));
        client.sender().setSendMindelay(1);
    }

    /** Runs events until {@code done} holds or {@code maxMs} of simulated time pass; returns whether done. */
    boolean runUntil(BooleanSupplier done, long maxMs) throws CryptoException {
        long end = clock.millis() + maxMs;
        for (int i = 0; i < 1_000_000 && clock.millis() <= end; i++) {
            step();
            if (done.getAsBoolean()) {
                return true;
            }
            long now = clock.millis();
            long wait = Math.min(client.waitTime(), server.waitTime());
            long next = Math.min(link.nextArrival(), wait >= end - now ? end + 1 : now + wait);
            clock.set(Math.min(Math.max(next, now + 1), end + 1));
        }
        return done.getAsBoolean();
    }

    /** Runs for exactly {@code ms} of simulated time. */
    void runFor(long ms) throws CryptoException {
        long end = clock.millis() + ms;
        runUntil(() -> clock.millis() >= end, ms);
    }

    void step() throws CryptoException {
        link.deliverDue();
        drain(clientEnd, client);
        drain(serverEnd, server);
        client.tick();
        server.tick();
    }

    private void drain(MemoryEndpoint end, Transport<ByteLog, ByteLog> t) {
        for (ReceivedDatagram d; (d = end.poll()) != null; ) {
            try {
                t.receive(d);
            } catch (CryptoException | WireFormatException e) {
                errors++;
            }
        }
    }

    /** Every datagram the server received. */
    java.util.List<byte[]> recorded() {
        return new java.util.ArrayList<>(serverEnd.arrivals());
    }

    /** The newest datagram the client received from the server. */
    byte[] lastServerDatagram() {
        java.util.List<byte[]> all = clientEnd.arrivals();
        return all.get(all.size() - 1);
    }

    /** The bytes the server application has seen so far (through remoteDiff). */
    byte[] serverView() {
        return server.latestRemoteState().state().bytes();
    }
}
