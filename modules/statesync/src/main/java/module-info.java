/**
 * The two states mosh 1.4.0 synchronises, and the only module that knows both the network and
 * the terminal: {@code UserStream} (keystrokes and resizes, client to server) and
 * {@code CompleteTerminal} (the emulator's framebuffer plus the echo ack, server to client).
 * Provides the {@link dev.jmosh.ssp.spi.StateTypeProvider} named {@code mosh}.
 */
module dev.jmosh.statesync {
    requires transitive dev.jmosh.ssp;
    requires transitive dev.jmosh.vt;
    requires dev.jmosh.ssp.core;

    exports dev.jmosh.statesync;

    provides dev.jmosh.ssp.spi.StateTypeProvider with dev.jmosh.statesync.internal.MoshStateTypes;
}
