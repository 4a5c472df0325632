package dev.jmosh.ssp.spi;

import dev.jmosh.ssp.SyncState;

/**
 * The pair of state types a session synchronises: the user's input stream (client to server)
 * and the host's screen (server to client). mosh 1.4.0's pair is {@code UserStream} and
 * {@code Terminal::Complete}; a provider may offer an extended pair that stays wire-compatible.
 */
public interface StateTypeProvider extends NamedProvider {
    /** System property naming the provider to use. */
    String PROPERTY = "jmosh.state";

    /** State 0 of the client's user stream: empty. */
    SyncState<?> newUserState();

    /** State 0 of the host screen: blank, {@code columns} by {@code rows}. */
    SyncState<?> newHostState(int columns, int rows);
}
