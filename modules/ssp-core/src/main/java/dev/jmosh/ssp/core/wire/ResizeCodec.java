package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;

/**
 * The {@code ResizeMessage} both diff types share: {@code optional int32 width = 5;
 * optional int32 height = 6;}, always written with both fields, as mosh does.
 */
final class ResizeCodec {
    static final int F_WIDTH = 5;
    static final int F_HEIGHT = 6;

    private ResizeCodec() {
    }

    static byte[] encode(int width, int height) {
        ProtoWriter w = new ProtoWriter();
        w.int32(F_WIDTH, width);
        w.int32(F_HEIGHT, height);
        return w.toByteArray();
    }

    /**
     * Merges one {@code ResizeMessage} into {@code wh} ({width, height}), as protobuf merges a
     * repeated optional message: fields present here replace those already there.
     */
    static void mergeInto(ProtoReader r, int[] wh) throws WireFormatException {
        while (r.next()) {
            if (r.is(F_WIDTH, ProtoReader.VARINT)) {
                wh[0] = (int) r.varint();
            } else if (r.is(F_HEIGHT, ProtoReader.VARINT)) {
                wh[1] = (int) r.varint();
            }
        }
    }
}
