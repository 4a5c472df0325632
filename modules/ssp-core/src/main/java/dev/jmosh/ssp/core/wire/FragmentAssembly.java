package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts one instruction back together from its fragments, mosh's
 * {@code Network::FragmentAssembly}.
 *
 * <ul>
 *   <li>Only one instruction is assembled at a time: a fragment with another id discards the
 *       partial one and starts afresh.</li>
 *   <li>Fragments may come in any order; an identical duplicate is ignored.</li>
 *   <li>The final fragment tells the count ({@code number + 1}); the instruction is complete when
 *       that many distinct fragments have arrived.</li>
 * </ul>
 *
 * <p>Where mosh asserts (and so aborts), this class drops the partial instruction and throws
 * {@link WireFormatException}: a fragment numbered beyond a known final one, a final fragment
 * numbered below one already seen, or two different fragments under one (id, number).
 *
 * <p>mosh discards a partial instruction silently; this class counts the fragments it discards
 * that way, or drops as above, in {@link #abandoned()}, so that a receiver can account for every
 * datagram.
 *
 * <p>Beyond mosh, the fragments held are bounded: an instruction whose compressed bytes pass
 * {@link #MAX_COMPRESSED_BYTES} could not inflate within {@link Compressor#MAX_INFLATED_BYTES}
 * anyway (deflate grows incompressible data by a few bytes per block), so it is dropped as soon
 * as it does, rather than held up to 32768 fragments (some 40 MiB) of it.
 *
 * <p>Not thread-safe: one assembly belongs to one receiver.
 */
public final class FragmentAssembly {
    /** The most compressed bytes one instruction's fragments may hold. */
    public static final int MAX_COMPRESSED_BYTES = Compressor.MAX_INFLATED_BYTES + 64 * 1024;

    private final List<Fragment> parts = new ArrayList<>();
    private long heldBytes;
    private boolean hasId;
    private long currentId;
    private int arrived;
    /** Number of fragments of the current instruction, or -1 while its final one is missing. */
    private int total = -1;
    private long abandoned;

    /** An empty assembly. */
    public FragmentAssembly() {
    }

    /**
     * Adds a fragment.
     *
     * @return true when the current instruction is complete and {@link #assemble} may be called
     * @throws WireFormatException when the fragment contradicts those already held; the partial
     *     instruction is then dropped
     */
    public boolean add(Fragment f) throws WireFormatException {
        if (!hasId || f.id() != currentId) {
            abandoned += arrived;
            clear();
            hasId = true;
            currentId = f.id();
        }
        int n = f.number();
        if (total >= 0 && n >= total) {
            throw reject("fragment " + n + " of instruction " + Long.toUnsignedString(f.id())
                    + " lies beyond its final fragment " + (total - 1));
        }
        Fragment held = n < parts.size() ? parts.get(n) : null;
        if (held != null) {
            if (!held.equals(f)) {
                throw reject("two different fragments numbered " + n + " in instruction "
                        + Long.toUnsignedString(f.id()));
            }
            return isComplete();
        }
        if (f.last()) {
            if (parts.size() > n + 1) {
                throw reject("final fragment " + n + " of instruction "
                        + Long.toUnsignedString(f.id()) + " follows fragment " + (parts.size() - 1));
            }
            total = n + 1;
        }
        if (heldBytes + f.contents().length > MAX_COMPRESSED_BYTES) {
            throw reject("instruction " + Long.toUnsignedString(f.id()) + " holds more than "
                    + MAX_COMPRESSED_BYTES + " compressed bytes at fragment " + n);
        }
        while (parts.size() <= n) {
            parts.add(null);
        }
        parts.set(n, f);
        heldBytes += f.contents().length;
        arrived++;
        return isComplete();
    }

    /**
     * Fragments discarded so far before their instruction was complete: displaced by a fragment
     * of another instruction, or dropped with their instruction when a contradicting fragment
     * came (that one is not counted here: {@link #add} threw for it).
     */
    public long abandoned() {
        return abandoned;
    }

    /** Whether every fragment of the current instruction has arrived. */
    public boolean isComplete() {
        return total >= 0 && arrived == total;
    }

    /**
     * Concatenates, inflates and decodes the complete instruction, then empties the assembly.
     *
     * @throws WireFormatException when the zlib stream or the protobuf is bad
     * @throws IllegalStateException when the instruction is not complete
     */
    public Instruction assemble() throws WireFormatException {
        if (!isComplete()) {
            throw new IllegalStateException("instruction is not complete: " + arrived + " of "
                    + (total < 0 ? "?" : Integer.toString(total)) + " fragments");
        }
        try {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            for (Fragment part : parts) {
                compressed.write(part.contents(), 0, part.contents().length);
            }
            byte[] zlib = compressed.toByteArray();
            return Instruction.decode(Compressor.decompress(zlib, 0, zlib.length));
        } finally {
            clear(); // like mosh, keep the id: a late duplicate starts the same instruction again
        }
    }

    private void clear() {
        parts.clear();
        heldBytes = 0;
        arrived = 0;
        total = -1;
    }

    /**
     * Drops the partial instruction and returns the exception to throw: the message is built by
     * the caller first, from the fragments still held (dropping first printed "-2").
     */
    private WireFormatException reject(String message) {
        drop();
        return new WireFormatException(message);
    }

    private void drop() {
        abandoned += arrived;
        clear();
        hasId = false;
    }
}
