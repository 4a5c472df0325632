/** The UDP implementation of {@link dev.jmosh.ssp.DatagramTransport}; not exported. */
package dev.jmosh.ssp.transport.udp.internal;
