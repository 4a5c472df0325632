package dev.jmosh.statesync.internal;

import dev.jmosh.ssp.spi.StateTypeProvider;
import dev.jmosh.statesync.CompleteTerminal;
import dev.jmosh.statesync.UserStream;

/** mosh 1.4.0's pair of states, named {@code mosh}: {@link UserStream} up, {@link CompleteTerminal} down. */
public final class MoshStateTypes implements StateTypeProvider<UserStream, CompleteTerminal> {
    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public MoshStateTypes() {
    }

    @Override
    public String name() {
        return MOSH;
    }

    @Override
    public Class<UserStream> userStateType() {
        return UserStream.class;
    }

    @Override
    public Class<CompleteTerminal> hostStateType() {
        return CompleteTerminal.class;
    }

    @Override
    public UserStream newUserState() {
        return new UserStream();
    }

    @Override
    public CompleteTerminal newHostState(int columns, int rows) {
        return new CompleteTerminal(columns, rows);
    }
}
