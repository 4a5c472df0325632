package dev.jmosh.ssp.spi;

import dev.jmosh.ssp.ProviderSelectionException;
import dev.jmosh.ssp.SyncState;

/**
 * The pair of state types a session synchronises: the user's state, sent from client to
 * server, and the host's, sent back. mosh 1.4.0's pair (the provider named {@value #MOSH}, the
 * default) is {@code UserStream} (keystrokes and resizes) and {@code CompleteTerminal} (the
 * screen); an application that synchronises something else over SSP provides its own pair, and
 * a provider may offer an extended pair that stays wire-compatible with mosh's.
 *
 * <p>Selected like every provider, by name ({@value #PROPERTY}, or the program's own option)
 * through {@link dev.jmosh.ssp.Providers#select(Class, String, String)} with {@value #MOSH} as
 * the fallback; a program that needs particular types (the terminal client needs a screen) then
 * checks them with {@link #as}.
 *
 * @param <U> the user's state (client to server)
 * @param <H> the host's state (server to client)
 */
public interface StateTypeProvider<U extends SyncState<U>, H extends SyncState<H>> extends NamedProvider {
    /** System property naming the provider to use. */
    String PROPERTY = "jmosh.state";
    /** The name of mosh's pair. */
    String MOSH = "mosh";

    /** The class of the user's state. */
    Class<U> userStateType();

    /** The class of the host's state. */
    Class<H> hostStateType();

    /** State 0 of the user's side (mosh: an empty stream). */
    U newUserState();

    /** State 0 of the host's side for a window of {@code columns} by {@code rows} (mosh: a blank screen). */
    H newHostState(int columns, int rows);

    /**
     * This provider, typed for a program that works with {@code user} and {@code host} states.
     *
     * @throws ProviderSelectionException when its states are not of those types, naming both pairs
     */
    default <A extends SyncState<A>, B extends SyncState<B>> StateTypeProvider<A, B> as(Class<A> user, Class<B> host) {
        if (!user.isAssignableFrom(userStateType()) || !host.isAssignableFrom(hostStateType())) {
            throw new ProviderSelectionException("state types '" + name() + "' are " + userStateType().getSimpleName()
                    + " and " + hostStateType().getSimpleName() + ", not the " + user.getSimpleName() + " and "
                    + host.getSimpleName() + " this program needs");
        }
        @SuppressWarnings("unchecked") // the classes were just checked; the type parameters follow from them
        StateTypeProvider<A, B> typed = (StateTypeProvider<A, B>) this;
        return typed;
    }
}
