package dev.jmosh.ssp.transport.udp.internal;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.function.Consumer;

/**
 * A server's socket, mosh-server's one {@code Connection::Socket}: a server never hops, so it
 * has exactly one channel. Until {@link #deliverTo} it is in blocking mode and {@link #receive}
 * blocks in it (on a virtual thread the JDK parks the receive and its poller thread watches the
 * socket). After {@link #deliverTo} the process's one {@link SharedReceiver} reads it, and the
 * channel is non-blocking: a send that finds the socket's buffer full then fails and the
 * datagram is lost, as with mosh-server's {@code MSG_DONTWAIT}. (Before it, such a send waits
 * for room; a UDP socket's buffer fills only when the local qdisc holds about 200 KiB of its
 * datagrams.)
 */
final class UdpServerTransport implements DatagramTransport {
    private final DatagramChannel channel;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(RECEIVE_MTU + 1);
    private final PathMtu mtu;
    private volatile boolean delivering;

    UdpServerTransport(DatagramChannel bound, StandardProtocolFamily family) throws IOException {
        this.channel = bound;
        bound.configureBlocking(true);
        this.mtu = new PathMtu(family);
    }

    @Override
    public void send(byte[] data, int off, int len, InetSocketAddress peer) throws IOException {
        mtu.send(channel, data, off, len, peer);
    }

    @Override
    public synchronized boolean deliverTo(Consumer<ReceivedDatagram> sink) {
        if (delivering) {
            throw new IllegalStateException("this socket's datagrams already go to a sink");
        }
        try {
            channel.configureBlocking(false);
            SharedReceiver.get().add(channel, sink);
        } catch (IOException e) {
            return false; // closed, or no selector: the caller's receive loop reports what is wrong
        }
        delivering = true;
        return true;
    }

    @Override
    public ReceivedDatagram receive(long timeoutMillis) throws IOException {
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        if (delivering) {
            throw new IllegalStateException("this socket's datagrams go to the sink given to deliverTo");
        }
        if (timeoutMillis < 0) {
            receiveBuffer.clear();
            InetSocketAddress source = (InetSocketAddress) channel.receive(receiveBuffer);
            return copy(receiveBuffer.array(), receiveBuffer.position(), source);
        }
        DatagramPacket packet = new DatagramPacket(receiveBuffer.array(), receiveBuffer.capacity());
        try {
            channel.socket().setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            channel.socket().receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (SocketException e) {
            if (!channel.isOpen()) {
                throw new ClosedChannelException();
            }
            throw e;
        }
        return copy(packet.getData(), packet.getLength(), (InetSocketAddress) packet.getSocketAddress());
    }

    private static ReceivedDatagram copy(byte[] buffer, int length, InetSocketAddress source) {
        byte[] data = new byte[length];
        System.arraycopy(buffer, 0, data, 0, length);
        return new ReceivedDatagram(data, length, source, false);
    }

    @Override
    public int mtu() {
        return mtu.value();
    }

    @Override
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void hop() {
        // a server's port is the one it printed in MOSH CONNECT
    }

    @Override
    public void close() {
        try {
            channel.close();
            if (delivering) {
                SharedReceiver.get().closed();
            }
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
