/**
 * An example of the state-type SPI: a key-value map that two programs edit over SSP, with no
 * terminal anywhere. The client's state is a log of its edits ({@code EditLog}, a log like
 * mosh's {@code UserStream}); the server's is the map itself ({@code KvMap}), into which it
 * applies the client's edits and its own. SSP's acknowledgments, resends, roaming and loss
 * handling apply unchanged. Provides the state types named {@code kv}.
 */
module dev.jmosh.examples.kv {
    requires dev.jmosh.ssp.core;

    exports dev.jmosh.examples.kv;

    provides dev.jmosh.ssp.spi.StateTypeProvider with dev.jmosh.examples.kv.KvStateTypes;
}
