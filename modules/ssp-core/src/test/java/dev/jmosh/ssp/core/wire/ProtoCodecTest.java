package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtoCodecTest {
    @Test
    void varintsUseSevenBitsPerByteLowGroupFirst() {
        ProtoWriter w = new ProtoWriter();
        w.uint64(1, 0);
        w.uint64(1, 1);
        w.uint64(1, 127);
        w.uint64(1, 128);
        w.uint64(1, 300);
        assertThat(Hex.dump(w.toByteArray())).isEqualTo("08 00 08 01 08 7F 08 80 01 08 AC 02");
    }

    @Test
    void unsignedSixtyFourBitMaximumTakesTenBytes() {
        ProtoWriter w = new ProtoWriter();
        w.uint64(3, -1L);
        assertThat(Hex.dump(w.toByteArray())).isEqualTo("18 FF FF FF FF FF FF FF FF FF 01");
        assertThat(ProtoWriter.varintSize(-1L)).isEqualTo(10);
        assertThat(ProtoWriter.varintSize(0)).isEqualTo(1);
        assertThat(ProtoWriter.varintSize(1L << 63)).isEqualTo(10);
    }

    @Test
    void uint32IsUnsignedButInt32IsSignExtended() {
        ProtoWriter w = new ProtoWriter();
        w.uint32(1, -1);
        assertThat(Hex.dump(w.toByteArray())).isEqualTo("08 FF FF FF FF 0F");

        ProtoWriter s = new ProtoWriter();
        s.int32(5, -1);
        assertThat(Hex.dump(s.toByteArray())).isEqualTo("28 FF FF FF FF FF FF FF FF FF 01");
    }

    @Test
    void bytesAndMessagesAreLengthDelimited() {
        ProtoWriter w = new ProtoWriter();
        w.bytes(4, new byte[] {1, 2, 3});
        w.message(2, new byte[0]);
        w.bytes(7, new byte[] {9, 8, 7, 6}, 1, 2);
        assertThat(Hex.dump(w.toByteArray())).isEqualTo("22 03 01 02 03 12 00 3A 02 08 07");
        assertThat(w.size()).isEqualTo(11);
    }

    @Test
    void largeFieldNumbersAndBigPayloadsGrowTheBuffer() throws WireFormatException {
        ProtoWriter w = new ProtoWriter();
        byte[] big = new byte[100_000];
        big[99_999] = 42;
        w.bytes(ProtoWriter.MAX_FIELD, big);
        ProtoReader r = new ProtoReader(w.toByteArray());
        assertThat(r.next()).isTrue();
        assertThat(r.field()).isEqualTo(ProtoWriter.MAX_FIELD);
        assertThat(r.bytes()).isEqualTo(big);
        assertThat(r.next()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, ProtoWriter.MAX_FIELD + 1})
    void fieldNumbersOutOfRangeAreAProgrammingError(int field) {
        assertThatThrownBy(() -> new ProtoWriter().uint64(field, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readerSkipsEveryKnownWireType() throws WireFormatException {
        // 99 varint, 100 fixed64, 101 length-delimited, 102 fixed32, then field 1 = 5
        byte[] data = Hex.bytes("98 06 96 01 | A1 06 01 02 03 04 05 06 07 08 | AA 06 02 AB CD "
                + "| B5 06 01 02 03 04 | 08 05");
        ProtoReader r = new ProtoReader(data);
        int[] seen = new int[5];
        int i = 0;
        while (r.next()) {
            seen[i++] = r.field();
            if (r.field() == 1) {
                assertThat(r.varint()).isEqualTo(5);
            }
        }
        assertThat(seen).containsExactly(99, 100, 101, 102, 1);
    }

    @Test
    void explicitSkipWorksToo() throws WireFormatException {
        ProtoReader r = new ProtoReader(Hex.bytes("0A 02 01 02 10 07"));
        assertThat(r.next()).isTrue();
        assertThat(r.wireType()).isEqualTo(ProtoReader.LENGTH_DELIMITED);
        r.skip();
        assertThat(r.next()).isTrue();
        assertThat(r.is(2, ProtoReader.VARINT)).isTrue();
        assertThat(r.varint()).isEqualTo(7);
        assertThat(r.next()).isFalse();
    }

    @Test
    void readerHonoursItsWindow() throws WireFormatException {
        byte[] data = Hex.bytes("FF FF 08 05 FF");
        ProtoReader r = new ProtoReader(data, 2, 2);
        assertThat(r.next()).isTrue();
        assertThat(r.varint()).isEqualTo(5);
        assertThat(r.next()).isFalse();
    }

    @Test
    void nestedMessageReaderSeesOnlyItsBytes() throws WireFormatException {
        ProtoReader r = new ProtoReader(Hex.bytes("0A 02 08 01 10 02"));
        assertThat(r.next()).isTrue();
        ProtoReader inner = r.message();
        assertThat(inner.next()).isTrue();
        assertThat(inner.varint()).isEqualTo(1);
        assertThat(inner.next()).isFalse();
        assertThat(r.next()).isTrue();
        assertThat(r.field()).isEqualTo(2);
    }

    @Test
    void tenByteVarintDropsBitsBeyondSixtyFour() throws WireFormatException {
        ProtoReader r = new ProtoReader(Hex.bytes("08 FF FF FF FF FF FF FF FF FF 7F"));
        r.next();
        assertThat(r.varint()).isEqualTo(-1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "08",                                   // value missing
        "08 80",                                // truncated varint
        "08 80 80 80 80 80 80 80 80 80 80 01",  // 11-byte varint
        "80",                                   // truncated tag
        "0A 05 01 02",                          // length beyond the end
        "0A FF FF FF FF 0F",                    // length of 4 GiB
        "0A FF FF FF FF FF FF FF FF FF 01",     // length of 2^64 - 1
        "09 01 02 03",                          // truncated fixed64
        "0D 01 02",                             // truncated fixed32
        "0B 0C",                                // group (wire type 3)
        "0C",                                   // end group (wire type 4)
        "0E 00",                                // wire type 6
        "0F 00",                                // wire type 7
        "00 00",                                // field number 0
        "80 80 80 80 80 01 00",                 // tag beyond 32 bits
    })
    void malformedInputIsAWireFormatException(String dump) {
        assertThatThrownBy(() -> {
            ProtoReader r = new ProtoReader(Hex.bytes(dump));
            while (r.next()) {
                // skip everything
            }
        }).isInstanceOf(WireFormatException.class);
    }

    @Test
    void readingAValueOfAnotherWireTypeIsAWireFormatException() throws WireFormatException {
        ProtoReader r = new ProtoReader(Hex.bytes("08 01"));
        r.next();
        assertThatThrownBy(r::bytes).isInstanceOf(WireFormatException.class);

        ProtoReader s = new ProtoReader(Hex.bytes("0A 00"));
        s.next();
        assertThatThrownBy(s::varint).isInstanceOf(WireFormatException.class);
    }

    @Test
    void readingTwiceIsAProgrammingError() throws WireFormatException {
        ProtoReader r = new ProtoReader(Hex.bytes("08 01"));
        r.next();
        r.varint();
        assertThatThrownBy(r::varint).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::skip).isInstanceOf(IllegalStateException.class);
    }
}
