package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.Packet;
import dev.jmosh.ssp.core.wire.TestCiphers;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class DatagramGateTest {
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 40000);
    private final DatagramGate gate = DatagramGate.server(TestCiphers.ocb(42));

    private static ReceivedDatagram datagram(byte[] bytes) {
        return new ReceivedDatagram(bytes, bytes.length, FROM, false);
    }

    private static byte[] sealed(Direction direction, long key) {
        return new Packet(Nonce.of(direction, 7), 1, Packet.TIMESTAMP_NONE, new byte[] {1, 2, 3})
                .seal(TestCiphers.ocb(key));
    }

    @Test
    void theClientsDatagramPassesAndEveryOtherIsRefusedAsTheConnectionRefusesIt() throws Exception {
        gate.check(datagram(sealed(Direction.TO_SERVER, 42)));
        assertThatThrownBy(() -> gate.check(datagram(sealed(Direction.TO_SERVER, 43)))).isInstanceOf(CryptoException.class)
                .hasMessage("Packet failed integrity check.");
        assertThatThrownBy(() -> gate.check(datagram(sealed(Direction.TO_CLIENT, 42)))).as("our own, reflected")
                .isInstanceOf(CryptoException.class).hasMessage("Illegal counterparty input (possible denial of service)");
        assertThatThrownBy(() -> gate.check(datagram(new byte[10]))).isInstanceOf(CryptoException.class)
                .hasMessage("Ciphertext must contain nonce and tag.");
        assertThatThrownBy(() -> gate.check(datagram(new byte[DatagramTransport.RECEIVE_MTU + 1])))
                .isInstanceOf(WireFormatException.class).hasMessage("Received oversize datagram");
    }
}
