package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The server-to-client diff, mosh's {@code HostBuffers.HostMessage}: terminal output, the
 * screen size and the echo ack.
 *
 * <pre>
 *  HostMessage { repeated Instruction instruction = 1; }            0A len &lt;Instruction&gt;
 *  Instruction { extensions 2 to max; }  one extension per element:
 *    hostbytes = 2 : HostBytes     { optional bytes hoststring = 4; }    12 len [22 len bytes]
 *    resize    = 3 : ResizeMessage { optional int32 width = 5;           1A len [28 w 30 h]
 *                                    optional int32 height = 6; }
 *    echoack   = 7 : EchoAck       { optional uint64 echo_ack_num = 8; } 3A len [40 num]
 * </pre>
 *
 * <p>mosh-server sends, in this order, an echo ack (if it changed), a resize (if the size
 * changed) and the host bytes (if any). Decoding follows the C++ client
 * ({@code Complete::apply_string}): an element with host bytes is {@link HostBytes}, else one
 * with a resize is {@link Resize}, else one with an echo ack is {@link EchoAck}; an element with
 * none of them is ignored, not rejected.
 *
 * @param elements the elements, in order
 */
public record HostMessage(List<Element> elements) {
    private static final int F_INSTRUCTION = 1;
    private static final int F_HOSTBYTES = 2;
    private static final int F_RESIZE = 3;
    private static final int F_HOSTSTRING = 4;
    private static final int F_ECHOACK = 7;
    private static final int F_ECHO_ACK_NUM = 8;

    /** One element of a host diff. */
    public sealed interface Element permits HostBytes, Resize, EchoAck {
    }

    /**
     * Bytes for the client's terminal emulator (mosh's frame update, a VT byte stream).
     *
     * @param bytes the VT bytes, not copied
     */
    public record HostBytes(byte[] bytes) implements Element {
        /** Checks that the bytes are present. */
        public HostBytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HostBytes h && Arrays.equals(bytes, h.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "HostBytes[" + ByteArrays.quote(bytes) + "]";
        }
    }

    /**
     * The server's terminal size.
     *
     * @param width columns
     * @param height rows
     */
    public record Resize(int width, int height) implements Element {
    }

    /**
     * The newest client state whose keystrokes the server's terminal has processed (for the
     * client's prediction engine).
     *
     * @param num a client state number, unsigned
     */
    public record EchoAck(long num) implements Element {
        @Override
        public String toString() {
            return "EchoAck[" + Long.toUnsignedString(num) + "]";
        }
    }

    /** Copies the element list. */
    public HostMessage {
        elements = List.copyOf(elements);
    }

    /** A message of the given elements. */
    public static HostMessage of(Element... elements) {
        return new HostMessage(List.of(elements));
    }

    /** Serializes the message as mosh's server does. */
    public byte[] encode() {
        ProtoWriter out = new ProtoWriter();
        for (Element e : elements) {
            ProtoWriter inst = new ProtoWriter();
            ProtoWriter ext = new ProtoWriter();
            if (e instanceof HostBytes h) {
                ext.bytes(F_HOSTSTRING, h.bytes());
                inst.message(F_HOSTBYTES, ext.toByteArray());
            } else if (e instanceof Resize r) {
                inst.message(F_RESIZE, ResizeCodec.encode(r.width(), r.height()));
            } else if (e instanceof EchoAck a) {
                ext.uint64(F_ECHO_ACK_NUM, a.num());
                inst.message(F_ECHOACK, ext.toByteArray());
            }
            out.message(F_INSTRUCTION, inst.toByteArray());
        }
        return out.toByteArray();
    }

    /**
     * Parses a host diff.
     *
     * @throws WireFormatException when the bytes are not well-formed protobuf
     */
    public static HostMessage decode(byte[] data) throws WireFormatException {
        List<Element> elements = new ArrayList<>();
        ProtoReader r = new ProtoReader(data);
        while (r.next()) {
            if (r.is(F_INSTRUCTION, ProtoReader.LENGTH_DELIMITED)) {
                Element e = decodeElement(r.message());
                if (e != null) {
                    elements.add(e);
                }
            }
        }
        return new HostMessage(elements);
    }

    private static Element decodeElement(ProtoReader r) throws WireFormatException {
        byte[] hostString = null;
        int[] resize = null;
        Long echoAck = null;
        while (r.next()) {
            if (r.is(F_HOSTBYTES, ProtoReader.LENGTH_DELIMITED)) {
                ProtoReader h = r.message();
                hostString = hostString == null ? ByteArrays.EMPTY : hostString;
                while (h.next()) {
                    if (h.is(F_HOSTSTRING, ProtoReader.LENGTH_DELIMITED)) {
                        hostString = h.bytes();
                    }
                }
            } else if (r.is(F_RESIZE, ProtoReader.LENGTH_DELIMITED)) {
                resize = resize == null ? new int[2] : resize;
                ResizeCodec.mergeInto(r.message(), resize);
            } else if (r.is(F_ECHOACK, ProtoReader.LENGTH_DELIMITED)) {
                ProtoReader a = r.message();
                echoAck = echoAck == null ? 0L : echoAck;
                while (a.next()) {
                    if (a.is(F_ECHO_ACK_NUM, ProtoReader.VARINT)) {
                        echoAck = a.varint();
                    }
                }
            }
        }
        if (hostString != null) {
            return new HostBytes(hostString);
        }
        if (resize != null) {
            return new Resize(resize[0], resize[1]);
        }
        return echoAck == null ? null : new EchoAck(echoAck);
    }
}
