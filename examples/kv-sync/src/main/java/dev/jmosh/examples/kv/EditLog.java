package dev.jmosh.examples.kv;

import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's state: the log of its edits, oldest first. A diff is the edits after the
 * reference log; what the server acknowledged is trimmed from the front ({@link #subtract}), as
 * mosh's {@code UserStream} does with keystrokes.
 */
public final class EditLog implements SyncState<EditLog> {
    private final List<Edit> edits;

    /** An empty log (state 0). */
    public EditLog() {
        this(new ArrayList<>());
    }

    private EditLog(List<Edit> edits) {
        this.edits = edits;
    }

    /** Appends an edit. */
    public void add(Edit e) {
        edits.add(e);
    }

    /** The edits held, oldest first. */
    public List<Edit> edits() {
        return List.copyOf(edits);
    }

    @Override
    public EditLog copy() {
        return new EditLog(new ArrayList<>(edits));
    }

    @Override
    public void subtract(EditLog prefix) {
        int n = 0;
        while (n < prefix.edits.size() && n < edits.size() && edits.get(n).equals(prefix.edits.get(n))) {
            n++;
        }
        edits.subList(0, n).clear();
    }

    @Override
    public byte[] diffFrom(EditLog existing) {
        int skip = Math.min(existing.edits.size(), edits.size());
        return Edit.encode(edits.subList(skip, edits.size()));
    }

    @Override
    public byte[] initDiff() {
        return diffFrom(new EditLog());
    }

    @Override
    public void applyDiff(byte[] diff) throws WireFormatException {
        edits.addAll(Edit.decode(diff)); // decode first: a bad diff leaves the log as it was
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EditLog other && edits.equals(other.edits);
    }

    @Override
    public int hashCode() {
        return edits.hashCode();
    }
}
