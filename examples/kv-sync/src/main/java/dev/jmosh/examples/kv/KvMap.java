package dev.jmosh.examples.kv;

import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The server's state: the map itself. A diff sets the keys that differ and removes the keys that went. */
public final class KvMap implements SyncState<KvMap> {
    private final TreeMap<String, String> entries;

    /** An empty map (state 0). */
    public KvMap() {
        this(new TreeMap<>());
    }

    private KvMap(TreeMap<String, String> entries) {
        this.entries = entries;
    }

    /** Applies one edit. */
    public void apply(Edit e) {
        if (e.value() == null) {
            entries.remove(e.key());
        } else {
            entries.put(e.key(), e.value());
        }
    }

    /** The entries, sorted by key. */
    public Map<String, String> entries() {
        return new TreeMap<>(entries);
    }

    @Override
    public KvMap copy() {
        return new KvMap(new TreeMap<>(entries));
    }

    @Override
    public void subtract(KvMap prefix) {
        // a map is not a log: nothing to trim
    }

    @Override
    public byte[] diffFrom(KvMap existing) {
        List<Edit> edits = new ArrayList<>();
        entries.forEach((k, v) -> {
            if (!v.equals(existing.entries.get(k))) {
                edits.add(new Edit(k, v));
            }
        });
        existing.entries.keySet().stream().filter(k -> !entries.containsKey(k)).forEach(k -> edits.add(new Edit(k, null)));
        return Edit.encode(edits);
    }

    @Override
    public byte[] initDiff() {
        return diffFrom(new KvMap());
    }

    @Override
    public void applyDiff(byte[] diff) throws WireFormatException {
        for (Edit e : Edit.decode(diff)) {
            apply(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvMap other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
