package dev.jmosh.statesync.internal;

import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.spi.StateTypeProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserStream;

/** mosh 1.4.0's pair of states, named {@code mosh}: {@link UserStream} up, {@link CompleteTerminal} down. */
public final class MoshStateTypes implements StateTypeProvider {
    @Override
    public String name() {
        return "mosh";
    }

    @Override
    public SyncState<?> newUserState() {
        return new UserStream();
    }

    @Override
    public SyncState<?> newHostState(int columns, int rows) {
        return new CompleteTerminal(columns, rows);
    }
}
