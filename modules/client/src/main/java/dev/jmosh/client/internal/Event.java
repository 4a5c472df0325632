package dev.jmosh.client.internal;

import dev.jmosh.ssp.ReceivedDatagram;

/** Something that happened outside the session's thread, queued for it. */
public sealed interface Event {
    /** Bytes the user typed. */
    record Input(byte[] bytes) implements Event {
    }

    /** The user's input ended (stdin EOF or error). */
    record InputClosed() implements Event {
    }

    /** The local window changed size. */
    record Resize(int columns, int rows) implements Event {
    }

    /** A datagram arrived. */
    record Datagram(ReceivedDatagram datagram) implements Event {
    }

    /** A socket error while receiving. */
    record NetworkError(String message) implements Event {
    }

    /** The process was continued after a stop (SIGCONT). */
    record Continued() implements Event {
    }

    /** A termination signal (TERM, INT, HUP, PIPE). */
    record Terminate() implements Event {
    }

    /** Stop at once, without a handshake (the embedder closed the session). */
    record Abort() implements Event {
    }
}
