/**
 * mosh 1.4.0's two synchronised states: {@link dev.jmosh.statesync.UserStream} (what the user
 * typed and how the window was resized) and {@link dev.jmosh.statesync.CompleteTerminal} (the
 * host's screen and the echo ack). Their diffs are mosh's {@code UserMessage} and
 * {@code HostMessage} protobufs.
 */
package dev.jmosh.statesync;
