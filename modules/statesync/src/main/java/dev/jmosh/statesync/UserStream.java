package dev.jmosh.statesync;

import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.UserMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's state (mosh {@code Network::UserStream}): an append-only log of keystrokes and
 * resizes. A diff is the events after the reference state, with consecutive bytes merged into
 * one {@code Keystroke}; acknowledged prefixes are trimmed on both sides with {@link #subtract}.
 */
public final class UserStream implements SyncState<UserStream> {
    private final List<UserEvent> events;
    private int start;

    /** An empty stream (state 0). */
    public UserStream() {
        this.events = new ArrayList<>();
    }

    private UserStream(List<UserEvent> events) {
        this.events = events;
    }

    /** Appends typed bytes. */
    public void pushBytes(byte[] bytes, int off, int len) {
        for (int i = 0; i < len; i++) {
            events.add(UserEvent.UserByte.of(bytes[off + i]));
        }
    }

    /** Appends one event. */
    public void push(UserEvent event) {
        events.add(event);
    }

    /** Number of events held. */
    public int size() {
        return events.size() - start;
    }

    /** The {@code i}th event held. */
    public UserEvent get(int i) {
        return events.get(start + i);
    }

    /** Whether no events are held. */
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public UserStream copy() {
        return new UserStream(new ArrayList<>(events.subList(start, events.size())));
    }

    @Override
    public void subtract(UserStream prefix) {
        if (prefix == this) {
            events.clear();
            start = 0;
            return;
        }
        int n = prefix.size();
        for (int i = 0; i < n && start < events.size(); i++) {
            if (!events.get(start).equals(prefix.get(i))) {
                break;
            }
            start++;
        }
        if (start > 1024 && start > events.size() / 2) {
            events.subList(0, start).clear();
            start = 0;
        }
    }

    @Override
    public byte[] diffFrom(UserStream existing) {
        int skip = Math.min(existing.size(), size());
        List<UserMessage.Element> out = new ArrayList<>();
        ByteArrayOutputStream keys = null;
        for (int i = skip; i < size(); i++) {
            UserEvent e = get(i);
            if (e instanceof UserEvent.UserByte b) {
                if (keys == null) {
                    keys = new ByteArrayOutputStream();
                }
                keys.write(b.value());
            } else if (e instanceof UserEvent.Resize r) {
                if (keys != null) {
                    out.add(new UserMessage.Keystroke(keys.toByteArray()));
                    keys = null;
                }
                out.add(new UserMessage.Resize(r.width(), r.height()));
            }
        }
        if (keys != null) {
            out.add(new UserMessage.Keystroke(keys.toByteArray()));
        }
        return out.isEmpty() ? new byte[0] : new UserMessage(out).encode();
    }

    @Override
    public byte[] initDiff() {
        return diffFrom(new UserStream());
    }

    @Override
    public void applyDiff(byte[] diff) throws WireFormatException {
        UserMessage message = UserMessage.decode(diff);
        for (UserMessage.Element e : message.elements()) {
            if (e instanceof UserMessage.Keystroke k) {
                pushBytes(k.keys(), 0, k.keys().length);
            } else if (e instanceof UserMessage.Resize r) {
                push(new UserEvent.Resize(r.width(), r.height()));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UserStream other) || other.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!get(i).equals(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size(); i++) {
            h = 31 * h + get(i).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return "UserStream[" + size() + " events]";
    }
}
