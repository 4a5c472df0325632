/**
 * {@code jmosh-server}: mosh-server 1.4.0's contract in Java. It binds a UDP port, prints
 * {@code MOSH CONNECT <port> <key>}, detaches, runs the user's shell (or a command) on a
 * pseudo-terminal, keeps a terminal emulator of its output, and synchronises that screen to
 * the client with SSP, sending echo acknowledgements for the client's local echo.
 *
 * <p>Environment: {@code MOSH_SERVER_NETWORK_TMOUT} and {@code MOSH_SERVER_SIGNAL_TMOUT}
 * (seconds), {@code SHELL}, {@code HOME}, {@code SSH_CONNECTION} (for {@code -s}), the locale
 * variables. System property {@code jmosh.argv0}: the name the launcher was invoked as.
 */
module dev.jmosh.server {
    requires dev.jmosh.ssp;
    requires dev.jmosh.ssp.core;
    requires dev.jmosh.statesync;
    requires dev.jmosh.vt;
    requires dev.jmosh.pty;
    requires jdk.unsupported;

    uses dev.jmosh.ssp.spi.CipherProvider;
    uses dev.jmosh.ssp.spi.TransportProvider;
}
