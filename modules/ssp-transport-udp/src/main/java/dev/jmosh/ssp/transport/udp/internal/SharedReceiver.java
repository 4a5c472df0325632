package dev.jmosh.ssp.transport.udp.internal;

import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.ReceivedDatagram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The one receiving thread of a process's server sockets ({@link UdpServerTransport#deliverTo}):
 * a {@link Selector} over all of them and one buffer, so a datagram costs a read and whatever its
 * sink does with it (a forged one: a failed tag check), not a thread and a wake-up per socket as
 * well. mosh-server's own loop does the same per process. Each ready socket is read at most
 * {@value #BATCH} times before the others get their turn, so a flood at one socket delays the
 * others' datagrams by a bounded amount; the excess waits in, and overflows from, that socket's
 * own kernel buffer.
 */
final class SharedReceiver {
    /** Datagrams read from one ready socket before the next one's turn. */
    static final int BATCH = 16;
    private static SharedReceiver instance;

    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocate(DatagramTransport.RECEIVE_MTU + 1);
    private final Queue<Registration> joining = new ConcurrentLinkedQueue<>();

    private record Registration(DatagramChannel channel, Consumer<ReceivedDatagram> sink) {
    }

    private SharedReceiver() throws IOException {
        this.selector = Selector.open();
    }

    /** The process's receiver, started on first use. */
    static synchronized SharedReceiver get() throws IOException {
        if (instance == null) {
            SharedReceiver r = new SharedReceiver();
            Thread t = new Thread(r::run, "jmosh-udp-receive");
            t.setDaemon(true);
            t.start();
            instance = r;
        }
        return instance;
    }

    /** Receives for {@code channel} (non-blocking) from now on, handing each datagram to {@code sink}. */
    void add(DatagramChannel channel, Consumer<ReceivedDatagram> sink) {
        joining.add(new Registration(channel, sink));
        selector.wakeup();
    }

    /** A registered channel was closed: the selector lets go of its descriptor now rather than on its next datagram. */
    void closed() {
        selector.wakeup();
    }

    private void run() {
        while (true) {
            try {
                selector.select(this::drain);
                for (Registration r; (r = joining.poll()) != null; ) {
                    try {
                        r.channel.register(selector, SelectionKey.OP_READ, r.sink);
                    } catch (ClosedChannelException e) {
                        // closed before it joined
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                // keep receiving for the other sockets whatever went wrong with one
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void drain(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        Consumer<ReceivedDatagram> sink = (Consumer<ReceivedDatagram>) key.attachment();
        for (int i = 0; i < BATCH; i++) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    key.cancel();
                }
                return; // else tried again on the next round, as mosh's loop does
            }
            if (source == null) {
                return;
            }
            try {
                sink.accept(new ReceivedDatagram(buffer.array(), buffer.position(), source, false));
            } catch (RuntimeException | Error e) {
                // the sink's endpoint bounds its own failures; this thread serves the others
            }
        }
    }
}
