package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.LimitExceededException;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Fragmenter;
import dev.jmosh.ssp.core.wire.Instruction;
import dev.jmosh.ssp.core.wire.TestCiphers;
import dev.jmosh.ssp.transport.memory.ManualClock;
import dev.jmosh.ssp.transport.memory.MemoryEndpoint;
import dev.jmosh.ssp.transport.memory.MemoryNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A forged client (issue 17) that never lets the server throw a state away: the states the
 * server holds for it are bounded by {@link Transport#RECEIVED_BYTES_MAX} bytes of diff, and
 * the state that would pass it is refused with {@link LimitExceededException}.
 */
class ReceivedBytesLimitTest {
    private static final int DIFF_BYTES = 3_900_000;

    private final ManualClock clock = new ManualClock(1_000_000);
    private final MemoryNetwork link = MemoryNetwork.simulated(clock, 7);
    private final MemoryEndpoint clientEnd = link.endpoint(40000);
    private final MemoryEndpoint serverEnd = link.endpoint(60001);
    private final Connection forged = Connection.client(clientEnd, TestCiphers.ocb(42), serverEnd.localAddress(), clock);
    private final Transport<ByteLog, ByteLog> server = new Transport<>(Connection.server(serverEnd, TestCiphers.ocb(42),
            clock), new ByteLog(), new ByteLog(), clock, new SplittableRandom(1));
    private final Fragmenter fragmenter = new Fragmenter();

    /** Sends state {@code newNum} as {@code diff} from {@code oldNum}, throwaway 0 (nothing may go). */
    private void send(long oldNum, long newNum, byte[] diff) throws Exception {
        Instruction inst = new Instruction(2, oldNum, newNum, 0, 0, diff, new byte[0]);
        for (Fragment f : fragmenter.fragment(inst, 1200)) {
            forged.send(f.toBytes());
        }
        link.deliverDue();
        for (ReceivedDatagram d; (d = serverEnd.poll()) != null; ) {
            server.receive(d);
        }
    }

    @Test
    void statesBuiltOnOneAnotherCountOnlyTheirNewBytes() throws Exception {
        send(0, 1, new byte[DIFF_BYTES]);
        for (int n = 2; n <= 7; n++) {
            send(n - 1, n, new byte[] {'x'});
        }
        assertThat(server.remoteStateNum()).isEqualTo(7);
        assertThat(server.receivedAddedBytes()).isEqualTo(DIFF_BYTES + 6);
    }

    @Test
    void aClientThatNeverLetsStatesGoIsStoppedAtTheBound() throws Exception {
        long n = 0;
        while (server.receivedAddedBytes() + DIFF_BYTES <= Transport.RECEIVED_BYTES_MAX) {
            send(0, ++n, new byte[DIFF_BYTES]);
            clock.advance(1);
        }
        assertThat(server.remoteStateNum()).isEqualTo(n);
        long held = server.receivedAddedBytes();
        long next = n + 1;
        assertThatThrownBy(() -> send(0, next, new byte[DIFF_BYTES])).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("more than " + Transport.RECEIVED_BYTES_MAX);
        assertThat(server.receivedAddedBytes()).as("the refused state is not kept").isEqualTo(held);
        assertThat(server.remoteStateNum()).isEqualTo(n);
    }
}
