package dev.jmosh.vt.internal.screen;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hyperlinks (OSC 8) of one screen, interned: every cell and cursor that carries a link
 * refers to the one canonical string for it, {@code "id=ID;URI"} or {@code ";URI"}, so a run of
 * linked cells costs one reference each and no objects. Beyond mosh 1.4.0.
 *
 * <p>At most {@value #MAX_LINKS} distinct links are held. When the table is full it is rebuilt
 * from the links still in use on the screen (at most once per {@value #REBUILD_INTERVAL} new
 * links, so a screen full of distinct links cannot make every new one scan the screen); a link
 * that still does not fit is dropped, and its text prints unlinked.
 *
 * <p>Each screen has its own table, created on first use; a copy starts with an empty one, so a
 * table is only ever touched by the thread that writes its screen. Links are compared by value
 * wherever two screens meet, so interning is only a saving, never a condition for correctness.
 */
final class LinkTable {
    /** Most distinct links a screen holds. */
    static final int MAX_LINKS = 1024;
    /** Fewest new links between two rebuilds of a full table. */
    static final int REBUILD_INTERVAL = MAX_LINKS / 4;

    private final Map<String, String> links = new HashMap<>();
    private int sinceRebuild;

    /**
     * Returns the canonical instance of {@code link}, or null if the table is full.
     *
     * @param inUse passes every link the screen still uses to its argument
     */
    String intern(String link, Consumer<Consumer<String>> inUse) {
        String canonical = links.get(link);
        if (canonical != null) {
            return canonical;
        }
        sinceRebuild++;
        if (links.size() >= MAX_LINKS) {
            if (sinceRebuild < REBUILD_INTERVAL) {
                return null;
            }
            sinceRebuild = 0;
            links.clear();
            inUse.accept(l -> links.put(l, l));
            if (links.size() >= MAX_LINKS) {
                return null;
            }
        }
        links.put(link, link);
        return link;
    }

    /** Returns how many links are held (for tests). */
    int size() {
        return links.size();
    }
}
