/** A key-value map synchronised over SSP: the state types, a peer that runs a session, and a command line. */
package dev.jmosh.examples.kv;
