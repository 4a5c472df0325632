/**
 * The SSP engine: {@link dev.jmosh.ssp.core.Connection} (mosh's datagram layer: sequence
 * numbers, timestamps, RTT, the roaming target), {@link dev.jmosh.ssp.core.TransportSender}
 * (numbered states, timers, acks, shutdown) and {@link dev.jmosh.ssp.core.Transport} (the
 * receiver of the peer's states, owning the other two).
 *
 * <p>Nothing here starts a thread, sleeps or reads the system clock: an application loop feeds
 * received datagrams to {@link dev.jmosh.ssp.core.Transport#receive}, calls
 * {@link dev.jmosh.ssp.core.Transport#tick} and waits at most
 * {@link dev.jmosh.ssp.core.Transport#waitTime} milliseconds between calls.
 */
package dev.jmosh.ssp.core;
