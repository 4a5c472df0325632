package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Golden bytes from mosh-protocol.md section 3.6, captured from real mosh 1.4.0. */
class InstructionTest {
    static final String CLIENT_FIRST = "08 02 | 10 00 | 18 01 | 20 00 | 28 00 | 32 08 [0A 06 1A 04 28 50 30 18] | 3A 00";
    static final String SHUTDOWN = "08 02 10 01 18 FF FF FF FF FF FF FF FF FF 01 20 02 28 01 32 00 3A 00";
    static final String CHAFF16 = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";
    static final String SERVER_REPLY = "08 02 10 00 18 02 20 01 28 00 32 1B [0A 04 3A 02 40 01] "
            + "[0A 13 12 11 22 0F 1B 5B 3F 32 35 6C 0A 23 20 1B 5B 3F 32 35 68] 3A 10 " + CHAFF16;

    @Test
    void encodesTheClientsFirstInstruction() {
        byte[] diff = UserMessage.of(new UserMessage.Resize(80, 24)).encode();
        Instruction inst = new Instruction(2, 0, 1, 0, 0, diff, new byte[0]);

        assertThat(inst.encode()).isEqualTo(Hex.bytes(CLIENT_FIRST));
    }

    @Test
    void decodesTheClientsFirstInstruction() throws WireFormatException {
        Instruction inst = Instruction.decode(Hex.bytes(CLIENT_FIRST));

        assertThat(inst.protocolVersion()).isEqualTo(Instruction.PROTOCOL_VERSION);
        assertThat(inst.oldNum()).isZero();
        assertThat(inst.newNum()).isEqualTo(1);
        assertThat(UserMessage.decode(inst.diff()).elements()).containsExactly(new UserMessage.Resize(80, 24));
        assertThat(inst.chaff()).isEmpty();
    }

    @Test
    void decodesTheServersReplyAndReencodesItsDiff() throws WireFormatException {
        Instruction inst = Instruction.decode(Hex.bytes(SERVER_REPLY));

        assertThat(inst.protocolVersion()).isEqualTo(2);
        assertThat(inst.oldNum()).isZero();
        assertThat(inst.newNum()).isEqualTo(2);
        assertThat(inst.ackNum()).isEqualTo(1);
        assertThat(inst.throwawayNum()).isZero();
        assertThat(inst.chaff()).isEqualTo(Hex.bytes(CHAFF16));
        HostMessage diff = HostMessage.decode(inst.diff());
        byte[] screen = "\u001b[?25l\n# \u001b[?25h".getBytes(StandardCharsets.US_ASCII);
        assertThat(diff.elements()).containsExactly(new HostMessage.EchoAck(1), new HostMessage.HostBytes(screen));

        assertThat(diff.encode()).isEqualTo(inst.diff());
        assertThat(inst.encode()).isEqualTo(Hex.bytes(SERVER_REPLY));
    }

    @Test
    void encodesTheShutdownInstruction() throws WireFormatException {
        Instruction shutdown = new Instruction(2, 1, -1L, 2, 1, new byte[0], new byte[0]);

        assertThat(shutdown.encode()).isEqualTo(Hex.bytes(SHUTDOWN));
        assertThat(Instruction.decode(Hex.bytes(SHUTDOWN))).isEqualTo(shutdown);
        assertThat(shutdown.toString()).contains("newNum=18446744073709551615");
    }

    @Test
    void missingFieldsDefaultToZeroAndEmpty() throws WireFormatException {
        assertThat(Instruction.decode(new byte[0])).isEqualTo(new Instruction(0, 0, 0, 0, 0, new byte[0], new byte[0]));
        assertThat(Instruction.decode(Hex.bytes("18 05"))).isEqualTo(new Instruction(0, 0, 5, 0, 0, new byte[0], new byte[0]));
    }

    @Test
    void fieldsMayComeInAnyOrderAndTheLastRepeatWins() throws WireFormatException {
        byte[] data = Hex.bytes("3A 01 AA 28 04 20 03 18 02 10 01 08 02 32 01 BB 18 09");
        assertThat(Instruction.decode(data))
                .isEqualTo(new Instruction(2, 1, 9, 3, 4, Hex.bytes("BB"), Hex.bytes("AA")));
    }

    @Test
    void unknownFieldsAreSkipped() throws WireFormatException {
        byte[] data = Hex.bytes("98 06 2A | 08 02 | A1 06 01 02 03 04 05 06 07 08 | 10 07 | AA 06 01 00 "
                + "| B5 06 01 02 03 04 | 18 08");
        assertThat(Instruction.decode(data)).isEqualTo(new Instruction(2, 7, 8, 0, 0, new byte[0], new byte[0]));
    }

    @Test
    void knownFieldsWithAnotherWireTypeAreSkippedLikeUnknownOnes() throws WireFormatException {
        // old_num as length-delimited, diff as varint: protobuf keeps both as unknown fields
        byte[] data = Hex.bytes("12 01 05 30 07 18 03");
        assertThat(Instruction.decode(data)).isEqualTo(new Instruction(0, 0, 3, 0, 0, new byte[0], new byte[0]));
    }

    @Test
    void protocolVersionKeepsTheLowThirtyTwoBits() throws WireFormatException {
        assertThat(Instruction.decode(Hex.bytes("08 82 80 80 80 10")).protocolVersion()).isEqualTo(2);
    }

    @Test
    void truncatedInputIsAWireFormatException() {
        byte[] full = Hex.bytes(SERVER_REPLY);
        for (int len = 1; len < full.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(full, len);
            boolean endsOnFieldBoundary = len == 2 || len == 4 || len == 6 || len == 8 || len == 10
                    || len == 39;
            if (!endsOnFieldBoundary) {
                assertThatThrownBy(() -> Instruction.decode(cut)).as("first %d bytes", cut.length)
                        .isInstanceOf(WireFormatException.class);
            }
        }
    }

    @Test
    void equalityComparesArrayContents() {
        Instruction a = new Instruction(2, 1, 2, 3, 4, new byte[] {1}, new byte[] {2});
        Instruction b = new Instruction(2, 1, 2, 3, 4, new byte[] {1}, new byte[] {2});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Instruction(2, 1, 2, 3, 4, new byte[] {1}, new byte[] {3}));
        assertThat(a).isNotEqualTo(new Instruction(2, 1, 2, 3, 4, new byte[] {0}, new byte[] {2}));
        assertThat(a.toString()).contains("diff=1 bytes 01", "chaff=02");
    }

    @Test
    void nullArraysAreRejected() {
        assertThatThrownBy(() -> new Instruction(2, 0, 0, 0, 0, null, new byte[0]))
                .isInstanceOf(NullPointerException.class);
    }
}
