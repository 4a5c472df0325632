package dev.jmosh.ssp;

/**
 * An object synchronised by SSP (the template parameter of mosh's {@code Transport}): the
 * sender numbers successive versions of it, and the receiver rebuilds each version from an
 * older one plus a diff.
 *
 * <p>The contract, for states {@code a} and {@code b} of one type:
 * <ul>
 *   <li>{@code a.copy()} is equal to {@code a} and shares nothing mutable with it;</li>
 *   <li>{@code c = a.copy(); c.applyDiff(b.diffFrom(a))} makes {@code c.equals(b)};</li>
 *   <li>{@code initDiff()} is {@code diffFrom(initial state)};</li>
 *   <li>{@code subtract(prefix)} removes what the peer has acknowledged (a no-op for states
 *       that are not logs).</li>
 * </ul>
 *
 * @param <S> the implementing type
 */
public interface SyncState<S extends SyncState<S>> {
    /** An independent copy. */
    S copy();

    /** Removes the acknowledged prefix {@code prefix} (mosh {@code subtract}). */
    void subtract(S prefix);

    /** The bytes that turn {@code existing} into this state; empty when they are equal. */
    byte[] diffFrom(S existing);

    /** The diff from the initial state of this type. */
    byte[] initDiff();

    /**
     * Applies a diff produced by a peer.
     *
     * @throws WireFormatException when the diff does not parse; the state is then unchanged
     */
    void applyDiff(byte[] diff) throws WireFormatException;
}
