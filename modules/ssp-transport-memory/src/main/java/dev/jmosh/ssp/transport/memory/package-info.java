/**
 * The in-memory network: {@link dev.jmosh.ssp.transport.memory.MemoryNetwork} and its
 * endpoints, and the {@link dev.jmosh.ssp.transport.memory.ManualClock} that drives a simulated one.
 */
package dev.jmosh.ssp.transport.memory;
