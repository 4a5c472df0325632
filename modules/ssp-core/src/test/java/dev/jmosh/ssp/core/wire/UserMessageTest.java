package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.UserMessage.Keystroke;
import dev.jmosh.ssp.core.wire.UserMessage.Resize;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserMessageTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void resizeIsFieldThreeWithWidthAndHeight() {
        assertThat(Hex.dump(UserMessage.of(new Resize(80, 24)).encode())).isEqualTo("0A 06 1A 04 28 50 30 18");
    }

    @Test
    void keystrokeIsFieldTwoWithKeysInFieldFour() {
        assertThat(Hex.dump(UserMessage.of(new Keystroke(ascii("ls\r"))).encode()))
                .isEqualTo("0A 07 12 05 22 03 6C 73 0D");
    }

    @Test
    void emptyKeystrokeStillCarriesItsKeysField() throws WireFormatException {
        byte[] encoded = UserMessage.of(new Keystroke(new byte[0])).encode();
        assertThat(Hex.dump(encoded)).isEqualTo("0A 04 12 02 22 00");
        assertThat(UserMessage.decode(encoded).elements()).containsExactly(new Keystroke(new byte[0]));
    }

    @Test
    void roundTripKeepsOrder() throws WireFormatException {
        UserMessage m = UserMessage.of(new Keystroke(ascii("echo hello\r")), new Resize(100, 30),
                new Keystroke(new byte[] {0x1b, (byte) 0xff}), new Resize(-1, Integer.MAX_VALUE));
        assertThat(UserMessage.decode(m.encode())).isEqualTo(m);
    }

    @Test
    void negativeSizesUseTenByteVarints() throws WireFormatException {
        byte[] encoded = UserMessage.of(new Resize(-1, 1)).encode();
        assertThat(Hex.dump(encoded)).isEqualTo("0A 0F 1A 0D 28 FF FF FF FF FF FF FF FF FF 01 30 01");
        assertThat(UserMessage.decode(encoded).elements()).containsExactly(new Resize(-1, 1));
    }

    @Test
    void elementWithOnlyAnUnknownExtensionIsIgnored() throws WireFormatException {
        // element 1: extension 50 (unknown); element 2: resize 80x24
        byte[] data = Hex.bytes("0A 04 92 03 01 00 | 0A 06 1A 04 28 50 30 18");
        assertThat(UserMessage.decode(data).elements()).containsExactly(new Resize(80, 24));
    }

    @Test
    void unknownFieldsEverywhereAreSkipped() throws WireFormatException {
        // top level: field 99 varint; in the element: field 9 varint; in the keystroke: field 5 fixed32
        byte[] data = Hex.bytes("98 06 01 | 0A 0C 48 01 12 08 22 01 61 2D 01 02 03 04");
        assertThat(UserMessage.decode(data).elements()).containsExactly(new Keystroke(ascii("a")));
    }

    @Test
    void keystrokeWinsOverResizeInOneElementLikeTheServer() throws WireFormatException {
        byte[] data = Hex.bytes("0A 0B 1A 04 28 50 30 18 12 03 22 01 78");
        assertThat(UserMessage.decode(data).elements()).containsExactly(new Keystroke(ascii("x")));
    }

    @Test
    void repeatedResizesInOneElementMergeLikeProtobuf() throws WireFormatException {
        byte[] data = Hex.bytes("0A 0A 1A 04 28 50 30 18 1A 02 30 19");
        assertThat(UserMessage.decode(data).elements()).containsExactly(new Resize(80, 25));
    }

    @Test
    void keystrokeWithoutKeysIsEmpty() throws WireFormatException {
        assertThat(UserMessage.decode(Hex.bytes("0A 02 12 00")).elements()).containsExactly(new Keystroke(new byte[0]));
    }

    @Test
    void emptyMessageHasNoElements() throws WireFormatException {
        assertThat(UserMessage.decode(new byte[0]).elements()).isEmpty();
        assertThat(UserMessage.of().encode()).isEmpty();
    }

    @Test
    void malformedNestedMessagesAreWireFormatExceptions() {
        assertThatThrownBy(() -> UserMessage.decode(Hex.bytes("0A 04 12 02 22 05")))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> UserMessage.decode(Hex.bytes("0A 03 1A 01 28")))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void elementsAreCopiedAndCompareByContent() {
        List<UserMessage.Element> list = new java.util.ArrayList<>(List.of(new Keystroke(ascii("a"))));
        UserMessage m = new UserMessage(list);
        list.clear();
        assertThat(m.elements()).hasSize(1);
        assertThat(new Keystroke(ascii("a"))).isEqualTo(new Keystroke(ascii("a")))
                .hasSameHashCodeAs(new Keystroke(ascii("a")));
        assertThat(new Keystroke(ascii("a\r\u001b"))).hasToString("Keystroke[\"a\\r\\x1b\"]");
    }
}
