package dev.jmosh.ssp;

import java.net.InetSocketAddress;

/**
 * One datagram as it came off the network.
 *
 * @param data the bytes; {@code length} of them are valid
 * @param length the datagram's length; above {@link DatagramTransport#RECEIVE_MTU} only the
 *     first {@code RECEIVE_MTU} bytes are kept and the datagram must be dropped as oversize
 * @param source where it came from
 * @param congestionExperienced whether the IP header carried ECN CE (false when unknown)
 */
public record ReceivedDatagram(byte[] data, int length, InetSocketAddress source,
        boolean congestionExperienced) {
}
