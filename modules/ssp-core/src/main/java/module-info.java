/**
 * The State Synchronization Protocol engine of jmosh, wire-compatible with mosh 1.4.0: the
 * datagram layer (nonces, timestamps, RTT), fragments, zlib, the protobuf codec of mosh's three
 * messages, and the sender and receiver of numbered states ({@code Transport}).
 *
 * <p>Its API is the engine an application drives ({@code Connection}, {@code Transport} with its
 * {@code TransportSender} and {@code TransportStats}, {@code DatagramPump}); the wire codec is
 * exported to {@code dev.jmosh.statesync} only. It reads time only through an injected
 * {@link dev.jmosh.ssp.Clock}, so every timing rule can be tested without sleeping.
 */
module dev.jmosh.ssp.core {
    requires transitive dev.jmosh.ssp;

    exports dev.jmosh.ssp.core;
    // mosh's messages on the wire: for the module that encodes its states, not for embedders
    exports dev.jmosh.ssp.core.wire to dev.jmosh.statesync;
}
