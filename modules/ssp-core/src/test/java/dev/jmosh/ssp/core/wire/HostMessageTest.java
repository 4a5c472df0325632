package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.HostMessage.EchoAck;
import dev.jmosh.ssp.core.wire.HostMessage.HostBytes;
import dev.jmosh.ssp.core.wire.HostMessage.Resize;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostMessageTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void encodesTheCapturedServerDiff() {
        HostMessage m = HostMessage.of(new EchoAck(1), new HostBytes(ascii("\u001b[?25l\n# \u001b[?25h")));
        assertThat(m.encode()).isEqualTo(Hex.bytes(
                "[0A 04 3A 02 40 01] [0A 13 12 11 22 0F 1B 5B 3F 32 35 6C 0A 23 20 1B 5B 3F 32 35 68]"));
    }

    @Test
    void resizeAndLargeEchoAckRoundTrip() throws WireFormatException {
        HostMessage m = HostMessage.of(new EchoAck(-1L), new Resize(200, 60), new HostBytes(new byte[3000]));
        byte[] encoded = m.encode();
        assertThat(HostMessage.decode(encoded)).isEqualTo(m);
        assertThat(Hex.dump(java.util.Arrays.copyOf(encoded, 15))).isEqualTo("0A 0D 3A 0B 40 FF FF FF FF FF FF FF FF FF 01");
    }

    @Test
    void unknownExtensionFiftyIsSkippedAndItsElementIgnored() throws WireFormatException {
        byte[] data = Hex.bytes("0A 04 3A 02 40 05 | 0A 05 92 03 02 08 01 | 0A 06 1A 04 28 50 30 18");
        assertThat(HostMessage.decode(data).elements()).containsExactly(new EchoAck(5), new Resize(80, 24));
    }

    @Test
    void unknownExtensionNextToAKnownOneIsSkipped() throws WireFormatException {
        byte[] data = Hex.bytes("0A 09 92 03 02 08 01 3A 02 40 07");
        assertThat(HostMessage.decode(data).elements()).containsExactly(new EchoAck(7));
    }

    @Test
    void precedenceIsHostBytesThenResizeThenEchoAckLikeTheClient() throws WireFormatException {
        byte[] all = Hex.bytes("0A 0F 3A 02 40 01 1A 04 28 50 30 18 12 03 22 01 41");
        assertThat(HostMessage.decode(all).elements()).containsExactly(new HostBytes(ascii("A")));
        byte[] resizeAndAck = Hex.bytes("0A 0A 3A 02 40 01 1A 04 28 50 30 18");
        assertThat(HostMessage.decode(resizeAndAck).elements()).containsExactly(new Resize(80, 24));
    }

    @Test
    void emptyExtensionsDecodeToDefaults() throws WireFormatException {
        assertThat(HostMessage.decode(Hex.bytes("0A 02 3A 00 0A 02 12 00 0A 02 1A 00")).elements())
                .containsExactly(new EchoAck(0), new HostBytes(new byte[0]), new Resize(0, 0));
    }

    @Test
    void malformedInputIsAWireFormatException() {
        assertThatThrownBy(() -> HostMessage.decode(Hex.bytes("0A 04 3A 02 40"))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> HostMessage.decode(Hex.bytes("0A 03 3A 01 40"))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> HostMessage.decode(Hex.bytes("0B"))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void toStringsAreReadable() {
        assertThat(new EchoAck(-1L)).hasToString("EchoAck[18446744073709551615]");
        assertThat(new HostBytes(new byte[100]).toString()).endsWith("...(+36 bytes)]");
    }
}
