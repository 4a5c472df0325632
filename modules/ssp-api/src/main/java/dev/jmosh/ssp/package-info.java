/**
 * Value types of the State Synchronization Protocol shared by all jmosh layers: the session key,
 * the nonce with its direction bit, the synchronised-state contract, and provider selection.
 */
package dev.jmosh.ssp;
