package dev.jmosh.examples.kv;

import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.spi.StateTypeProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Map;

/**
 * One end of a key-value session over any {@link DatagramTransport}: the server holds the map
 * and applies the client's edits to it; the client sends its edits and shows the server's map.
 * Both may edit. Confined to one thread: call {@link #step} in a loop.
 */
public final class KvPeer {
    private final Transport<EditLog, KvMap> client;
    private final Transport<KvMap, EditLog> server;
    private final DatagramTransport datagrams;
    private long appliedRemoteNum;

    private KvPeer(Transport<EditLog, KvMap> client, Transport<KvMap, EditLog> server, DatagramTransport datagrams) {
        this.client = client;
        this.server = server;
        this.datagrams = datagrams;
    }

    /** The state types, selected by name like any provider. */
    private static StateTypeProvider<EditLog, KvMap> states() {
        return Providers.stateTypes(KvStateTypes.NAME).as(EditLog.class, KvMap.class);
    }

    /** The server end on {@code datagrams}, under {@code key}. */
    public static KvPeer server(DatagramTransport datagrams, SessionKey key, Clock clock) {
        StateTypeProvider<EditLog, KvMap> states = states();
        Connection c = Connection.server(datagrams, Providers.cipher(key, null), clock);
        return new KvPeer(null, new Transport<>(c, states.newHostState(0, 0), states.newUserState(), clock,
                new SecureRandom()), datagrams);
    }

    /** The client end on {@code datagrams}, talking to the server at {@code server}. */
    public static KvPeer client(DatagramTransport datagrams, SessionKey key, InetSocketAddress server, Clock clock) {
        StateTypeProvider<EditLog, KvMap> states = states();
        Connection c = Connection.client(datagrams, Providers.cipher(key, null), server, clock);
        return new KvPeer(new Transport<>(c, states.newUserState(), states.newHostState(0, 0), clock,
                new SecureRandom()), null, datagrams);
    }

    /** Sets {@code key} to {@code value}, or removes it if {@code value} is null. */
    public void edit(String key, String value) {
        Edit e = new Edit(key, value);
        if (server != null) {
            server.currentState().apply(e);
        } else {
            client.currentState().add(e);
        }
    }

    /** The map as this end sees it: the server's own, or the newest the client has received. */
    public Map<String, String> view() {
        return server != null ? server.currentState().entries() : client.latestRemoteState().state().entries();
    }

    /**
     * Handles what is due: waits up to {@code maxWaitMillis} (less if SSP has something to
     * send sooner; 0 does not wait) for a datagram, takes it in, and sends what SSP says to.
     */
    public void step(long maxWaitMillis) throws IOException {
        long wait = Math.min(maxWaitMillis, server != null ? server.waitTime() : client.waitTime());
        ReceivedDatagram d = datagrams.receive(Math.max(0, wait));
        try {
            if (d != null) {
                if (server != null) {
                    server.receive(d);
                    applyClientEdits();
                } else {
                    client.receive(d);
                }
            }
            if (server != null) {
                server.tick();
            } else {
                client.tick();
            }
        } catch (CryptoException | WireFormatException e) {
            // a forged, damaged or replayed datagram: SSP dropped and counted it; the session goes on
            if (e instanceof CryptoException c && c.isFatal()) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** The server applies each new client edit once, in order (mosh's server does the same with keystrokes). */
    private void applyClientEdits() throws WireFormatException {
        if (server.remoteStateNum() == appliedRemoteNum) {
            return;
        }
        appliedRemoteNum = server.remoteStateNum();
        EditLog fresh = new EditLog();
        fresh.applyDiff(server.remoteDiff());
        for (Edit e : fresh.edits()) {
            server.currentState().apply(e);
        }
    }
}
