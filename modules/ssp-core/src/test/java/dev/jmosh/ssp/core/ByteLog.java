package dev.jmosh.ssp.core;

import dev.jmosh.ssp.SyncState;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The trivial state of design.md practice 3: an append-only byte log whose diff is the appended
 * bytes. It lets SSP be tested with no terminal at all.
 */
final class ByteLog implements SyncState<ByteLog> {
    private byte[] bytes;

    ByteLog() {
        this(new byte[0]);
    }

    private ByteLog(byte[] bytes) {
        this.bytes = bytes;
    }

    void append(byte[] more) {
        byte[] n = Arrays.copyOf(bytes, bytes.length + more.length);
        System.arraycopy(more, 0, n, bytes.length, more.length);
        bytes = n;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public ByteLog copy() {
        return new ByteLog(bytes.clone());
    }

    @Override
    public void subtract(ByteLog prefix) {
        if (prefix == this) {
            bytes = new byte[0];
            return;
        }
        int n = Math.min(prefix.bytes.length, bytes.length);
        bytes = Arrays.copyOfRange(bytes, n, bytes.length);
    }

    @Override
    public byte[] diffFrom(ByteLog existing) {
        int n = Math.min(existing.bytes.length, bytes.length);
        return Arrays.copyOfRange(bytes, n, bytes.length);
    }

    @Override
    public byte[] initDiff() {
        return bytes.clone();
    }

    @Override
    public void applyDiff(byte[] diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes);
        out.writeBytes(diff);
        bytes = out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteLog other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
