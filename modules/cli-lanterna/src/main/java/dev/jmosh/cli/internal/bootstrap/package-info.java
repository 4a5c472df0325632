/**
 * The {@code jmosh} wrapper's bootstrap, as mosh 1.4.0's {@code scripts/mosh.pl} does it: the
 * command line (Getopt::Long's rules), the server's arguments, ssh with this program as its
 * ProxyCommand ({@link dev.jmosh.cli.internal.bootstrap.FakeProxy}), and reading
 * {@code MOSH CONNECT}. It knows nothing of the session itself, which the client runs afterwards.
 */
package dev.jmosh.cli.internal.bootstrap;
