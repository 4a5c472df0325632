/**
 * The State Synchronization Protocol engine of jmosh, wire-compatible with mosh 1.4.0: the
 * datagram layer (nonces, timestamps, RTT), fragments, zlib, the protobuf codec of mosh's three
 * messages, and the sender and receiver of numbered states ({@code Transport}).
 *
 * <p>It reads time only through an injected {@link dev.jmosh.ssp.Clock}, so every timing rule can
 * be tested without sleeping.
 */
module dev.jmosh.ssp.core {
    requires transitive dev.jmosh.ssp;

    exports dev.jmosh.ssp.core;
    exports dev.jmosh.ssp.core.wire;
}
