package dev.jmosh.ssp;

/** Why a received datagram or instruction was not used; each is counted in the SSP engine's statistics ({@code TransportStats}). */
public enum DropReason {
    /** Larger than {@link dev.jmosh.ssp.DatagramTransport#RECEIVE_MTU} ("Received oversize datagram"). */
    OVERSIZE,
    /** Shorter than nonce plus tag ("Ciphertext must contain nonce and tag."). */
    TRUNCATED,
    /** The tag did not verify: wrong key, tampering or garbage ("Packet failed integrity check."). */
    INTEGRITY,
    /** Authentic but malformed: no timestamps, or a fragment header missing. */
    MALFORMED_PACKET,
    /** The direction bit says the datagram was sent by our own side (a reflection). */
    WRONG_DIRECTION,
    /** Fragments that cannot be assembled, zlib garbage, an oversize or unparsable instruction. */
    MALFORMED_INSTRUCTION,
    /**
     * One fragment of an instruction that was never completed: a fragment of another instruction
     * came first (mosh discards the partial one silently), or a contradicting fragment dropped it.
     * Counted when discarded, one per fragment.
     */
    ABANDONED_FRAGMENT,
    /** An instruction of another protocol version ("mosh protocol version mismatch"). */
    VERSION_MISMATCH,
    /** A state number already received. */
    DUPLICATE_STATE,
    /** The reference state was discarded or not yet received. */
    UNKNOWN_REFERENCE,
    /** More than 1024 received states held and the quench timer running. */
    QUEUE_FULL,
    /** The diff did not apply to its reference state. */
    BAD_DIFF
}
