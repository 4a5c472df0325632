package dev.jmosh.examples.kv;

import dev.jmosh.ssp.WireFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One edit of the map: set {@code key} to {@code value}, or remove it ({@code value} null). A
 * diff of either state is a list of edits: a byte 1 (set) or 2 (remove), then the key and, for
 * a set, the value, each as {@link DataOutputStream#writeUTF}.
 *
 * @param key the key
 * @param value the new value, or null to remove the key
 */
public record Edit(String key, String value) {
    /** Checks the key. */
    public Edit {
        Objects.requireNonNull(key, "key");
    }

    static byte[] encode(List<Edit> edits) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Edit e : edits) {
                out.writeByte(e.value == null ? 2 : 1);
                out.writeUTF(e.key);
                if (e.value != null) {
                    out.writeUTF(e.value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }

    static List<Edit> decode(byte[] diff) throws WireFormatException {
        List<Edit> edits = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(diff));
        try {
            while (in.available() > 0) {
                int kind = in.readUnsignedByte();
                if (kind != 1 && kind != 2) {
                    throw new WireFormatException("kv: unknown edit kind " + kind);
                }
                String key = in.readUTF();
                edits.add(new Edit(key, kind == 1 ? in.readUTF() : null));
            }
        } catch (IOException e) {
            throw new WireFormatException("kv: truncated edit");
        }
        return edits;
    }
}
