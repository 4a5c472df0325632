package dev.jmosh.ssp.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts instructions into fragments, mosh's {@code Network::Fragmenter}.
 *
 * <p>The instruction id is a counter that starts at 0 and is incremented before use whenever the
 * instruction differs from the previous one in {@code old_num}, {@code new_num}, {@code ack_num},
 * {@code throwaway_num}, {@code chaff} or {@code protocol_version}, or the fragment size changed,
 * so the first id on the wire is 1 and an identical retransmission reuses its id. jmosh also
 * increments it when only the diff differs: mosh asserts that never happens, and a receiver must
 * never see two different payloads under one (id, number).
 *
 * <p>The serialized instruction is compressed once and cut into slices of at most
 * {@code maxContentBytes}, numbered from 0; the last one carries the final bit:
 * <pre>
 *  zlib(Instruction): |&lt;-- max --&gt;|&lt;-- max --&gt;|&lt;- rest -&gt;|
 *  fragments:          id,0         id,1         id,2,final
 * </pre>
 *
 * <p>Not thread-safe: one fragmenter belongs to one sender.
 */
public final class Fragmenter {
    private long id;
    private Instruction previous;
    private int previousMaxContentBytes = -1;

    /** A fragmenter whose first instruction will get id 1. */
    public Fragmenter() {
    }

    /**
     * Compresses and cuts one instruction.
     *
     * @param maxContentBytes the most contents per fragment, in bytes (the datagram budget minus
     *     the {@value Fragment#HEADER_BYTES}-byte fragment header; 1214 for IPv4)
     * @return one or more fragments, in order
     * @throws IllegalArgumentException if {@code maxContentBytes < 1}
     * @throws IllegalStateException if the instruction needs more than {@code 0x8000} fragments
     *     (mosh aborts), or serializes to more than {@value Compressor#MAX_INFLATED_BYTES} bytes,
     *     which the peer would refuse to inflate; the id is then left unchanged
     */
    public List<Fragment> fragment(Instruction instruction, int maxContentBytes) {
        if (maxContentBytes < 1) {
            throw new IllegalArgumentException("a fragment must hold at least 1 byte, not " + maxContentBytes);
        }
        byte[] serialized = instruction.encode();
        if (serialized.length > Compressor.MAX_INFLATED_BYTES) {
            throw new IllegalStateException("instruction of " + serialized.length + " bytes exceeds the "
                    + Compressor.MAX_INFLATED_BYTES + "-byte limit of the receiver");
        }
        byte[] payload = Compressor.compress(serialized);
        int count = (payload.length + maxContentBytes - 1) / maxContentBytes;
        if (count - 1 > Fragment.MAX_NUMBER) {
            throw new IllegalStateException("instruction needs " + count + " fragments of " + maxContentBytes
                    + " bytes; at most " + (Fragment.MAX_NUMBER + 1) + " are possible");
        }
        if (previous == null || maxContentBytes != previousMaxContentBytes || !previous.sameHeader(instruction)
                || !Arrays.equals(previous.diff(), instruction.diff())) {
            id++;
        }
        previous = instruction;
        previousMaxContentBytes = maxContentBytes;

        List<Fragment> fragments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * maxContentBytes;
            int to = Math.min(payload.length, from + maxContentBytes);
            fragments.add(new Fragment(id, i, i == count - 1, Arrays.copyOfRange(payload, from, to)));
        }
        return fragments;
    }

    /** The id of the most recent instruction, or 0 before the first. */
    public long lastId() {
        return id;
    }
}
