package dev.jmosh.server.internal;

import dev.jmosh.ssp.ReceivedDatagram;

/** Something that happened outside the server's loop thread, queued for it. */
sealed interface ServerEvent {
    /** A datagram arrived. */
    record Datagram(ReceivedDatagram datagram) implements ServerEvent {
    }

    /** A socket error while receiving. */
    record NetworkError(String message) implements ServerEvent {
    }

    /** The child wrote to the terminal. */
    record HostOutput(byte[] bytes) implements ServerEvent {
    }

    /** The terminal's output ended (EOF or EIO): the child is gone or has closed it. */
    record HostClosed() implements ServerEvent {
    }

    /** SIGTERM or SIGINT. */
    record Terminate() implements ServerEvent {
    }

    /** SIGUSR1: shut down if the client has been silent long enough. */
    record User1() implements ServerEvent {
    }
}
