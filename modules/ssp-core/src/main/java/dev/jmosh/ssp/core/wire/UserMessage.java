package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The client-to-server diff, mosh's {@code ClientBuffers.UserMessage}: keystrokes and window
 * resizes, in order.
 *
 * <pre>
 *  UserMessage { repeated Instruction instruction = 1; }          0A len &lt;Instruction&gt;
 *  Instruction { extensions 2 to max; }  one extension per element:
 *    keystroke = 2 : Keystroke     { optional bytes keys = 4; }    12 len [22 len keys]
 *    resize    = 3 : ResizeMessage { optional int32 width = 5;     1A len [28 w 30 h]
 *                                    optional int32 height = 6; }
 * </pre>
 *
 * <p>Decoding follows the C++ server ({@code UserStream::apply_string}): an element that carries
 * a keystroke is a {@link Keystroke}, else one that carries a resize is a {@link Resize}, and an
 * element with neither (only unknown extensions) is ignored, not rejected. Repeated extensions in
 * one element merge as protobuf merges them.
 *
 * @param elements the events, in order
 */
public record UserMessage(List<Element> elements) {
    private static final int F_INSTRUCTION = 1;
    private static final int F_KEYSTROKE = 2;
    private static final int F_RESIZE = 3;
    private static final int F_KEYS = 4;

    /** One event of the user's input stream. */
    public sealed interface Element permits Keystroke, Resize {
    }

    /**
     * Bytes typed by the user (mosh merges consecutive keystrokes into one element).
     *
     * @param keys the bytes, not copied
     */
    public record Keystroke(byte[] keys) implements Element {
        /** Checks that the bytes are present. */
        public Keystroke {
            Objects.requireNonNull(keys, "keys");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Keystroke k && Arrays.equals(keys, k.keys);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }

        @Override
        public String toString() {
            return "Keystroke[" + ByteArrays.quote(keys) + "]";
        }
    }

    /**
     * The client's window size changed.
     *
     * @param width columns
     * @param height rows
     */
    public record Resize(int width, int height) implements Element {
    }

    /** Copies the element list. */
    public UserMessage {
        elements = List.copyOf(elements);
    }

    /** A message of the given elements. */
    public static UserMessage of(Element... elements) {
        return new UserMessage(List.of(elements));
    }

    /** Serializes the message as mosh's client does. */
    public byte[] encode() {
        ProtoWriter out = new ProtoWriter();
        for (Element e : elements) {
            ProtoWriter inst = new ProtoWriter();
            if (e instanceof Keystroke k) {
                ProtoWriter keystroke = new ProtoWriter();
                keystroke.bytes(F_KEYS, k.keys());
                inst.message(F_KEYSTROKE, keystroke.toByteArray());
            } else if (e instanceof Resize r) {
                inst.message(F_RESIZE, ResizeCodec.encode(r.width(), r.height()));
            }
            out.message(F_INSTRUCTION, inst.toByteArray());
        }
        return out.toByteArray();
    }

    /**
     * Parses a client diff.
     *
     * @throws WireFormatException when the bytes are not well-formed protobuf
     */
    public static UserMessage decode(byte[] data) throws WireFormatException {
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
        return new UserMessage(elements);
    }

    private static Element decodeElement(ProtoReader r) throws WireFormatException {
        byte[] keys = null;
        int[] resize = null;
        while (r.next()) {
            if (r.is(F_KEYSTROKE, ProtoReader.LENGTH_DELIMITED)) {
                ProtoReader k = r.message();
                keys = keys == null ? ByteArrays.EMPTY : keys;
                while (k.next()) {
                    if (k.is(F_KEYS, ProtoReader.LENGTH_DELIMITED)) {
                        keys = k.bytes();
                    }
                }
            } else if (r.is(F_RESIZE, ProtoReader.LENGTH_DELIMITED)) {
                resize = resize == null ? new int[2] : resize;
                ResizeCodec.mergeInto(r.message(), resize);
            }
        }
        if (keys != null) {
            return new Keystroke(keys);
        }
        return resize == null ? null : new Resize(resize[0], resize[1]);
    }
}
